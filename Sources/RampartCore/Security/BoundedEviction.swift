// SPDX-License-Identifier: Apache-2.0

/// Keeps the in-memory security trackers (throttle, rate limiter, spike detector) bounded when
/// an attacker floods them with new keys (addresses, account names, API keys).
enum BoundedEviction {
    /// Makes room for one more entry in `entries` when it holds `capacity` or more.
    ///
    /// First drops entries `isExpendable` says carry no state worth keeping. If that is not
    /// enough, drops the tenth of the entries that rank lowest by `priority` (oldest activity
    /// first), not just one: sorting is O(n log n), so evicting in batches keeps the amortised
    /// cost per insert logarithmic even under a flood of new keys.
    static func makeRoom<Key: Hashable, Value>(
        in entries: inout [Key: Value],
        capacity: Int,
        isExpendable: (Value) -> Bool,
        priority: (Value) -> Int64
    ) {
        let capacity = max(1, capacity)
        guard entries.count >= capacity else { return }
        entries = entries.filter { !isExpendable($0.value) }
        guard entries.count >= capacity else { return }
        let excess = entries.count - capacity + 1
        let batch = max(excess, capacity / 10)
        let victims = entries.sorted { priority($0.value) < priority($1.value) }.prefix(batch)
        for victim in victims { entries.removeValue(forKey: victim.key) }
    }
}
