// SPDX-License-Identifier: Apache-2.0

/// A page of query results (RFC 7644 §3.4.2).
package struct SCIMListResponse: Sendable, Hashable {
    /// How many resources matched, across all pages.
    package var totalResults: Int
    /// The 1-based index of the first resource on this page.
    package var startIndex: Int
    /// The resources on this page, already projected.
    package var resources: [SCIMValue]

    /// Creates a page.
    package init(totalResults: Int, startIndex: Int, resources: [SCIMValue]) {
        self.totalResults = totalResults
        self.startIndex = startIndex
        self.resources = resources
    }

    /// The ListResponse body: integer `totalResults`, `startIndex` and `itemsPerPage`, and
    /// `Resources` always present, `[]` when empty (Okta and Entra both require that).
    package var rendered: SCIMValue {
        var o = SCIMObject()
        o["schemas"] = .array([.string(SCIMURN.listResponse)])
        o["totalResults"] = .integer(totalResults)
        o["startIndex"] = .integer(startIndex)
        o["itemsPerPage"] = .integer(resources.count)
        o["Resources"] = .array(resources)
        return .object(o)
    }
}
