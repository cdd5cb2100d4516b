// SPDX-License-Identifier: Apache-2.0

import Crypto

extension Curve25519.Signing.PublicKey {
    /// The audit log's name for this checkpoint-signing key: the first 8 bytes of
    /// `SHA-256(raw 32-byte public key)`, as 16 lower-case hex digits.
    ///
    /// A verifier uses it to pick the trusted key for a checkpoint; it carries no trust by
    /// itself (anyone can compute it), the signature check does.
    package var auditKeyID: String {
        let digest = SHA256.hash(data: rawRepresentation)
        return digest.prefix(8).map { byte in
            let text = String(byte, radix: 16)
            return byte < 0x10 ? "0" + text : text
        }.joined()
    }
}
