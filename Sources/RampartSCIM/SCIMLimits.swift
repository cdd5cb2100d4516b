// SPDX-License-Identifier: Apache-2.0

/// Bounds that keep the engine's work and recursion small on hostile input.
///
/// Every recursive parser in the engine (JSON, filters, paths) checks a depth bound, so no
/// input can exhaust the stack; lengths bound the work done before the first error.
package struct SCIMLimits: Sendable, Hashable {
    /// Longest filter expression accepted, in UTF-8 bytes.
    package var maxFilterLength: Int
    /// Deepest nesting of parentheses, `not` and value paths in a filter.
    package var maxFilterDepth: Int
    /// Most comparisons in one filter.
    package var maxFilterTerms: Int
    /// Deepest nesting of arrays and objects in a JSON document.
    package var maxJSONDepth: Int
    /// Most operations in one PATCH request.
    package var maxPatchOperations: Int
    /// Longest PATCH path, attribute list or sort attribute, in UTF-8 bytes.
    package var maxPathLength: Int
    /// Largest page: the `count` a query may ask for (advertised as `filter.maxResults`).
    package var maxResults: Int

    /// Creates limits; the defaults suit every IdP payload seen in the conformance kit.
    package init(
        maxFilterLength: Int = 4096,
        maxFilterDepth: Int = 16,
        maxFilterTerms: Int = 100,
        maxJSONDepth: Int = 32,
        maxPatchOperations: Int = 1000,
        maxPathLength: Int = 1024,
        maxResults: Int = 200
    ) {
        self.maxFilterLength = maxFilterLength
        self.maxFilterDepth = maxFilterDepth
        self.maxFilterTerms = maxFilterTerms
        self.maxJSONDepth = maxJSONDepth
        self.maxPatchOperations = maxPatchOperations
        self.maxPathLength = maxPathLength
        self.maxResults = maxResults
    }

    /// The defaults.
    package static let `default` = SCIMLimits()
}
