// SPDX-License-Identifier: Apache-2.0

/// The mutable result threaded through one evaluation (`RangerAccessResult` with its side effects:
/// denying determines access, setting audit determines audit).
struct WorkingResult {
    var isAllowed = false
    var isAccessDetermined = false
    var isAudited = false
    var isAuditedDetermined = false
    var policyId: Int64 = -1
    var policyVersion: Int64? = nil
    var policyPriority = 0
    var auditPolicyId: Int64 = -1
    var reason: String? = nil
    var zoneName: String? = nil
    var maskType: String? = nil
    var maskCondition: String? = nil
    var maskedValue: String? = nil
    var filterExpr: String? = nil

    mutating func setAllowed(_ allowed: Bool) {
        isAllowed = allowed
        if !allowed { isAccessDetermined = true }
    }

    mutating func setAudited(_ audited: Bool) {
        isAudited = audited
        isAuditedDetermined = true
    }

    mutating func apply(_ r: TypeResult) {
        isAllowed = r.isAllowed
        isAccessDetermined = r.isDetermined
        policyId = r.policyId
        policyVersion = r.policyVersion
        policyPriority = r.priority
        reason = r.reason
    }
}
