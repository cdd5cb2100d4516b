// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
import Glibc
/// The system call, named apart from the methods called `write` below.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A backup file being written: under a temporary name in the destination's directory until
/// ``commit()``, which fsyncs it, renames it into place and fsyncs the directory.
///
/// A process killed at any point before the rename leaves only a file whose name starts with
/// ``temporaryPrefix`` (which the scheduler sweeps), never a partial file under a backup's name.
package final class BackupOutputFile {
    package static let temporaryPrefix = ".rampart-partial-"

    package let path: String
    package let temporaryPath: String
    private var descriptor: Int32
    private(set) package var bytesWritten: UInt64 = 0

    /// Creates the temporary file (mode 0600) next to `path`.
    package init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        self.path = path
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() as UInt64, radix: 36)
        temporaryPath = (directory as NSString).appendingPathComponent("\(Self.temporaryPrefix)\(url.lastPathComponent).\(suffix)")
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw BackupError(.io, "cannot create \(temporaryPath): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        // Not committed: leave nothing behind.
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Appends `bytes`.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BackupError(.io, "cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        bytesWritten += UInt64(bytes.count)
    }

    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Overwrites bytes at `offset` (the header's lengths, known only at the end).
    package func write(_ bytes: [UInt8], at offset: UInt64) throws {
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard written == bytes.count else {
            throw BackupError(.io, "cannot write \(temporaryPath): \(String(cString: strerror(errno)))")
        }
    }

    /// Makes the file durable under its final name.
    package func commit() throws {
        guard fsync(descriptor) == 0 else { throw BackupError(.io, "cannot fsync \(temporaryPath): \(String(cString: strerror(errno)))") }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw BackupError(.io, "cannot rename \(temporaryPath) to \(path): \(reason)")
        }
        try Self.syncDirectory(of: path)
    }

    /// Abandons the file.
    package func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    /// fsyncs the directory holding `path`, so a rename survives a power cut.
    package static func syncDirectory(of path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let handle = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard handle >= 0 else { throw BackupError(.io, "cannot open directory \(directory) to fsync it") }
        defer { close(handle) }
        guard fsync(handle) == 0 else { throw BackupError(.io, "cannot fsync directory \(directory)") }
    }
}
