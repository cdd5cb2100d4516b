// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import NIOCore

/// Writes the encrypted container: header, then the content deflated and sealed in fixed-size
/// AES-256-GCM chunks.
///
/// Memory stays flat whatever the size of the content: at most one input block, one chunk and
/// the compressor's window are held. Every chunk but the last holds exactly
/// ``BackupHeader/chunkSize`` compressed bytes; the last is sealed with the final flag in its
/// associated data, so a reader detects a file cut at a chunk boundary.
package final class BackupContainerWriter {
    package struct Configuration: Sendable {
        package var chunkSize = 1 << 20
        package var scrypt = ScryptParameters.default
        /// zlib level: 1 (the default) compresses JSON rows well at several times level 6's speed.
        package var compressionLevel: Int32 = 1
        package var compress = true

        package init() {}
    }

    package struct Summary: Sendable {
        package var fileBytes: UInt64
        package var plaintextBytes: UInt64
        package var chunks: UInt64
    }

    private let output: BackupOutputFile
    private var header: BackupHeader
    private let key: SymmetricKey
    private let headerDigest: [UInt8]
    private let chunkSize: Int
    private let deflater: Deflater?
    private var input: ByteBuffer
    private var sealing: [UInt8] = []
    private var chunkIndex: UInt64 = 0
    private var plaintextBytes: UInt64 = 0
    private static let inputBlock = 256 * 1024

    /// Writes the header (lengths zero for now) and prepares the stream.
    package init(output: BackupOutputFile, credential: BackupCredential, createdAt: Int64, configuration: Configuration = .init()) throws {
        guard BackupHeader.chunkSizeRange.contains(configuration.chunkSize) else {
            throw BackupError(.io, "chunk size must be from 4 KiB to 16 MiB")
        }
        var random = SystemRandomNumberGenerator()
        func salt() -> [UInt8] { (0..<BackupKeys.saltLength).map { _ in UInt8.random(in: .min ... .max, using: &random) } }
        let scrypt: ScryptParameters? = credential.kind == .passphrase ? configuration.scrypt : nil
        let scryptSalt = scrypt == nil ? [UInt8](repeating: 0, count: 32) : salt()
        let streamSalt = salt()
        let keys = try BackupKeys(credential: credential, scrypt: scrypt, scryptSalt: scryptSalt, streamSalt: streamSalt)
        header = BackupHeader(
            keyKind: credential.kind, compression: configuration.compress ? .deflate : .none, chunkSize: configuration.chunkSize,
            scrypt: scrypt, scryptSalt: scryptSalt, streamSalt: streamSalt, keyCheck: keys.keyCheck, createdAt: createdAt)
        key = keys.payloadKey
        headerDigest = header.boundDigest
        chunkSize = configuration.chunkSize
        deflater = configuration.compress ? try Deflater(level: configuration.compressionLevel) : nil
        input = ByteBufferAllocator().buffer(capacity: Self.inputBlock)
        sealing.reserveCapacity(configuration.chunkSize * 2)
        self.output = output
        try output.write(header.encoded())
    }

    /// Content bytes written so far (before compression).
    package var contentBytes: UInt64 { plaintextBytes }

    /// Bytes of the file written so far.
    package var fileBytes: UInt64 { output.bytesWritten }

    /// Appends content.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        plaintextBytes += UInt64(bytes.count)
        input.writeBytes(bytes)
        if input.readableBytes >= Self.inputBlock { try flushInput(finish: false) }
    }

    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Seals the last chunk, patches the header's lengths in and returns the totals. The caller
    /// then commits the output file.
    package func finish() throws -> Summary {
        try flushInput(finish: true)
        try sealChunks(final: true)
        header.payloadLength = output.bytesWritten - UInt64(BackupHeader.length)
        header.plaintextLength = plaintextBytes
        try output.write(header.encoded(), at: 0)
        return Summary(fileBytes: output.bytesWritten, plaintextBytes: plaintextBytes, chunks: chunkIndex)
    }

    /// Makes the finished file durable under its final name (see ``BackupOutputFile/commit()``).
    package func commit() throws { try output.commit() }

    /// Abandons the file: nothing is left under the final name, nor under the temporary one.
    package func discard() { output.discard() }

    private func flushInput(finish: Bool) throws {
        if let deflater {
            try deflater.compress(&input, finish: finish) { compressed in
                if let bytes = compressed.readBytes(length: compressed.readableBytes) { sealing += bytes }
            }
        } else if let bytes = input.readBytes(length: input.readableBytes) {
            sealing += bytes
        }
        input.clear()
        try sealChunks(final: false)
    }

    /// Seals every complete chunk that is certainly not the last (more bytes follow it); with
    /// `final`, also seals what remains as the last chunk.
    private func sealChunks(final: Bool) throws {
        var start = 0
        while sealing.count - start > chunkSize {
            try seal(sealing[start..<(start + chunkSize)], final: false)
            start += chunkSize
        }
        if final {
            try seal(sealing[start...], final: true)
            start = sealing.count
        }
        if start > 0 { sealing.removeFirst(start) }
    }

    private func seal(_ plaintext: ArraySlice<UInt8>, final: Bool) throws {
        let aad = BackupKeys.associatedData(headerDigest: headerDigest, index: chunkIndex, final: final)
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(plaintext, using: key, nonce: try BackupKeys.nonce(chunkIndex), authenticating: aad)
        } catch {
            throw BackupError(.io, "encryption failed: \(error)")
        }
        try box.ciphertext.withUnsafeBytes { try output.write($0) }
        try box.tag.withUnsafeBytes { try output.write($0) }
        chunkIndex += 1
    }
}
