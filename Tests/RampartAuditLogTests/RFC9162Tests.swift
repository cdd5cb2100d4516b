// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import Testing

@Suite("RFC 9162 hashing and MerkleHash")
struct RFC9162Tests {
    // Vectors from the transparency-dev/merkle rfc6962 hasher tests.
    @Test func emptyTreeHash() {
        #expect(RFC9162.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func leafHashes() {
        #expect(RFC9162.leafHash([UInt8]()).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(RFC9162.leafHash(Array("L123456".utf8)).hex == "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")
    }

    @Test func nodeHashDomainSeparation() throws {
        // HashChildren("N123", "N456") in the reference takes raw bytes; ours takes 32-byte
        // hashes, so check the definition SHA-256(0x01 || l || r) on real hashes instead.
        let left = RFC9162.leafHash([UInt8(1)])
        let right = RFC9162.leafHash([UInt8(2)])
        let node = RFC9162.nodeHash(left, right)
        #expect(node != RFC9162.nodeHash(right, left))
        // A leaf whose data is (l || r) must not collide with the node (l, r).
        #expect(node != RFC9162.leafHash(left.bytes + right.bytes))
        // Known: node of the CT leaves "" and 00 is the size-2 root.
        let pair = RFC9162.nodeHash(RFC9162.leafHash([UInt8]()), RFC9162.leafHash([UInt8(0)]))
        #expect(pair.hex == "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")
    }

    @Test func hexAndBase64RoundTrip() throws {
        let value = RFC9162.leafHash(Array("x".utf8))
        #expect(try MerkleHash(hex: value.hex) == value)
        #expect(try MerkleHash(hex: value.hex.uppercased()) == value)
        #expect(try MerkleHash(base64: value.base64) == value)
        #expect(try MerkleHash(bytes: value.bytes) == value)
        #expect(value.base64.count == 44)
        #expect(value.description == value.hex)
        let json = try JSONEncoder().encode([value])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(value.base64.replacingOccurrences(of: "/", with: "\\/"))\"]")
        #expect(try JSONDecoder().decode([MerkleHash].self, from: json) == [value])
    }

    @Test func hashableAndDistinct() {
        let hashes = Set(syntheticLeaves(1000))
        #expect(hashes.count == 1000)
    }

    @Test func rejectsBadText() {
        #expect(throws: AuditLogError.self) { try MerkleHash(hex: "00") }
        #expect(throws: AuditLogError.self) { try MerkleHash(hex: String(repeating: "g", count: 64)) }
        #expect(throws: AuditLogError.self) { try MerkleHash(base64: "not base64!") }
        #expect(throws: AuditLogError.self) { try MerkleHash(base64: Data([1, 2, 3]).base64EncodedString()) }
        #expect(throws: AuditLogError.self) { try MerkleHash(bytes: [UInt8](repeating: 0, count: 33)) }
        let error = #expect(throws: AuditLogError.self) { try MerkleHash(hex: "zz") }
        #expect(error?.code == .invalidHash)
        #expect(error?.code.description == "audit.invalid_hash")
    }
}
