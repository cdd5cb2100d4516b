// SPDX-License-Identifier: Apache-2.0

import Crypto
import CryptoExtras
import Foundation

/// The keys of one backup file, derived from the operator's credential and the file's salts.
///
/// root = scrypt(passphrase, scrypt salt) or the 32-byte key file;
/// payload key = HKDF-SHA256(root, stream salt, "rampart backup v1 payload key");
/// key check = HKDF-SHA256(root, stream salt, "rampart backup v1 key check").
///
/// Every file has a fresh random stream salt, so every file has its own payload key and the chunk
/// counter can serve as the AES-GCM nonce without ever repeating one under the same key. The key
/// check lets a reader say "wrong passphrase or key" instead of "modified", which a failed tag on
/// the first chunk could not distinguish.
struct BackupKeys {
    let payloadKey: SymmetricKey
    let keyCheck: [UInt8]

    static let saltLength = 32

    init(credential: BackupCredential, scrypt: ScryptParameters?, scryptSalt: [UInt8], streamSalt: [UInt8]) throws {
        let root: SymmetricKey
        switch credential {
        case .keyFile(let key):
            root = key
        case .passphrase(let text):
            guard let scrypt else { throw BackupError(.headerDamaged, "the backup header is damaged (scrypt parameters)") }
            do {
                root = try KDF.Scrypt.deriveKey(
                    from: Array(text.utf8), salt: scryptSalt, outputByteCount: 32, rounds: 1 << Int(scrypt.logN),
                    blockSize: Int(scrypt.blockSize), parallelism: Int(scrypt.parallelism))
            } catch {
                throw BackupError(.io, "cannot derive the backup key from the passphrase: \(error)")
            }
        }
        payloadKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: root, salt: streamSalt, info: Data("rampart backup v1 payload key".utf8), outputByteCount: 32)
        keyCheck = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: root, salt: streamSalt, info: Data("rampart backup v1 key check".utf8), outputByteCount: 32
        ).withUnsafeBytes { Array($0) }
    }

    /// Unlocks a file whose header was read, or says exactly why not.
    init(credential: BackupCredential, header: BackupHeader) throws {
        guard credential.kind == header.keyKind else {
            switch header.keyKind {
            case .passphrase:
                throw BackupError(
                    .wrongKey, "this backup is protected by a passphrase, not a key file; give --passphrase-file or set RAMPART_BACKUP_PASSPHRASE")
            case .keyFile:
                throw BackupError(.wrongKey, "this backup is protected by a backup key file, not a passphrase; give --key-file")
            }
        }
        try self.init(credential: credential, scrypt: header.scrypt, scryptSalt: header.scryptSalt, streamSalt: header.streamSalt)
        var difference: UInt8 = 0
        for (left, right) in zip(keyCheck, header.keyCheck) { difference |= left ^ right }
        guard difference == 0, keyCheck.count == header.keyCheck.count else {
            switch header.keyKind {
            case .passphrase: throw BackupError(.wrongKey, "wrong passphrase for this backup")
            case .keyFile: throw BackupError(.wrongKey, "wrong backup key file for this backup")
            }
        }
    }

    /// Nonce of chunk `index`: 4 zero bytes and the 64-bit big-endian index.
    static func nonce(_ index: UInt64) throws -> AES.GCM.Nonce {
        var bytes: [UInt8] = [0, 0, 0, 0]
        bytes.appendBigEndian(index)
        return try AES.GCM.Nonce(data: bytes)
    }

    /// Associated data of chunk `index`: binds the header, the position and whether it is last, so
    /// a reordered, dropped or re-terminated chunk fails authentication.
    static func associatedData(headerDigest: [UInt8], index: UInt64, final: Bool) -> [UInt8] {
        var bytes = headerDigest
        bytes.appendBigEndian(index)
        bytes.append(final ? 1 : 0)
        return bytes
    }
}
