// SPDX-License-Identifier: Apache-2.0

/// The outcome of an access evaluation (`RangerAccessResult`).
public struct AccessResult: Sendable, Hashable {
    public var isAllowed: Bool
    /// Whether a policy (or super-user rule, or default deny) decided the access.
    public var isAccessDetermined: Bool
    public var isAudited: Bool
    public var isAuditedDetermined: Bool
    /// The deciding policy, or `-1`.
    public var policyId: Int64
    public var policyVersion: Int64?
    public var policyPriority: Int
    /// The policy that decided auditing, or `-1`.
    public var auditPolicyId: Int64
    /// The security zone whose policies decided, if any.
    public var zoneName: String?
    public var reason: String?
    /// Features the evaluation would have needed but Rampart does not implement yet; a non-empty
    /// set means the result may differ from Ranger's.
    public var unsupportedFeatures: Set<String>

    public init(
        isAllowed: Bool = false, isAccessDetermined: Bool = false, isAudited: Bool = false,
        isAuditedDetermined: Bool = false, policyId: Int64 = -1, policyVersion: Int64? = nil, policyPriority: Int = 0,
        auditPolicyId: Int64 = -1, zoneName: String? = nil, reason: String? = nil, unsupportedFeatures: Set<String> = []
    ) {
        self.isAllowed = isAllowed
        self.isAccessDetermined = isAccessDetermined
        self.isAudited = isAudited
        self.isAuditedDetermined = isAuditedDetermined
        self.policyId = policyId
        self.policyVersion = policyVersion
        self.policyPriority = policyPriority
        self.auditPolicyId = auditPolicyId
        self.zoneName = zoneName
        self.reason = reason
        self.unsupportedFeatures = unsupportedFeatures
    }
}

/// The outcome of a data-mask evaluation.
public struct DataMaskResult: Sendable, Hashable {
    /// The mask type name verbatim (e.g. `MASK_SHOW_LAST_4`), or `nil` when no mask applies.
    public var maskType: String?
    /// `valueExpr` of the item (used by `CUSTOM`).
    public var maskedValue: String?
    /// `conditionExpr` of the item.
    public var maskCondition: String?
    /// The transformer of the mask type from the service definition (e.g. `mask_show_last_n({col}, 4, ...)`).
    public var transformer: String?
    public var policyId: Int64
    public var policyVersion: Int64?
    public var isAudited: Bool
    public var zoneName: String?
    public var unsupportedFeatures: Set<String>

    /// Whether a mask applies.
    public var isMasked: Bool { maskType != nil }

    public init(
        maskType: String? = nil, maskedValue: String? = nil, maskCondition: String? = nil, transformer: String? = nil,
        policyId: Int64 = -1, policyVersion: Int64? = nil, isAudited: Bool = false, zoneName: String? = nil,
        unsupportedFeatures: Set<String> = []
    ) {
        self.maskType = maskType
        self.maskedValue = maskedValue
        self.maskCondition = maskCondition
        self.transformer = transformer
        self.policyId = policyId
        self.policyVersion = policyVersion
        self.isAudited = isAudited
        self.zoneName = zoneName
        self.unsupportedFeatures = unsupportedFeatures
    }
}

/// The outcome of a row-filter evaluation.
public struct RowFilterResult: Sendable, Hashable {
    /// The filter expression, or `nil` when no filter applies.
    public var filterExpr: String?
    public var policyId: Int64
    public var policyVersion: Int64?
    public var isAudited: Bool
    public var zoneName: String?
    public var unsupportedFeatures: Set<String>

    public init(
        filterExpr: String? = nil, policyId: Int64 = -1, policyVersion: Int64? = nil, isAudited: Bool = false,
        zoneName: String? = nil, unsupportedFeatures: Set<String> = []
    ) {
        self.filterExpr = filterExpr
        self.policyId = policyId
        self.policyVersion = policyVersion
        self.isAudited = isAudited
        self.zoneName = zoneName
        self.unsupportedFeatures = unsupportedFeatures
    }
}
