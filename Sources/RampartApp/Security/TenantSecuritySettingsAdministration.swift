// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's security settings: whether two-factor is required, and its login throttle laid
/// over the server's default.
package struct TenantSecuritySettingsAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// The settings as they apply: the stored ones, or the defaults.
    package struct Effective: Sendable {
        package var mfaRequired: Bool
        package var loginThrottle: ThrottlePolicy
        /// Whether the tenant changed the throttle from the server's default.
        package var loginThrottleCustomized: Bool
        /// Whether policy and tagging-rule writes wait for a second person (``ChangeRequests``).
        package var changeApproval: Bool
        /// The longest access an access request may ask for; `nil`: the approval rules' own maxima.
        package var accessRequestMaximumSeconds: Int?
    }

    package func get(in tenant: TenantID) async throws -> Effective {
        effective(try await services.store.read { try await $0.tenantSecuritySettings(tenant) })
    }

    /// Changes the settings given: `mfaRequired` and `changeApproval` when not `nil`; the
    /// throttle when `loginThrottle` is not `nil`, back to the default when it holds `nil`.
    /// Turning four-eyes changes off raises `change.approval_disabled`.
    package func update(
        mfaRequired: Bool?, loginThrottle: ThrottlePolicyDocument??, changeApproval: Bool? = nil, accessRequestMaximumSeconds: Int?? = nil,
        in tenant: TenantID, audit: AuditContext?
    ) async throws -> Effective {
        guard mfaRequired != nil || loginThrottle != nil || changeApproval != nil || accessRequestMaximumSeconds != nil else {
            throw RampartError.validation(
                "give `mfaRequired`, `loginThrottle`, `changeApproval` or `accessRequestMaximumSeconds`", field: "mfaRequired")
        }
        if let cap = accessRequestMaximumSeconds ?? nil, !ApprovalRules.durationRange.contains(cap) {
            throw RampartError.validation("must be from 60 to 7776000 seconds (90 days), or null for none", field: "accessRequestMaximumSeconds")
        }
        var throttleJSON: String??
        if let document = loginThrottle {
            if let document {
                let policy = document.applied(to: services.security.configuration.loginThrottle)
                do {
                    try policy.validate()
                } catch let error as RampartError {
                    throw RampartError(error.code, error.message, field: error.field.map { "loginThrottle.\($0)" })
                }
                throttleJSON = .some(try ThrottlePolicyDocument(policy).json())
            } else {
                throttleJSON = .some(nil)
            }
        }
        let now = services.clock.now()
        let update = throttleJSON
        let (settings, wasOn) = try await services.store.recording(audit).write { tx -> (TenantSecuritySettings, Bool) in
            var settings = try await tx.tenantSecuritySettings(tenant) ?? TenantSecuritySettings(tenantID: tenant)
            let wasOn = settings.changeApproval
            if let mfaRequired { settings.mfaRequired = mfaRequired }
            if let update { settings.loginThrottleJSON = update }
            if let changeApproval { settings.changeApproval = changeApproval }
            if let accessRequestMaximumSeconds { settings.accessRequestMaximumSeconds = accessRequestMaximumSeconds }
            settings.updatedAt = now
            try await tx.putTenantSecuritySettings(settings)
            return (settings, wasOn)
        }
        if wasOn, !settings.changeApproval {
            try await services.security.raise(.changeApprovalDisabled, tenant: tenant, audit: audit)
        }
        return effective(settings)
    }

    private func effective(_ settings: TenantSecuritySettings?) -> Effective {
        Effective(
            mfaRequired: settings?.mfaRequired ?? false,
            loginThrottle: ThrottlePolicyDocument.policy(stored: settings?.loginThrottleJSON, base: services.security.configuration.loginThrottle),
            loginThrottleCustomized: settings?.loginThrottleJSON != nil, changeApproval: settings?.changeApproval ?? false,
            accessRequestMaximumSeconds: settings?.accessRequestMaximumSeconds)
    }
}
