// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The resources one query touches together (Ranger's `RangerRequestedResources`), which Hive's
/// accessed-together conditions look at: a policy may deny reading a customer's name and card
/// number in the same query while allowing either alone.
enum RequestedResources {
    /// The most resources read from a request; a query naming more is judged on these.
    static let maximumCount = 1_000

    /// The request's resources: ``AccessRequest/requestedResources``, else the context entry
    /// `REQUESTED_RESOURCES` that Ranger's Hive plugin sends
    /// (`{"requestedResources":[{"elements":{"database":"db","table":"t","column":"c"}}]}`).
    static func of(_ request: AccessRequest) -> [AccessResource] {
        if let given = request.requestedResources { return Array(given.prefix(maximumCount)) }
        guard let text = request.context["REQUESTED_RESOURCES"], let json = try? LenientJSON.parse(text) else { return [] }
        var resources: [AccessResource] = []
        for entry in (json["requestedResources"]?.arrayValue ?? []).prefix(maximumCount) {
            var values: [String: String] = [:]
            for (name, value) in entry["elements"]?.objectValue ?? [:] {
                if let text = value.stringValue { values[name] = text }
            }
            if !values.isEmpty { resources.append(AccessResource(values)) }
        }
        return resources
    }

    /// Whether at most one (resource, pattern) pair matches: Ranger's `isMutuallyExcluded`, true
    /// too when fewer than two resources were requested.
    static func areMutuallyExcluded(_ resources: [AccessResource], by matchers: [PolicyResourceMatcher], names: ResourceNames) -> Bool {
        guard resources.count > 1, !matchers.isEmpty else { return true }
        let tokens = TokenContext([:])
        var matched = 0
        for resource in resources {
            let prepared = PreparedResource(resource, names: names)
            for matcher in matchers where matcher.matchType(prepared, tokens) == .selfMatch {
                matched += 1
                if matched > 1 { return false }
            }
        }
        return true
    }

    /// A condition value `db[.table[.column]]` as Hive resources (missing parts are `*`).
    static func pattern(_ value: String) -> [String: PolicyResource] {
        let parts = value.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        var resources: [String: PolicyResource] = [:]
        for (index, name) in ["database", "table", "column"].enumerated() {
            let part = index < parts.count ? parts[index].trimmingCharacters(in: .whitespaces) : ""
            resources[name] = PolicyResource(values: [part.isEmpty ? "*" : part])
        }
        return resources
    }
}
