// SPDX-License-Identifier: Apache-2.0

/// A tenant's own security settings, changed by its tenant-admins.
package struct TenantSecuritySettings: Sendable, Equatable {
    package var tenantID: TenantID
    /// Every user must sign in with a second factor; those without one are made to enrol at
    /// their next login. API keys are unaffected.
    package var mfaRequired: Bool
    /// The tenant's login-throttle policy as JSON, or `nil` for the server's default. Stored as
    /// text so the storage layer needs no knowledge of the policy's shape.
    package var loginThrottleJSON: String?
    /// Writes to policy objects and tagging rules become change requests that a second person
    /// applies (four eyes).
    package var changeApproval: Bool
    /// The longest access any access request may ask for, whatever its approval rule allows;
    /// `nil`: the rules' own maxima (at most 90 days).
    package var accessRequestMaximumSeconds: Int?
    package var updatedAt: Int64

    package init(
        tenantID: TenantID, mfaRequired: Bool = false, loginThrottleJSON: String? = nil, changeApproval: Bool = false,
        accessRequestMaximumSeconds: Int? = nil,
        updatedAt: Int64 = 0
    ) {
        self.tenantID = tenantID
        self.mfaRequired = mfaRequired
        self.loginThrottleJSON = loginThrottleJSON
        self.changeApproval = changeApproval
        self.accessRequestMaximumSeconds = accessRequestMaximumSeconds
        self.updatedAt = updatedAt
    }
}
