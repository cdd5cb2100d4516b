// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The value of one requested resource element: a single value or (Atlas-style) a list.
public enum ResourceValue: Sendable, Hashable {
    case single(String)
    case list([String])

    /// All values (one for ``single``).
    public var values: [String] {
        switch self {
        case .single(let s): [s]
        case .list(let l): l
        }
    }
}

/// The resource of an access request (`RangerAccessResourceImpl`).
public struct AccessResource: Sendable, Hashable {
    /// Resource name → value, e.g. `["database": .single("db1"), "table": .single("t1")]`.
    public var elements: [String: ResourceValue]
    /// Owner of the resource, matched by `{OWNER}` in policy items.
    public var ownerUser: String?

    public init(elements: [String: ResourceValue] = [:], ownerUser: String? = nil) {
        self.elements = elements
        self.ownerUser = ownerUser
    }

    /// Convenience for single-valued elements.
    public init(_ values: [String: String], ownerUser: String? = nil) {
        self.elements = values.mapValues { .single($0) }
        self.ownerUser = ownerUser
    }

    /// Whether the resource has no elements (e.g. "show databases").
    public var isEmpty: Bool { elements.isEmpty }
}

/// One authorization question: may `user` perform `accessType` on `resource`? (`RangerAccessRequestImpl`).
public struct AccessRequest: Sendable, Hashable {
    /// The pseudo access type meaning "any access" (also used for an empty access type).
    public static let anyAccess = "_any"
    /// The pseudo access type for delegated-admin (grant/revoke) checks.
    public static let adminAccess = "_admin"
    /// The pseudo access type asking whether the user is a super user.
    public static let superUserAccess = "_super_user"

    public var resource: AccessResource
    /// Requested access type; `""` and `_any` mean any access.
    public var accessType: String
    public var user: String
    public var userGroups: Set<String>
    /// The user's attributes (Ranger's user store: `department`, `region`, …), read by
    /// `${{USER.<attribute>}}` request expressions and by `USER.<attribute>` in condition scripts.
    public var userAttributes: [String: String] = [:]
    /// Roles of the user; `nil` means "compute from the snapshot's roles".
    public var userRoles: Set<String>?
    public var action: String?
    public var requestData: String?
    public var clientType: String?
    public var sessionId: String?
    public var clientIPAddress: String?
    public var remoteIPAddress: String?
    public var forwardedAddresses: [String]
    public var accessTime: Date?
    public var resourceMatchingScope: ResourceMatchingScope
    /// Per-resource element matching scopes (S3/Kafka "anything under this prefix").
    public var resourceElementMatchingScopes: [String: ElementMatchingScope]
    /// When `true` (the default), denies on descendants do not deny an `_any` request.
    public var isDescendantDenyIgnored: Bool
    /// Free-form request context (condition inputs such as `country`).
    public var context: [String: String]
    /// All access types requested together; if set, the request is allowed when any is allowed.
    public var allAccessTypes: [String]?
    /// Groups of access types that must each be allowed.
    public var allAccessTypeGroups: [[String]]?
    /// All resources the query touches, for accessed-together conditions; when `nil`, the context
    /// entry `REQUESTED_RESOURCES` (Ranger's Hive plugin) is read.
    public var requestedResources: [AccessResource]?
    /// Tags of the resource supplied by the caller; when `nil`, the snapshot's service tags are used.
    public var tags: [TagForEval]?

    public init(
        resource: AccessResource, accessType: String, user: String, userGroups: Set<String> = [],
        userRoles: Set<String>? = nil, action: String? = nil, requestData: String? = nil, clientType: String? = nil,
        sessionId: String? = nil, clientIPAddress: String? = nil, remoteIPAddress: String? = nil,
        forwardedAddresses: [String] = [], accessTime: Date? = nil, resourceMatchingScope: ResourceMatchingScope = .selfScope,
        resourceElementMatchingScopes: [String: ElementMatchingScope] = [:], isDescendantDenyIgnored: Bool = true,
        context: [String: String] = [:], allAccessTypes: [String]? = nil, allAccessTypeGroups: [[String]]? = nil,
        tags: [TagForEval]? = nil
    ) {
        self.resource = resource
        self.accessType = accessType
        self.user = user
        self.userGroups = userGroups
        self.userRoles = userRoles
        self.action = action
        self.requestData = requestData
        self.clientType = clientType
        self.sessionId = sessionId
        self.clientIPAddress = clientIPAddress
        self.remoteIPAddress = remoteIPAddress
        self.forwardedAddresses = forwardedAddresses
        self.accessTime = accessTime
        self.resourceMatchingScope = resourceMatchingScope
        self.resourceElementMatchingScopes = resourceElementMatchingScopes
        self.isDescendantDenyIgnored = isDescendantDenyIgnored
        self.context = context
        self.allAccessTypes = allAccessTypes
        self.allAccessTypeGroups = allAccessTypeGroups
        self.tags = tags
    }

    /// Whether this asks for any access (`""` or `_any`).
    public var isAccessTypeAny: Bool { accessType.isEmpty || accessType == Self.anyAccess }
}
