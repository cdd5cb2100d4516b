// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The fixed-size, unencrypted header at the start of every backup file (format version 1).
///
/// Layout (big-endian):
///
/// | offset | bytes | field |
/// | --- | --- | --- |
/// | 0 | 8 | magic `RAMPBKUP` |
/// | 8 | 2 | format version (1) |
/// | 10 | 2 | header length (176) |
/// | 12 | 1 | key kind: 1 passphrase, 2 key file |
/// | 13 | 1 | compression: 0 none, 1 raw deflate |
/// | 14 | 1 | cipher: 1 AES-256-GCM |
/// | 15 | 1 | reserved (0) |
/// | 16 | 4 | chunk size *C* (compressed plaintext bytes per chunk) |
/// | 20 | 3 | scrypt log2 N, r, p (zero for a key file) |
/// | 23 | 1 | reserved (0) |
/// | 24 | 32 | scrypt salt (zero for a key file) |
/// | 56 | 32 | stream salt (HKDF salt of the payload key) |
/// | 88 | 32 | key check (HKDF output that proves the key, reveals nothing of it) |
/// | 120 | 8 | created at, Unix milliseconds |
/// | 128 | 8 | payload length: bytes of chunks after the header |
/// | 136 | 8 | plaintext length: uncompressed content bytes (for progress only) |
/// | 144 | 32 | SHA-256 of bytes 0..<144 |
///
/// Bytes 0..<128 are known before the first chunk is sealed and are bound into every chunk's
/// associated data (by their SHA-256), so changing them breaks every chunk. The lengths are only
/// known at the end; they are patched in last and protected by the checksum, which lets a reader
/// tell a truncated or extended file from a modified one before it decrypts anything.
package struct BackupHeader: Sendable, Equatable {
    package static let magic: [UInt8] = Array("RAMPBKUP".utf8)
    package static let formatVersion: UInt16 = 1
    package static let length = 176
    static let boundLength = 128
    static let checksummedLength = 144
    /// AES-GCM tag length: each chunk on disk is its plaintext plus this.
    package static let tagLength = 16

    package enum Compression: UInt8, Sendable {
        case none = 0
        case deflate = 1
    }

    package var keyKind: BackupKeyKind
    package var compression: Compression
    package var chunkSize: Int
    package var scrypt: ScryptParameters?
    package var scryptSalt: [UInt8]
    package var streamSalt: [UInt8]
    package var keyCheck: [UInt8]
    package var createdAt: Int64
    package var payloadLength: UInt64 = 0
    package var plaintextLength: UInt64 = 0

    /// Chunks are between 4 KiB and 16 MiB; a crafted header cannot ask for more memory.
    static let chunkSizeRange = 4096...(16 << 20)

    package func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.length)
        bytes += Self.magic
        bytes.appendBigEndian(Self.formatVersion)
        bytes.appendBigEndian(UInt16(Self.length))
        bytes += [keyKind.rawValue, compression.rawValue, 1, 0]
        bytes.appendBigEndian(UInt32(chunkSize))
        bytes += [scrypt?.logN ?? 0, scrypt?.blockSize ?? 0, scrypt?.parallelism ?? 0, 0]
        bytes += Self.padded(scryptSalt)
        bytes += Self.padded(streamSalt)
        bytes += Self.padded(keyCheck)
        bytes.appendBigEndian(UInt64(bitPattern: createdAt))
        bytes.appendBigEndian(payloadLength)
        bytes.appendBigEndian(plaintextLength)
        bytes += Array(SHA256.hash(data: bytes))
        return bytes
    }

    /// SHA-256 of the part of the header that exists before the first chunk: the chunks' AAD.
    package var boundDigest: [UInt8] {
        Array(SHA256.hash(data: encoded()[0..<Self.boundLength]))
    }

    /// Parses and checks a header.
    ///
    /// - Parameter fileLength: the whole file's length, to tell truncation and appended bytes
    ///   apart from modification before any decryption.
    package static func parse(_ bytes: [UInt8], fileLength: UInt64) throws -> BackupHeader {
        guard bytes.count >= 8, Array(bytes[0..<8]) == magic else {
            throw BackupError(.unrecognized, "not a Rampart backup (bad magic bytes)")
        }
        guard bytes.count >= 12 else { throw BackupError(.truncated, "the backup is truncated inside its header") }
        var reader = ByteReader(bytes)
        reader.skip(8)
        let version = reader.uint16()
        guard version == formatVersion else {
            throw BackupError(.unrecognized, "backup format version \(version) is not supported by this build (reads version \(formatVersion))")
        }
        guard Int(reader.uint16()) == length else { throw BackupError(.headerDamaged, "the backup header is damaged (length field)") }
        guard bytes.count >= length else { throw BackupError(.truncated, "the backup is truncated inside its header") }
        let checksum = Array(SHA256.hash(data: bytes[0..<checksummedLength]))
        guard checksum == Array(bytes[checksummedLength..<length]) else {
            throw BackupError(.headerDamaged, "the backup header is damaged (checksum mismatch)")
        }
        guard let keyKind = BackupKeyKind(rawValue: reader.uint8()),
            let compression = Compression(rawValue: reader.uint8()), reader.uint8() == 1, reader.uint8() == 0
        else { throw BackupError(.headerDamaged, "the backup header is damaged (unknown key kind, compression or cipher)") }
        let chunkSize = Int(reader.uint32())
        let logN = reader.uint8()
        let blockSize = reader.uint8()
        let parallelism = reader.uint8()
        _ = reader.uint8()
        var scrypt: ScryptParameters?
        if keyKind == .passphrase {
            let parameters = ScryptParameters(logN: logN, blockSize: blockSize, parallelism: parallelism)
            guard parameters.isAcceptable else { throw BackupError(.headerDamaged, "the backup header is damaged (scrypt parameters)") }
            scrypt = parameters
        }
        var header = BackupHeader(
            keyKind: keyKind, compression: compression, chunkSize: chunkSize, scrypt: scrypt,
            scryptSalt: reader.bytes(32), streamSalt: reader.bytes(32), keyCheck: reader.bytes(32),
            createdAt: Int64(bitPattern: reader.uint64()))
        header.payloadLength = reader.uint64()
        header.plaintextLength = reader.uint64()
        guard chunkSizeRange.contains(chunkSize) else { throw BackupError(.headerDamaged, "the backup header is damaged (chunk size)") }
        let sealed = UInt64(chunkSize + tagLength)
        let remainder = header.payloadLength % sealed
        guard header.payloadLength >= UInt64(tagLength), remainder == 0 || remainder >= UInt64(tagLength) else {
            throw BackupError(.headerDamaged, "the backup header is damaged (payload length)")
        }
        // The header's checksum is no authentication (anyone can recompute it): the length may
        // be anything, and the sum must not trap.
        let (expected, overflow) = UInt64(length).addingReportingOverflow(header.payloadLength)
        guard !overflow else { throw BackupError(.headerDamaged, "the backup header is damaged (payload length)") }
        if fileLength < expected {
            throw BackupError(.truncated, "the backup is truncated: \(fileLength) of \(expected) bytes present")
        }
        if fileLength > expected {
            throw BackupError(.trailingData, "\(fileLength - expected) unexpected byte(s) follow the end of the backup")
        }
        return header
    }

    /// Number of chunks in the payload and the sealed size of the last one.
    package var chunkLayout: (count: UInt64, lastSealedSize: Int) {
        let sealed = UInt64(chunkSize + Self.tagLength)
        let remainder = payloadLength % sealed
        if remainder == 0 { return (payloadLength / sealed, Int(sealed)) }
        return (payloadLength / sealed + 1, Int(remainder))
    }

    private static func padded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count >= 32 ? Array(bytes.prefix(32)) : bytes + [UInt8](repeating: 0, count: 32 - bytes.count)
    }
}

extension [UInt8] {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

/// Reads big-endian fields from a buffer whose length was checked beforehand.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func skip(_ count: Int) { offset += count }

    mutating func uint8() -> UInt8 { integer() }
    mutating func uint16() -> UInt16 { integer() }
    mutating func uint32() -> UInt32 { integer() }
    mutating func uint64() -> UInt64 { integer() }

    mutating func bytes(_ count: Int) -> [UInt8] {
        let end = Swift.min(offset + count, bytes.count)
        defer { offset = end }
        return Array(bytes[Swift.min(offset, end)..<end])
    }

    private mutating func integer<T: FixedWidthInteger>() -> T {
        var value: T = 0
        for _ in 0..<MemoryLayout<T>.size {
            value = value << 8 | T(offset < bytes.count ? bytes[offset] : 0)
            offset += 1
        }
        return value
    }
}
