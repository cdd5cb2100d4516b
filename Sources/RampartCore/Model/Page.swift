// SPDX-License-Identifier: Apache-2.0

/// A keyset-paginated request: items after `cursor` (an id), at most `limit` of them.
package struct PageRequest: Sendable, Equatable {
    package static let defaultLimit = 50
    package static let maximumLimit = 500

    package var limit: Int
    package var after: String?

    package init(limit: Int = PageRequest.defaultLimit, after: String? = nil) {
        self.limit = min(max(limit, 1), PageRequest.maximumLimit)
        self.after = after
    }
}

/// One page of results and the cursor for the next, absent on the last page.
package struct Page<Item: Sendable>: Sendable {
    package var items: [Item]
    package var nextCursor: String?

    package init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    package func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), nextCursor: nextCursor)
    }

    /// The page of at most `limit` items out of `fetched`, which holds up to one more: that extra
    /// item is how a keyset query learns there is a next page, whose cursor is the last kept
    /// item's (`cursor`).
    package init(limit: Int, of fetched: [Item], cursor: (Item) -> String) {
        var items = fetched
        var next: String?
        if items.count > limit {
            items.removeLast(items.count - limit)
            next = items.last.map(cursor)
        }
        self.init(items: items, nextCursor: next)
    }
}
