// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartSCIM

/// How a SCIM Group corresponds to a Rampart group and its memberships.
///
/// `displayName` is the group's name (Rampart group names are unique per tenant, so a second group
/// with the same name is a 409). `members` are Rampart memberships: adding a member through SCIM
/// adds the user to the group, and `/v1/groups/{id}/members` lists it. Members must be users of
/// the tenant; Rampart has no nested groups.
package enum SCIMGroupMapping {
    /// The Rampart group name of `attributes`.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` when it is not a valid group name.
    package static func name(_ attributes: SCIMObject) throws(SCIMError) -> String {
        guard let text = attributes.value(forAttribute: "displayName")?.stringValue else {
            throw SCIMError(.invalidValue, "`displayName` is required")
        }
        do {
            return try Validation.name(text, field: "displayName")
        } catch {
            throw SCIMError(.invalidValue, "`displayName` must be 1-200 characters without control characters")
        }
    }

    /// The member ids `attributes` lists, in order, without repeats.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` for a member without a `value`.
    package static func memberIDs(_ attributes: SCIMObject) throws(SCIMError) -> [String] {
        var ids: [String] = []
        var seen = Set<String>()
        for member in attributes.value(forAttribute: "members")?.arrayValue ?? [] {
            guard let id = member[attribute: "value"]?.stringValue, !id.isEmpty else {
                throw SCIMError(.invalidValue, "every member needs a `value`")
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    /// The SCIM attributes of a group that was never written through SCIM.
    package static func synthesized(from group: Group) -> SCIMObject {
        var attributes = SCIMObject()
        attributes["displayName"] = .string(group.name)
        return attributes
    }

    /// `attributes` with the group's current name and members: members removed outside SCIM (or
    /// deleted users) disappear, members added through `/v1` appear with `value`, `$ref` and
    /// `type`, and members SCIM wrote keep what the provider sent (`display` included).
    package static func overlay(_ attributes: SCIMObject, with group: Group, members: [UserID], location: (String) -> String) -> SCIMObject {
        var out = attributes
        let storedName = attributes.value(forAttribute: "displayName")?.stringValue.flatMap { try? Validation.name($0, field: "displayName") }
        if storedName != group.name { out.setValue(.string(group.name), forAttribute: "displayName") }
        let current = Set(members.map(\.rawValue))
        var seen = Set<String>()
        var list: [SCIMValue] = []
        for member in attributes.value(forAttribute: "members")?.arrayValue ?? [] {
            guard let id = member[attribute: "value"]?.stringValue, current.contains(id), seen.insert(id).inserted else { continue }
            list.append(member)
        }
        for id in members.map(\.rawValue) where !seen.contains(id) {
            seen.insert(id)
            list.append(.object(SCIMObject([("value", .string(id)), ("$ref", .string(location(id))), ("type", "User")])))
        }
        if list.isEmpty { out.removeValue(forAttribute: "members") } else { out.setValue(.array(list), forAttribute: "members") }
        return out
    }
}
