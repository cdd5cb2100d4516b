// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Plugin-side settings of an engine (Ranger's plugin configuration), merged with the service's
/// own `configs` when a ``PolicySnapshot`` is built.
public struct PolicyEngineOptions: Sendable, Hashable {
    /// How audit flags start out (`auditMode` of `ServicePolicies`).
    public enum AuditMode: Sendable, Hashable {
        /// Policies decide (`audit-default`).
        case policyDefined
        /// Everything is audited (`audit-all`).
        case all
        /// Nothing is audited (`audit-none`).
        case none

        /// Parses Ranger's names (`audit-all`, `audit-none`, `audit-default`).
        public init(rangerName: String) {
            switch rangerName.lowercased() {
            case "audit-all": self = .all
            case "audit-none": self = .none
            default: self = .policyDefined
            }
        }
    }

    public var superUsers: Set<String>
    public var superGroups: Set<String>
    public var auditExcludedUsers: Set<String>
    public var auditExcludedGroups: Set<String>
    public var auditExcludedRoles: Set<String>
    public var auditMode: AuditMode
    /// Use the first `X-Forwarded-For` address as the client IP.
    public var useForwardedIPAddress: Bool
    /// Proxies trusted to forward client addresses; empty trusts any.
    public var trustedProxyAddresses: Set<String>
    /// The zone of validity schedules that name none (their `startTime`, `endTime` and
    /// recurrences). UTC unless set; Ranger's own tests read them in the plugin JVM's zone.
    public var scheduleTimeZone: TimeZone = ValidityWindow.defaultZone
    /// Passes over candidate policies that name none of the request's principals once they can
    /// change nothing but auditing (``PrincipalIndex``). Off only to check that it changes no
    /// answer.
    package var passesOverInapplicablePolicies = true
    /// With ``passesOverInapplicablePolicies``: how many candidates of the enumerated resource
    /// level are kept whatever principals they name, before the others are narrowed to the
    /// request's principals. They are there to decide auditing; past them, a request whose
    /// auditing is still open falls back to every candidate. Smaller only in tests, to exercise
    /// that fallback.
    package var candidatesBeforeNarrowing = 8

    public init(
        superUsers: Set<String> = [], superGroups: Set<String> = [], auditExcludedUsers: Set<String> = [],
        auditExcludedGroups: Set<String> = [], auditExcludedRoles: Set<String> = [], auditMode: AuditMode = .policyDefined,
        useForwardedIPAddress: Bool = false, trustedProxyAddresses: Set<String> = []
    ) {
        self.superUsers = superUsers
        self.superGroups = superGroups
        self.auditExcludedUsers = auditExcludedUsers
        self.auditExcludedGroups = auditExcludedGroups
        self.auditExcludedRoles = auditExcludedRoles
        self.auditMode = auditMode
        self.useForwardedIPAddress = useForwardedIPAddress
        self.trustedProxyAddresses = trustedProxyAddresses
    }

    /// Adds the settings Ranger reads from a service's `configs`.
    mutating func merge(serviceConfigs c: [String: String]) {
        func list(_ k: String) -> Set<String> {
            Set((c[k] ?? "").split(separator: ",").map { trimSpaces($0) }.filter { !$0.isEmpty })
        }
        superUsers.formUnion(list("ranger.plugin.super.users"))
        superGroups.formUnion(list("ranger.plugin.super.groups"))
        auditExcludedUsers.formUnion(list("ranger.plugin.audit.exclude.users"))
        auditExcludedGroups.formUnion(list("ranger.plugin.audit.exclude.groups"))
        auditExcludedRoles.formUnion(list("ranger.plugin.audit.exclude.roles"))
    }
}
