// SPDX-License-Identifier: Apache-2.0

/// The right edge of an append-only Merkle tree (a "compact range" from the start of the log):
/// the roots of the perfect subtrees that make up the first ``size`` leaves, largest first.
///
/// It holds one hash per set bit of ``size``, so at most 64, and it is all an appender needs:
/// ``append(_:)`` costs O(log n) node hashes amortised O(1), and ``root`` O(log n), with no
/// reads of old leaves. The store keeps one per tenant (``serialized()``), the verifier keeps
/// one while it streams a log, and an export carries one for the records before its range.
///
/// Two frontiers of the same leaves are equal: the representation is deterministic.
package struct MerkleFrontier: Sendable, Hashable, Codable {
    /// The number of leaves appended so far (the tree size).
    package private(set) var size: Int64
    /// The perfect-subtree roots, left to right: one per set bit of ``size``, highest bit first.
    package private(set) var hashes: [MerkleHash]

    /// The frontier of the empty tree.
    package init() {
        size = 0
        hashes = []
    }

    /// Rebuilds a frontier from its parts, as read from storage or an export.
    ///
    /// - Throws: ``AuditLogError/Code/invalidFrontier`` when `size` is negative or the number
    ///   of hashes is not the number of set bits of `size`.
    package init(size: Int64, hashes: [MerkleHash]) throws {
        guard size >= 0 else {
            throw AuditLogError(.invalidFrontier, "a frontier size cannot be negative, got \(size)")
        }
        guard hashes.count == size.nonzeroBitCount else {
            throw AuditLogError(
                .invalidFrontier,
                "a frontier of size \(size) has \(size.nonzeroBitCount) hashes, got \(hashes.count)"
            )
        }
        self.size = size
        self.hashes = hashes
    }

    /// Appends one leaf hash.
    package mutating func append(_ leafHash: MerkleHash) {
        // Each trailing 1 bit of the old size is a perfect subtree of the same height as the
        // one being carried; merge them like a binary increment.
        var carry = leafHash
        var bits = size
        while bits & 1 == 1, let left = hashes.popLast() {
            carry = RFC9162.nodeHash(left, carry)
            bits >>= 1
        }
        hashes.append(carry)
        // A size read from a file can be anything; at `Int64.max` it stays put instead of trapping
        // (such a frontier's root is already meaningless, and verification reports the mismatch).
        let (next, overflow) = size.addingReportingOverflow(1)
        if !overflow { size = next }
    }

    /// The tree head `MTH(D[0:size])`; the empty-tree hash when nothing has been appended.
    package var root: MerkleHash {
        guard var result = hashes.last else { return RFC9162.emptyRoot }
        // RFC 9162 splits at the largest power of two, so the smaller subtrees on the right are
        // combined first and the result is hashed under each larger one to its left.
        for left in hashes.dropLast().reversed() {
            result = RFC9162.nodeHash(left, result)
        }
        return result
    }
}

extension MerkleFrontier {
    private static let serializationVersion: UInt8 = 1

    /// A compact binary form for storage: version byte `0x01`, the size as 8 bytes big-endian,
    /// then the hashes (32 bytes each).
    package func serialized() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(9 + hashes.count * MerkleHash.byteCount)
        out.append(Self.serializationVersion)
        withUnsafeBytes(of: size.bigEndian) { out.append(contentsOf: $0) }
        for hash in hashes {
            hash.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Reads the form written by ``serialized()``.
    ///
    /// - Throws: ``AuditLogError/Code/invalidFrontier`` for an unknown version, a wrong length
    ///   or a hash count that does not match the size.
    package init(serialized bytes: some Collection<UInt8>) throws {
        let bytes = Array(bytes)
        guard bytes.count >= 9 else {
            throw AuditLogError(.invalidFrontier, "a serialised frontier is at least 9 bytes, got \(bytes.count)")
        }
        guard bytes[0] == Self.serializationVersion else {
            throw AuditLogError(.invalidFrontier, "unknown frontier version \(bytes[0])")
        }
        let size = bytes[1..<9].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let body = bytes.count - 9
        guard body % MerkleHash.byteCount == 0 else {
            throw AuditLogError(.invalidFrontier, "a serialised frontier has a partial hash")
        }
        var hashes = [MerkleHash]()
        hashes.reserveCapacity(body / MerkleHash.byteCount)
        var offset = 9
        while offset < bytes.count {
            hashes.append(try MerkleHash(bytes: bytes[offset..<(offset + MerkleHash.byteCount)]))
            offset += MerkleHash.byteCount
        }
        try self.init(size: size, hashes: hashes)
    }

    private enum CodingKeys: String, CodingKey {
        case size
        case hashes
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            size: try container.decode(Int64.self, forKey: .size),
            hashes: try container.decode([MerkleHash].self, forKey: .hashes)
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(size, forKey: .size)
        try container.encode(hashes, forKey: .hashes)
    }
}
