// SPDX-License-Identifier: Apache-2.0

/// A requested resource prepared once per request: lower-cased values and element scopes.
struct PreparedResource: Sendable {
    let elements: [String: PreparedElement]
    let keys: Set<String>
    let scopes: [String: ElementMatchingScope]

    init(_ resource: AccessResource, scopes: [String: ElementMatchingScope] = [:]) {
        var e: [String: PreparedElement] = [:]
        for (k, v) in resource.elements { e[k] = PreparedElement(v) }
        elements = e
        keys = Set(e.keys)
        self.scopes = scopes
    }

    init(elements: [String: PreparedElement], scopes: [String: ElementMatchingScope] = [:]) {
        self.elements = elements
        self.keys = Set(elements.keys)
        self.scopes = scopes
    }

    func scope(_ name: String) -> ElementMatchingScope { scopes[name] ?? .selfScope }
}
