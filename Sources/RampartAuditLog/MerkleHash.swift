// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A 32-byte SHA-256 value: a leaf hash, an interior node hash or a tree root.
///
/// JSON (``Codable``) uses standard base64, as the C2SP checkpoint format and Certificate
/// Transparency's JSON API do; ``hex`` is offered for logs and humans.
package struct MerkleHash: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of bytes in a hash.
    package static let byteCount = 32

    // Four inline words rather than an array: a hash is made for every leaf and every node, and
    // an inline value saves a heap allocation each time (1M-record verification makes ~2M).
    // The words are only a container; the bytes are kept in memory order.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Copies exactly 32 bytes from a raw buffer. Callers guarantee the length.
    init(uncheckedBytes buffer: UnsafeRawBufferPointer) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer.prefix(32))) }
        self.words = words
    }

    /// Wraps a SHA-256 digest.
    init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { MerkleHash(uncheckedBytes: $0) }
    }

    /// Creates a hash from exactly 32 bytes.
    ///
    /// - Throws: ``AuditLogError/Code/invalidHash`` when `bytes` is not 32 bytes long.
    package init(bytes: some Collection<UInt8>) throws {
        guard bytes.count == Self.byteCount else {
            throw AuditLogError(.invalidHash, "a hash is 32 bytes, got \(bytes.count)")
        }
        let array = Array(bytes)
        self = array.withUnsafeBytes { MerkleHash(uncheckedBytes: $0) }
    }

    /// Parses 64 hexadecimal digits (either case).
    ///
    /// - Throws: ``AuditLogError/Code/invalidHash`` for any other text.
    package init(hex: String) throws {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 2 * Self.byteCount else {
            throw AuditLogError(.invalidHash, "a hex hash is 64 digits, got \(utf8.count) characters")
        }
        var bytes = [UInt8](repeating: 0, count: Self.byteCount)
        for index in 0..<Self.byteCount {
            guard let high = Self.nibble(utf8[2 * index]), let low = Self.nibble(utf8[2 * index + 1]) else {
                throw AuditLogError(.invalidHash, "`\(hex)` is not hexadecimal")
            }
            bytes[index] = high << 4 | low
        }
        try self.init(bytes: bytes)
    }

    /// Parses standard (padded) base64 of 32 bytes.
    ///
    /// - Throws: ``AuditLogError/Code/invalidHash`` for any other text.
    package init(base64: String) throws {
        guard let data = Data(base64Encoded: base64) else {
            throw AuditLogError(.invalidHash, "`\(base64)` is not base64")
        }
        try self.init(bytes: data)
    }

    /// The 32 bytes.
    package var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Lower-case hexadecimal, 64 digits.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(2 * Self.byteCount)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Standard padded base64, 44 characters.
    package var base64: String {
        withUnsafeBytes { Data($0).base64EncodedString() }
    }

    package var description: String { hex }

    /// Calls `body` with the 32 bytes, without copying them.
    package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    package static func == (lhs: MerkleHash, rhs: MerkleHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(base64: text)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(base64)
    }

    private static func nibble(_ ascii: UInt8) -> UInt8? {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ascii - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): ascii - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): ascii - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
