// SPDX-License-Identifier: Apache-2.0

/// A requested resource prepared once per request: lower-cased values and element scopes,
/// placed by the resource index of the service definition (``ResourceNames``).
struct PreparedResource: Sendable {
    /// The numbering the values are placed by; matchers must come from the same definition.
    let names: ResourceNames
    /// Requested values by resource index; `nil` where the request has none.
    let values: [PreparedElement?]
    /// Element scopes by resource index; empty when every element is matched as itself.
    let scopes: [ElementMatchingScope]
    /// Bit `i` when resource `i` has a value, and ``ResourceNames/unknownBit`` when the request
    /// names a resource the definition does not have.
    let keys: UInt64
    /// Number of requested elements.
    let count: Int

    init(_ resource: AccessResource, scopes: [String: ElementMatchingScope] = [:], names: ResourceNames) {
        self.init(resource.elements, scopes: scopes, names: names, prepare: PreparedElement.init)
    }

    init(elements: [String: PreparedElement], scopes: [String: ElementMatchingScope] = [:], names: ResourceNames) {
        self.init(elements, scopes: scopes, names: names) { $0 }
    }

    /// A one-element resource, such as the `tag` resource of a tag policy.
    init(value: String, for name: String, names: ResourceNames) {
        self.init(elements: [name: .single(PreparedValue(value))], names: names)
    }

    /// Places each element at its resource index, prepared by `prepare`.
    private init<Value>(
        _ elements: [String: Value], scopes: [String: ElementMatchingScope], names: ResourceNames, prepare: (Value) -> PreparedElement
    ) {
        var values = Self.absentValues(names.count)
        var keys: UInt64 = 0
        for (name, value) in elements {
            if let i = names.index(name) {
                values[i] = prepare(value)
                keys |= 1 << UInt64(i)
            } else {
                keys |= ResourceNames.unknownBit
            }
        }
        self.names = names
        self.values = values
        self.keys = keys
        self.count = elements.count
        var byIndex: [ElementMatchingScope] = []
        for (name, scope) in scopes where scope != .selfScope {
            guard let i = names.index(name) else { continue }
            if byIndex.isEmpty { byIndex = [ElementMatchingScope](repeating: .selfScope, count: names.count) }
            byIndex[i] = scope
        }
        self.scopes = byIndex
    }

    /// `count` absent values. Appending, rather than `Array(repeating:count:)`, keeps the
    /// allocation in specialised code: the generic initialiser looks up the array's type metadata
    /// on every call, which showed in every decision's profile.
    private static func absentValues(_ count: Int) -> [PreparedElement?] {
        var values: [PreparedElement?] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(nil) }
        return values
    }

    /// Whether the request names no resource at all (e.g. "show databases").
    var isEmpty: Bool { count == 0 }

    func scope(_ index: Int) -> ElementMatchingScope { scopes.isEmpty ? .selfScope : scopes[index] }
}
