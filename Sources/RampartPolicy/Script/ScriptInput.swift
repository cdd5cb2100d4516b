// SPDX-License-Identifier: Apache-2.0

import Foundation

/// What a condition script can read: the request's user and the user's attributes (`USER`), its
/// context attributes, access time, user groups and roles, and for tag policies the current tag
/// and all tags of the resource.
struct ScriptInput {
    var user: String = ""
    var userAttributes: [String: String] = [:]
    let context: [String: String]
    let accessTime: Date
    let groups: Set<String>
    let roles: Set<String>
    let tag: TagForEval?
    let allTags: [TagForEval]
}
