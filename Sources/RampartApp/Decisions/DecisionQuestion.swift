// SPDX-License-Identifier: Apache-2.0

/// One access question as a caller asks it: may `user` do `accessType` on `resource` of `service`?
///
/// `groups` and `roles`, when given, replace the user's stored memberships for this question (the
/// Ranger plugin's semantics); the user must still be known to the tenant.
package struct DecisionQuestion: Decodable, Sendable, Equatable {
    package var service: String
    package var user: String
    package var groups: [String]?
    package var roles: [String]?
    package var resource: [String: String]
    package var accessType: String
    package var context: [String: String]?
    /// The user's attributes for `${{USER.<attribute>}}` request expressions; like `groups`, only
    /// from callers a service trusts for identities.
    package var userAttributes: [String: String]?

    /// The most attributes one question may carry, and the longest name and value.
    package static let maximumUserAttributes = 64
    package static let maximumAttributeNameLength = 128
    package static let maximumAttributeValueLength = 1024

    package init(
        service: String, user: String, groups: [String]? = nil, roles: [String]? = nil, resource: [String: String], accessType: String,
        context: [String: String]? = nil, userAttributes: [String: String]? = nil
    ) {
        self.service = service
        self.user = user
        self.groups = groups
        self.roles = roles
        self.resource = resource
        self.accessType = accessType
        self.context = context
        self.userAttributes = userAttributes
    }
}
