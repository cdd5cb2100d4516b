// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an encrypted container back: checks the header, unlocks it with the operator's
/// credential, then yields the content in blocks, authenticating every chunk on the way.
///
/// The checks run in an order that makes each failure name its cause: magic and version
/// (unrecognized), header checksum (damaged header), length against the file (truncated or
/// trailing data), key check (wrong key), then each chunk's tag (modified).
package final class BackupContainerReader {
    package let header: BackupHeader
    package let path: String
    package let fileLength: UInt64
    private let descriptor: Int32
    private let headerDigest: [UInt8]
    private let layout: (count: UInt64, lastSealedSize: Int)
    private var key: SymmetricKey?
    private var inflater: Inflater?
    private var nextChunk: UInt64 = 0
    /// Bytes of the file consumed so far, for progress.
    package private(set) var bytesRead: UInt64 = 0

    /// Opens `path` and checks its header. No key is needed yet.
    package init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BackupError(.io, "cannot open \(path): \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw BackupError(.io, "cannot stat \(path)")
        }
        let fileLength = UInt64(status.st_size)
        var bytes = [UInt8](repeating: 0, count: BackupHeader.length)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        do {
            guard count >= 0 else { throw BackupError(.io, "cannot read \(path)") }
            header = try BackupHeader.parse(Array(bytes.prefix(count)), fileLength: fileLength)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.fileLength = fileLength
        headerDigest = header.boundDigest
        layout = header.chunkLayout
        bytesRead = UInt64(BackupHeader.length)
    }

    deinit { close(descriptor) }

    /// Opens the same file again from its first chunk, unlocked with the key `other` derived,
    /// so a second pass (verify, then restore) does not pay for scrypt twice.
    package convenience init(reopening other: BackupContainerReader) throws {
        try self.init(path: other.path)
        guard header == other.header else { throw BackupError(.modified, "the backup file changed while it was being read") }
        key = other.key
        inflater = header.compression == .deflate ? try Inflater() : nil
    }

    /// Derives the key and checks it against the header's key check.
    package func unlock(_ credential: BackupCredential) throws {
        key = try BackupKeys(credential: credential, header: header).payloadKey
        inflater = header.compression == .deflate ? try Inflater() : nil
    }

    /// The next block of content, or `nil` at the end. Every byte returned has been authenticated.
    package func next() throws -> [UInt8]? {
        guard let key else { throw BackupError(.wrongKey, "the backup has not been unlocked") }
        while true {
            if let inflater, let block = try inflater.next() { return block }
            guard nextChunk < layout.count else {
                if let inflater, !inflater.ended {
                    throw BackupError(.inconsistent, "the compressed content ends before its end marker")
                }
                return nil
            }
            let plaintext = try readChunk(nextChunk, key: key)
            nextChunk += 1
            if let inflater {
                inflater.feed(plaintext)
            } else if !plaintext.isEmpty {
                return plaintext
            }
        }
    }

    private func readChunk(_ index: UInt64, key: SymmetricKey) throws -> [UInt8] {
        let final = index == layout.count - 1
        let sealedSize = final ? layout.lastSealedSize : header.chunkSize + BackupHeader.tagLength
        let offset = UInt64(BackupHeader.length) + index * UInt64(header.chunkSize + BackupHeader.tagLength)
        var sealed = [UInt8](repeating: 0, count: sealedSize)
        var filled = 0
        while filled < sealedSize {
            let count = sealed.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress.map { $0 + filled }, sealedSize - filled, off_t(offset) + off_t(filled))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw BackupError(.truncated, "the backup is truncated: chunk \(index + 1) of \(layout.count) is incomplete")
            }
            filled += count
        }
        bytesRead += UInt64(sealedSize)
        let ciphertext = sealed[0..<(sealedSize - BackupHeader.tagLength)]
        let tag = sealed[(sealedSize - BackupHeader.tagLength)...]
        func open(final: Bool) -> [UInt8]? {
            guard let nonce = try? BackupKeys.nonce(index),
                let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
            else { return nil }
            let aad = BackupKeys.associatedData(headerDigest: headerDigest, index: index, final: final)
            return (try? AES.GCM.open(box, using: key, authenticating: aad)).map { Array($0) }
        }
        if let plaintext = open(final: final) { return plaintext }
        if final, open(final: false) != nil {
            // A genuine chunk that was not the last one: the file was cut at a chunk boundary.
            throw BackupError(.truncated, "the backup is truncated: it ends after chunk \(index + 1), which is not its last")
        }
        throw BackupError(.modified, "chunk \(index + 1) of \(layout.count) failed authentication: the backup was modified")
    }
}
