// SPDX-License-Identifier: Apache-2.0

/// The `startIndex` / `count` parameters (RFC 7644 §3.4.2.4).
///
/// `startIndex` is 1-based; below 1 it reads as 1. `count` below 0 reads as 0 (only
/// `totalResults`), and above ``SCIMLimits/maxResults`` (the advertised `filter.maxResults`) is
/// clamped to it; absent, it is that maximum.
package struct SCIMPagination: Sendable, Hashable {
    /// The 1-based index of the first result.
    package var startIndex: Int
    /// The largest number of results on the page.
    package var count: Int

    /// Creates a pagination, clamping as the RFC says.
    package init(startIndex: Int = 1, count: Int? = nil, limits: SCIMLimits = .default) {
        self.startIndex = max(1, startIndex)
        self.count = min(max(0, count ?? limits.maxResults), limits.maxResults)
    }

    /// Reads the query parameters; absent or empty values take the defaults.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` when a value is not an integer.
    package init(startIndex: String?, count: String?, limits: SCIMLimits = .default) throws(SCIMError) {
        self.init(startIndex: try Self.integer(startIndex, "startIndex") ?? 1, count: try Self.integer(count, "count"), limits: limits)
    }

    static func integer(_ text: String?, _ name: String) throws(SCIMError) -> Int? {
        guard let text else { return nil }
        let t = text.trimmingSpaces
        if t.isEmpty { return nil }
        if let i = Int(t) { return i }
        // Out-of-range integers still clamp rather than fail.
        if t.allSatisfy(\.isNumber) || (t.first == "-" && t.dropFirst().allSatisfy(\.isNumber) && t.count > 1) {
            return t.first == "-" ? Int.min : Int.max
        }
        throw SCIMError(.invalidValue, "`\(name)` must be an integer, not \(SCIMError.quote(text, limit: 20))")
    }

    /// The page of `items` this pagination selects.
    package func page<T>(_ items: [T]) -> ArraySlice<T> {
        let start = startIndex - 1
        guard start < items.count, count > 0 else { return [] }
        let end = start + min(count, items.count - start)
        return items[start..<end]
    }
}
