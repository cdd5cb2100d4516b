// SPDX-License-Identifier: Apache-2.0

import CompressNIO
import NIOCore

/// Streaming raw-deflate compression over compress-nio, one continuous stream per backup (better
/// ratio than compressing chunks separately; the AEAD chunking happens after it).
final class Deflater {
    private let compressor: ZlibCompressor
    private var output: ByteBuffer
    private static let window = 256 * 1024

    init(level: Int32) throws {
        do {
            compressor = try ZlibCompressor(
                algorithm: .deflate, configuration: ZlibConfiguration(windowSize: 15, compressionLevel: level, memoryLevel: 8))
        } catch {
            throw BackupError(.io, "cannot start compression: \(error)")
        }
        output = ByteBufferAllocator().buffer(capacity: Self.window)
    }

    /// Compresses `input` (all of it) and hands the compressed bytes produced so far to `sink`.
    func compress(_ input: inout ByteBuffer, finish: Bool, sink: (inout ByteBuffer) throws -> Void) throws {
        while true {
            output.reserveCapacity(minimumWritableBytes: Self.window)
            do {
                try compressor.deflate(from: &input, to: &output, flush: finish ? .finish : .no)
                if finish || input.readableBytes == 0 {
                    try sink(&output)
                    output.discardReadBytes()
                    return
                }
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // Output space ran out; hand over what is there and go on.
            } catch {
                throw BackupError(.io, "compression failed: \(error)")
            }
            try sink(&output)
            output.discardReadBytes()
        }
    }
}

/// Streaming raw-deflate decompression: compressed bytes in, bounded blocks of plaintext out.
final class Inflater {
    private let decompressor: ZlibDecompressor
    private var pending: ByteBuffer
    private(set) var ended = false
    static let blockSize = 256 * 1024

    init() throws {
        do {
            decompressor = try ZlibDecompressor(algorithm: .deflate, windowSize: 15)
        } catch {
            throw BackupError(.io, "cannot start decompression: \(error)")
        }
        pending = ByteBufferAllocator().buffer(capacity: Self.blockSize)
    }

    func feed(_ bytes: [UInt8]) {
        pending.discardReadBytes()
        pending.writeBytes(bytes)
    }

    /// The next block of plaintext, or `nil` when the fed input is used up (feed more, or stop).
    func next() throws -> [UInt8]? {
        var output = ByteBufferAllocator().buffer(capacity: Self.blockSize)
        do {
            try decompressor.inflate(from: &pending, to: &output)
            // No error: either the stream ended or all input went out with room to spare.
            if output.readableBytes == 0 && pending.readableBytes == 0 { ended = true }
        } catch let error as CompressNIOError where error == .bufferOverflow || error == .inputBufferOverflow {
            // Output full (call again) or input exhausted (feed more): both are normal.
        } catch {
            throw BackupError(.inconsistent, "the decrypted content does not decompress: \(error)")
        }
        if ended && pending.readableBytes > 0 {
            throw BackupError(.inconsistent, "the decrypted content has bytes after the end of the compressed stream")
        }
        guard output.readableBytes > 0 else { return nil }
        return output.readBytes(length: output.readableBytes)
    }
}
