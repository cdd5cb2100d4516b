// SPDX-License-Identifier: Apache-2.0

import Crypto
import CryptoExtras
import Foundation

/// Memory-hard password hashing with scrypt.
///
/// The encoded hash carries its own parameters and salt
/// (`$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, base64url), so the cost can be raised later and old
/// hashes still verify; ``needsRehash(_:)`` tells a caller when to upgrade one on the next login.
package struct PasswordHasher: Sendable {
    /// scrypt cost parameters.
    package struct Parameters: Sendable, Equatable {
        /// log2 of the CPU/memory cost N.
        package var logN: Int
        package var blockSize: Int
        package var parallelism: Int

        package init(logN: Int, blockSize: Int = 8, parallelism: Int = 1) {
            self.logN = logN
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// N = 2^15, r = 8, p = 1: 32 MiB per hash, the OWASP baseline for scrypt.
        package static let `default` = Parameters(logN: 15)
        /// Cheap parameters for tests only; never use them for real passwords.
        package static let testing = Parameters(logN: 10)
    }

    package let parameters: Parameters
    private static let saltLength = 16
    private static let hashLength = 32

    package init(parameters: Parameters = .default) {
        self.parameters = parameters
    }

    /// Hashes `password` with a fresh random salt.
    package func hash(_ password: Secret<String>) throws -> String {
        let salt = RandomToken.bytes(Self.saltLength)
        let derived = try Self.derive(password, salt: salt, parameters: parameters)
        return "$scrypt$ln=\(parameters.logN),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + Base64URL.encode(Data(salt)) + "$" + Base64URL.encode(Data(derived))
    }

    /// Checks `password` against an encoded hash in constant time with respect to the hash bytes.
    /// A malformed stored hash verifies as `false`, never as a crash.
    package func verify(_ password: Secret<String>, against encoded: String) -> Bool {
        guard let stored = Self.parse(encoded),
            let derived = try? Self.derive(password, salt: stored.salt, parameters: stored.parameters)
        else { return false }
        return ConstantTime.equals(derived, stored.hash)
    }

    /// Whether a stored hash was made with weaker parameters than this hasher's.
    package func needsRehash(_ encoded: String) -> Bool {
        guard let stored = Self.parse(encoded) else { return true }
        return stored.parameters.logN < parameters.logN || stored.parameters.blockSize < parameters.blockSize
    }

    private static func derive(_ password: Secret<String>, salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        let key = try password.withValue { value in
            try KDF.Scrypt.deriveKey(
                from: Array(value.utf8),
                salt: salt,
                outputByteCount: hashLength,
                rounds: 1 << parameters.logN,
                blockSize: parameters.blockSize,
                parallelism: parameters.parallelism
            )
        }
        return key.withUnsafeBytes { Array($0) }
    }

    private static func parse(_ encoded: String) -> (parameters: Parameters, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let keyValue = pair.split(separator: "=")
            guard keyValue.count == 2, let number = Int(keyValue[1]) else { return nil }
            values[String(keyValue[0])] = number
        }
        guard let logN = values["ln"], let blockSize = values["r"], let parallelism = values["p"],
            (1...22).contains(logN), (1...32).contains(blockSize), (1...16).contains(parallelism),
            let salt = Base64URL.decode(String(parts[3])), let hash = Base64URL.decode(String(parts[4])),
            hash.count == hashLength
        else { return nil }
        return (Parameters(logN: logN, blockSize: blockSize, parallelism: parallelism), Array(salt), Array(hash))
    }
}
