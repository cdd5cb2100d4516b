// SPDX-License-Identifier: Apache-2.0

/// The resource names of a service definition, numbered once, so that a request and a policy's
/// matchers address resource levels by index and compare level sets as bit masks, instead of
/// hashing names for every policy a decision visits.
final class ResourceNames: Sendable {
    /// The most names a definition may have; one bit of a mask is kept for ``unknownBit``.
    static let capacity = 63
    /// Set in a mask when a name is not one of the definition's: it is in no hierarchy.
    static let unknownBit: UInt64 = 1 << 63

    /// Names by index.
    let names: [String]
    private let indices: [String: Int]
    /// Distinct names given, numbered or not.
    let distinctCount: Int

    /// Numbers `names` in order, skipping repeats; names past ``capacity`` stay unknown.
    init(_ names: some Sequence<String>) {
        var list: [String] = []
        var indices: [String: Int] = [:]
        var distinct: Set<String> = []
        for name in names where distinct.insert(name).inserted && list.count < Self.capacity {
            indices[name] = list.count
            list.append(name)
        }
        self.names = list
        self.indices = indices
        self.distinctCount = distinct.count
    }

    /// Whether every name given was numbered.
    var isComplete: Bool { distinctCount == names.count }

    var count: Int { names.count }

    func index(_ name: String) -> Int? { indices[name] }

    /// The mask of `names`, with ``unknownBit`` for any name not numbered here.
    func mask(_ names: some Sequence<String>) -> UInt64 {
        var mask: UInt64 = 0
        for name in names { mask |= indices[name].map { 1 << UInt64($0) } ?? Self.unknownBit }
        return mask
    }
}
