// SPDX-License-Identifier: Apache-2.0

import RampartPolicy

/// What differs between two JSON documents, as a list of paths with the value on each side:
/// what a reviewer of a change request reads before applying it.
package enum DocumentDiff {
    /// One difference: the value at `path` (`policyItems[0].users[1]`) before and after;
    /// `nil` on a side where it is absent.
    package struct Entry: Sendable, Equatable, Encodable {
        package var path: String
        package var before: JSONValue?
        package var after: JSONValue?
    }

    /// The differences, object members in name order, at most `limit` of them (a whole
    /// replaced document is a handful of entries, not one per leaf).
    package static func entries(from before: JSONValue?, to after: JSONValue?, limit: Int = 500) -> [Entry] {
        var entries: [Entry] = []
        walk(before, after, path: "", into: &entries, limit: limit)
        return entries
    }

    private static func walk(_ before: JSONValue?, _ after: JSONValue?, path: String, into entries: inout [Entry], limit: Int) {
        guard entries.count < limit, before != after else { return }
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            for key in Set(old.keys).union(new.keys).sorted() {
                walk(old[key], new[key], path: path.isEmpty ? key : "\(path).\(key)", into: &entries, limit: limit)
            }
        case (.array(let old)?, .array(let new)?) where old.count == new.count:
            for index in old.indices {
                walk(old[index], new[index], path: "\(path)[\(index)]", into: &entries, limit: limit)
            }
        default:
            entries.append(Entry(path: path, before: before, after: after))
        }
    }
}
