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
}
