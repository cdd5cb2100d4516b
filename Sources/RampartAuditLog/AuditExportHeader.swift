// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The first line of an export file: what range of which tenant's log follows, and the
/// frontier of the records before it.
///
/// The ``prefix`` is what lets a range that does not start at seq 1 be checked: the verifier
/// continues the tree from it, so the roots it reaches at the exported checkpoints cover the
/// whole log. It needs no signature of its own: a wrong prefix gives wrong roots.
package struct AuditExportHeader: Sendable, Hashable, Codable {
    /// The value of ``format``.
    package static let formatName = "rampart-audit-export"
    /// The current ``version``.
    package static let currentVersion = 1

    /// Always ``formatName``: lets tools recognise the file.
    package var format: String
    /// The export format version; readers reject versions they do not know.
    package var version: Int
    package var tenantID: String
    /// The first exported seq.
    package var fromSeq: Int64
    /// The last exported seq (`fromSeq - 1` for an empty range).
    package var toSeq: Int64
    /// The checkpoint-signing public key, raw 32 bytes in standard base64. Informational: the
    /// verifier trusts only the keys it is given.
    package var publicKey: String
    /// ``Curve25519/Signing/PublicKey/auditKeyID`` of ``publicKey``.
    package var keyID: String
    /// The frontier of seqs `1..<fromSeq`; its size is `fromSeq - 1`.
    package var prefix: MerkleFrontier

    package init(tenantID: String, fromSeq: Int64, toSeq: Int64, publicKey: Curve25519.Signing.PublicKey, prefix: MerkleFrontier) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.tenantID = tenantID
        self.fromSeq = fromSeq
        self.toSeq = toSeq
        self.publicKey = publicKey.rawRepresentation.base64EncodedString()
        self.keyID = publicKey.auditKeyID
        self.prefix = prefix
    }

    private enum CodingKeys: String, CodingKey {
        case format
        case version
        case tenantID = "tenantId"
        case fromSeq
        case toSeq
        case publicKey
        case keyID = "keyId"
        case prefix
    }
}
