// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import Testing

@Suite("MerkleFrontier")
struct MerkleFrontierTests {
    /// Issue 17, item 3: an export file's prefix may claim `Int64.max` leaves; appending to it
    /// trapped `rampart audit verify-export` instead of reporting the file as broken.
    @Test func appendingToAFullFrontierDoesNotTrap() throws {
        let leaf = RFC9162.leafHash([1])
        var frontier = try MerkleFrontier(size: .max, hashes: Array(repeating: leaf, count: 63))
        frontier.append(leaf)
        #expect(frontier.size == .max)
    }

    @Test func ctReferenceRoots() {
        var frontier = MerkleFrontier()
        #expect(frontier.root == CTVectors.roots[0])
        for (index, leaf) in CTVectors.leafHashes.enumerated() {
            frontier.append(leaf)
            #expect(frontier.size == Int64(index + 1))
            #expect(frontier.root == CTVectors.roots[index + 1], "size \(index + 1)")
        }
    }

    // transparency-dev/merkle compact/range_test.go TestGetRootHashGolden: leaf i's data is
    // the two bytes (i & 0xff, i >> 8).
    @Test(arguments: [
        (10, "VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4="),
        (15, "j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI="),
        (16, "c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE="),
        (100, "dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY="),
        (255, "SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0="),
    ])
    func compactRangeGolden(size: Int, root: String) throws {
        var frontier = MerkleFrontier()
        for index in 0..<size {
            frontier.append(RFC9162.leafHash([UInt8(index & 0xff), UInt8((index >> 8) & 0xff)]))
        }
        #expect(frontier.root == (try MerkleHash(base64: root)))
        #expect(frontier.hashes.count == size.nonzeroBitCount)
    }

    @Test func matchesTreeRootForEverySize() throws {
        let leaves = syntheticLeaves(300)
        var frontier = MerkleFrontier()
        for size in 1...leaves.count {
            frontier.append(leaves[size - 1])
            #expect(frontier.root == (try MerkleTree.root(of: leaves, size: Int64(size))))
        }
    }

    @Test func serialisationRoundTrip() throws {
        var frontier = MerkleFrontier()
        for size in 0...70 {
            let bytes = frontier.serialized()
            #expect(bytes.count == 9 + 32 * size.nonzeroBitCount)
            let restored = try MerkleFrontier(serialized: bytes)
            #expect(restored == frontier)
            #expect(restored.root == frontier.root)
            let json = try JSONEncoder().encode(frontier)
            #expect(try JSONDecoder().decode(MerkleFrontier.self, from: json) == frontier)
            frontier.append(RFC9162.leafHash([UInt8(size)]))
        }
    }

    @Test func restoredFrontierContinuesIdentically() throws {
        let leaves = syntheticLeaves(77)
        var straight = MerkleFrontier()
        leaves.forEach { straight.append($0) }
        var first = MerkleFrontier()
        leaves[..<45].forEach { first.append($0) }
        var resumed = try MerkleFrontier(serialized: first.serialized())
        leaves[45...].forEach { resumed.append($0) }
        #expect(resumed == straight)
        #expect(resumed.serialized() == straight.serialized())
    }

    @Test func rejectsBadSerialisations() throws {
        var frontier = MerkleFrontier()
        for leaf in syntheticLeaves(5) { frontier.append(leaf) }
        let good = frontier.serialized()
        #expect(throws: AuditLogError.self) { try MerkleFrontier(serialized: [UInt8]()) }
        #expect(throws: AuditLogError.self) { try MerkleFrontier(serialized: [2] + good.dropFirst()) }
        #expect(throws: AuditLogError.self) { try MerkleFrontier(serialized: good.dropLast()) }
        #expect(throws: AuditLogError.self) { try MerkleFrontier(serialized: good.dropLast(32)) }
        var wrongSize = good
        wrongSize[8] = 7
        #expect(throws: AuditLogError.self) { try MerkleFrontier(serialized: wrongSize) }
        #expect(throws: AuditLogError.self) { try MerkleFrontier(size: -1, hashes: []) }
        #expect(throws: AuditLogError.self) { try MerkleFrontier(size: 3, hashes: [RFC9162.emptyRoot]) }
        let badJSON = Data(#"{"size":2,"hashes":[]}"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(MerkleFrontier.self, from: badJSON) }
    }
}
