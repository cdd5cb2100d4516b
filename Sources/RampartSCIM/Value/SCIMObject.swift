// SPDX-License-Identifier: Apache-2.0

/// A JSON object that keeps its members in insertion order and finds them by SCIM attribute
/// name, ignoring case.
///
/// SCIM attribute names are case-insensitive (RFC 7643 §2.1), so `userName`, `USERNAME` and
/// `username` name one attribute; the `attribute` methods honour that. The plain
/// ``subscript(_:)`` is exact, for keys such as schema URNs that the engine has already
/// normalised. Objects are small (tens of members), so lookups scan linearly.
///
/// Equality ignores member order, as JSON does.
package struct SCIMObject: Sendable, Hashable, Sequence {
    /// One member of the object.
    package struct Member: Sendable, Hashable {
        /// The member name, as spelled when it was set.
        package var key: String
        /// The member value.
        package var value: SCIMValue

        /// Creates a member.
        package init(key: String, value: SCIMValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members, in insertion order.
    ///
    /// Lookups scan this array; ``init(exactMembers:)`` builds large objects (from the JSON
    /// parser) in linear time, so a body with many keys cannot cost quadratic time.
    package private(set) var members: [Member]

    /// An empty object.
    package init() { members = [] }

    /// An object with these members; a later duplicate name (ignoring case) replaces the earlier.
    package init(_ pairs: [(String, SCIMValue)]) {
        members = []
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs { setValue(value, forAttribute: key) }
    }

    /// An object from members whose keys are already distinct, in linear time. Later members
    /// with an exactly equal key replace earlier ones, as JSON parsers conventionally do.
    package init(exactMembers: [Member]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(exactMembers.count)
        members = []
        members.reserveCapacity(exactMembers.count)
        for member in exactMembers {
            if let i = positions[member.key] {
                members[i].value = member.value
            } else {
                positions[member.key] = members.count
                members.append(member)
            }
        }
    }

    /// The number of members.
    package var count: Int { members.count }
    /// Whether the object has no members.
    package var isEmpty: Bool { members.isEmpty }
    /// The member names, in order.
    package var keys: [String] { members.map(\.key) }

    package func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// The value stored under exactly this key, or sets it (`nil` removes it).
    package subscript(key: String) -> SCIMValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// The position of the member named `name`, ignoring case.
    package func index(forAttribute name: String) -> Int? {
        members.firstIndex { scimNamesEqual($0.key, name) }
    }

    /// The member named `name`, ignoring case.
    package func value(forAttribute name: String) -> SCIMValue? {
        index(forAttribute: name).map { members[$0].value }
    }

    /// Sets the member named `name` (ignoring case), keeping its position when it exists and
    /// respelling its key as `name`; appends it otherwise.
    package mutating func setValue(_ value: SCIMValue, forAttribute name: String) {
        if let i = index(forAttribute: name) {
            members[i] = Member(key: name, value: value)
            // Drop any later member whose name differs only in case: one attribute, one value.
            var j = i + 1
            while j < members.count {
                if scimNamesEqual(members[j].key, name) { members.remove(at: j) } else { j += 1 }
            }
        } else {
            members.append(Member(key: name, value: value))
        }
    }

    /// Removes every member named `name` (ignoring case); returns the first removed value.
    @discardableResult
    package mutating func removeValue(forAttribute name: String) -> SCIMValue? {
        var removed: SCIMValue?
        members.removeAll { member in
            guard scimNamesEqual(member.key, name) else { return false }
            if removed == nil { removed = member.value }
            return true
        }
        return removed
    }

    package static func == (lhs: SCIMObject, rhs: SCIMObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members where rhs[member.key] != member.value { return false }
        return true
    }

    package func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with ==: combine per-member hashes commutatively.
        var combined = 0
        for member in members {
            var h = Hasher()
            h.combine(member.key)
            h.combine(member.value)
            combined ^= h.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

/// Compares two attribute names or URNs the way SCIM does: ASCII letters ignore case.
///
/// Attribute names are ASCII by grammar (RFC 7643 §2.1), so ASCII folding is exact and avoids
/// allocating lower-cased copies on every lookup.
@inline(__always)
package func scimNamesEqual(_ a: String, _ b: String) -> Bool {
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return true
        case (let x?, let y?):
            if x == y { continue }
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        default: return false
        }
    }
}
