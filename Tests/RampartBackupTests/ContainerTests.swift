// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartBackup
import Testing

/// The encrypted container and its content format, without any database.
@Suite struct ContainerTests {
    static let keyFile = BackupCredential.keyFile(SymmetricKey(size: .bits256))
    static let passphrase = BackupCredential.passphrase("correct horse battery staple")

    static func temporaryPath(_ name: String = "backup.rbk") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-backup-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (directory as NSString).appendingPathComponent(name)
    }

    static func configuration(chunkSize: Int = 4096, compress: Bool = true) -> BackupContainerWriter.Configuration {
        var configuration = BackupContainerWriter.Configuration()
        configuration.chunkSize = chunkSize
        configuration.scrypt = .testing
        configuration.compress = compress
        return configuration
    }

    /// Writes a backup of one table with `rows` rows (random, poorly compressible text so the
    /// file spans many chunks) and returns its path.
    static func writeArchive(
        rows: Int = 2000, credential: BackupCredential = keyFile, chunkSize: Int = 4096, compress: Bool = true
    ) throws -> String {
        let path = try temporaryPath()
        let output = try BackupOutputFile(path: path)
        let container = try BackupContainerWriter(
            output: output, credential: credential, createdAt: 1_700_000_000_000,
            configuration: configuration(chunkSize: chunkSize, compress: compress))
        let writer = BackupArchiveWriter(container: container)
        try writer.begin(
            BackupPreamble(
                createdAt: 1_700_000_000_000, sourceEngine: "sqlite", schemaVersion: ["0001_foundation"], masterKeyFingerprint: "abcd",
                producer: "test", tables: ["items"]))
        try writer.beginTable(
            BackupTableHeader(
                name: "items",
                columns: [
                    BackupColumn(name: "id", type: .integer, declaredType: "BIGINT", nullable: false),
                    BackupColumn(name: "payload", type: .text, declaredType: "TEXT", nullable: true),
                ], primaryKey: ["id"], references: []))
        var generator = SystemRandomNumberGenerator()
        for index in 0..<rows {
            let noise = (0..<24).map { _ in String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 36) }.joined()
            try writer.writeRow([.integer(Int64(index)), index % 7 == 0 ? .null : .text(noise)])
        }
        try writer.endTable()
        _ = try writer.finish()
        try output.commit()
        return path
    }

    /// Reads and checks the whole backup; returns the number of rows.
    static func readArchive(_ path: String, credential: BackupCredential = keyFile) throws -> Int {
        let container = try BackupContainerReader(path: path)
        try container.unlock(credential)
        let archive = BackupArchiveReader(container: container)
        var rows = 0
        while let event = try archive.next() {
            if case .row = event { rows += 1 }
        }
        return rows
    }

    static func code(of body: () throws -> Void) -> BackupError.Code? {
        do {
            try body()
            return nil
        } catch let error as BackupError {
            return error.code
        } catch {
            return nil
        }
    }

    static func mutate(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: [true, false])
    func roundTripSpansManyChunks(_ compress: Bool) throws {
        let path = try Self.writeArchive(rows: 3000, compress: compress)
        let header = try BackupContainerReader(path: path).header
        #expect(header.chunkLayout.count > 10, "the test needs a multi-chunk file")
        #expect(try Self.readArchive(path) == 3000)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func passphraseRoundTripAndHeaderNamesTheKind() throws {
        let path = try Self.writeArchive(rows: 10, credential: Self.passphrase)
        let header = try BackupContainerReader(path: path).header
        #expect(header.keyKind == .passphrase)
        #expect(header.scrypt == .testing)
        #expect(try Self.readArchive(path, credential: Self.passphrase) == 10)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(!text.contains("correct horse"))
    }

    @Test func emptyContentStillEndsInAFinalChunk() throws {
        let path = try Self.writeArchive(rows: 0, chunkSize: 4096)
        #expect(try Self.readArchive(path) == 0)
    }

    // MARK: Tampering: each failure has its own code.

    @Test func wrongKeysAreRecognisedAsSuch() throws {
        let keyed = try Self.writeArchive(rows: 10)
        #expect(Self.code { _ = try Self.readArchive(keyed, credential: .keyFile(SymmetricKey(size: .bits256))) } == .wrongKey)
        #expect(Self.code { _ = try Self.readArchive(keyed, credential: Self.passphrase) } == .wrongKey)
        let protected = try Self.writeArchive(rows: 10, credential: Self.passphrase)
        #expect(Self.code { _ = try Self.readArchive(protected, credential: .passphrase("not the passphrase at all")) } == .wrongKey)
        #expect(Self.code { _ = try Self.readArchive(protected, credential: Self.keyFile) } == .wrongKey)
    }

    @Test(arguments: [0, 3, 8, 9])
    func damagedMagicOrVersionIsUnrecognized(_ offset: Int) throws {
        let path = try Self.writeArchive(rows: 10)
        try Self.mutate(path) { $0[offset] ^= 0x40 }
        #expect(Self.code { _ = try Self.readArchive(path) } == .unrecognized)
    }

    @Test(arguments: [12, 20, 40, 60, 100, 125, 130, 140, 150, 175])
    func flippedHeaderByteIsDetected(_ offset: Int) throws {
        let path = try Self.writeArchive(rows: 10)
        try Self.mutate(path) { $0[offset] ^= 0x01 }
        #expect(Self.code { _ = try Self.readArchive(path) } == .headerDamaged)
    }

    @Test func flippedByteInAMiddleChunkIsModified() throws {
        let path = try Self.writeArchive()
        try Self.mutate(path) { $0[BackupHeader.length + 4096 * 3 + 100] ^= 0x01 }
        #expect(Self.code { _ = try Self.readArchive(path) } == .modified)
    }

    @Test func flippedByteInTheFirstChunkIsModifiedNotWrongKey() throws {
        let path = try Self.writeArchive()
        try Self.mutate(path) { $0[BackupHeader.length + 1] ^= 0x80 }
        #expect(Self.code { _ = try Self.readArchive(path) } == .modified)
    }

    @Test func flippedByteInTheLastChunkOrTagIsModified() throws {
        for back in [1, 10, 17] {
            let path = try Self.writeArchive()
            try Self.mutate(path) { $0[$0.count - back] ^= 0x01 }
            #expect(Self.code { _ = try Self.readArchive(path) } == .modified, "byte \(back) from the end")
        }
    }

    @Test func swappedChunksAreModified() throws {
        let path = try Self.writeArchive()
        let sealed = 4096 + BackupHeader.tagLength
        try Self.mutate(path) { bytes in
            let first = BackupHeader.length + sealed
            let second = first + sealed
            let a = Array(bytes[first..<(first + sealed)])
            bytes.replaceSubrange(first..<(first + sealed), with: bytes[second..<(second + sealed)])
            bytes.replaceSubrange(second..<(second + sealed), with: a)
        }
        #expect(Self.code { _ = try Self.readArchive(path) } == .modified)
    }

    @Test(arguments: [1, 100, 4112, 20_000])
    func truncationIsTruncated(_ cut: Int) throws {
        let path = try Self.writeArchive()
        try Self.mutate(path) { $0.removeLast(cut) }
        #expect(Self.code { _ = try Self.readArchive(path) } == .truncated)
    }

    @Test func truncationInsideTheHeaderIsTruncated() throws {
        let path = try Self.writeArchive(rows: 10)
        try Self.mutate(path) { $0.removeLast($0.count - 100) }
        #expect(Self.code { _ = try Self.readArchive(path) } == .truncated)
    }

    @Test func appendedBytesAreTrailingData() throws {
        let path = try Self.writeArchive(rows: 10)
        try Self.mutate(path) { $0 += [0, 1, 2] }
        #expect(Self.code { _ = try Self.readArchive(path) } == .trailingData)
    }

    @Test func notABackupIsUnrecognized() throws {
        let path = try Self.temporaryPath()
        try Data("SQLite format 3\u{0}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.code { _ = try Self.readArchive(path) } == .unrecognized)
    }

    /// Someone who rewrites the header's length and checksum to drop the last chunks still fails:
    /// the chunk that now ends the file was not sealed as the last one.
    @Test func forgedHeaderCannotHideATruncation() throws {
        let path = try Self.writeArchive()
        let header = try BackupContainerReader(path: path).header
        var forged = header
        let sealed = UInt64(header.chunkSize + BackupHeader.tagLength)
        forged.payloadLength = sealed * 3
        try Self.mutate(path) { bytes in
            bytes.replaceSubrange(0..<BackupHeader.length, with: forged.encoded())
            bytes.removeLast(bytes.count - BackupHeader.length - Int(sealed * 3))
        }
        #expect(Self.code { _ = try Self.readArchive(path) } == .truncated)
    }

    /// Issue 17, item 3: a forged payload length near `UInt64.max` (one that passes the chunk
    /// arithmetic) overflowed the expected file length and trapped `rampart restore`.
    @Test func aForgedHugePayloadLengthIsDamageNotATrap() throws {
        let path = try Self.writeArchive()
        var forged = try BackupContainerReader(path: path).header
        forged.payloadLength = UInt64.max
        try Self.mutate(path) { bytes in bytes.replaceSubrange(0..<BackupHeader.length, with: forged.encoded()) }
        #expect(Self.code { _ = try Self.readArchive(path) } == .headerDamaged)
    }

    // MARK: Content checks behind the encryption.

    @Test func contentContradictingItsManifestIsInconsistent() throws {
        // Written with the real key but a wrong end line: only the content checks can catch it.
        let path = try Self.temporaryPath()
        let output = try BackupOutputFile(path: path)
        let container = try BackupContainerWriter(output: output, credential: Self.keyFile, createdAt: 1, configuration: Self.configuration())
        let lines = [
            #"{"createdAt":1,"format":1,"kind":"preamble","producer":"t","schemaVersion":[],"sourceEngine":"sqlite","tables":["t"]}"#,
            #"{"columns":[],"kind":"table","name":"t","primaryKey":[],"references":[]}"#,
            "[]",
            #"{"kind":"end","rows":2,"table":"t"}"#,
        ]
        try container.write(Array((lines.joined(separator: "\n") + "\n").utf8))
        _ = try container.finish()
        try output.commit()
        #expect(Self.code { _ = try Self.readArchive(path) } == .inconsistent)
    }

    @Test func killedWriterLeavesNoFileUnderTheFinalName() throws {
        let path = try Self.temporaryPath()
        let directory = (path as NSString).deletingLastPathComponent
        do {
            let output = try BackupOutputFile(path: path)
            let container = try BackupContainerWriter(output: output, credential: Self.keyFile, createdAt: 1, configuration: Self.configuration())
            try container.write(Array(repeating: 7, count: 100_000))
            #expect(FileManager.default.fileExists(atPath: output.temporaryPath))
            #expect((output.temporaryPath as NSString).lastPathComponent.hasPrefix(BackupOutputFile.temporaryPrefix))
            // Never committed: dropped here.
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func keyFilesAreCreatedPrivateAndNeverReplaced() throws {
        let path = try Self.temporaryPath("backup.key")
        try BackupCredential.generateKeyFile(at: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        guard case .keyFile(let key) = try BackupCredential.loadKeyFile(path) else {
            Issue.record("not a key file credential")
            return
        }
        #expect(key.bitCount == 256)
        #expect(Self.code { try BackupCredential.generateKeyFile(at: path) } == .io)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(Self.code { _ = try BackupCredential.loadKeyFile(path) } == .keyUnavailable)
    }

    @Test func shortPassphrasesAreRefused() {
        #expect(Self.code { _ = try BackupCredential.passphrase("short", source: "test") } == .keyUnavailable)
    }
}
