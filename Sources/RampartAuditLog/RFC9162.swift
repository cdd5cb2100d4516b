// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The hashing of RFC 9162 (Certificate Transparency 2.0) §2.1.1, with SHA-256.
///
/// Leaves and interior nodes are hashed with different one-byte prefixes (0x00 and 0x01) so
/// that a leaf can never be passed off as a node or the other way round (second-preimage
/// attacks on the tree shape).
package enum RFC9162 {
    /// The root of the empty tree: `SHA-256()` of no bytes.
    package static let emptyRoot = MerkleHash(SHA256.hash(data: [UInt8]()))

    /// `SHA-256(0x00 || bytes)`.
    package static func leafHash(_ bytes: some DataProtocol) -> MerkleHash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
        return MerkleHash(hasher.finalize())
    }

    /// `SHA-256(0x00 || bytes)` over a raw buffer, for callers that already hold one.
    package static func leafHash(bufferPointer bytes: UnsafeRawBufferPointer) -> MerkleHash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return MerkleHash(hasher.finalize())
    }

    /// `SHA-256(0x01 || left || right)`.
    package static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        // One contiguous 65-byte buffer so the digest is fed in a single call: node hashing is
        // the hot loop of every tree operation.
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * MerkleHash.byteCount, alignment: 8) { buffer in
            buffer[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return MerkleHash(hasher.finalize())
        }
    }
}
