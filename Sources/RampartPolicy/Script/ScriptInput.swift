// SPDX-License-Identifier: Apache-2.0

import Foundation

/// What a condition script can read: the request's context attributes, access time, user groups
/// and roles, and for tag policies the current tag and all tags of the resource.
struct ScriptInput {
    let context: [String: String]
    let accessTime: Date
    let groups: Set<String>
    let roles: Set<String>
    let tag: TagForEval?
    let allTags: [TagForEval]
}
