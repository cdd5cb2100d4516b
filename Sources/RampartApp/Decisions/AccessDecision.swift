// SPDX-License-Identifier: Apache-2.0

import RampartPolicy

/// The answer to one access request: allowed or not, by which policy, and for an allowed
/// request the mask and row filter that apply.
///
/// The decision API returns it, and enforcement inside PostgreSQL derives grants, masks and row
/// filters from it, so the two cannot disagree about what a policy means.
package struct AccessDecision: Encodable, Sendable, Hashable {
    package struct Mask: Encodable, Sendable, Hashable {
        package var type: String
        package var value: String?
        package var condition: String?
        package var policyId: Int64

        package init(type: String, value: String?, condition: String?, policyId: Int64) {
            self.type = type
            self.value = value
            self.condition = condition
            self.policyId = policyId
        }
    }

    package struct RowFilter: Encodable, Sendable, Hashable {
        package var expression: String
        package var policyId: Int64

        package init(expression: String, policyId: Int64) {
            self.expression = expression
            self.policyId = policyId
        }
    }

    package var allowed: Bool
    package var audited: Bool
    package var policyId: Int64?
    package var policyVersion: Int64
    package var reason: String?
    package var mask: Mask?
    package var rowFilter: RowFilter?

    package init(
        allowed: Bool, audited: Bool, policyId: Int64?, policyVersion: Int64, reason: String?, mask: Mask? = nil, rowFilter: RowFilter? = nil
    ) {
        self.allowed = allowed
        self.audited = audited
        self.policyId = policyId
        self.policyVersion = policyVersion
        self.reason = reason
        self.mask = mask
        self.rowFilter = rowFilter
    }

    /// The footprints of a request's resource for access, data-mask and row-filter policies.
    package struct Footprints: Sendable, Hashable {
        package var access: ResourceFootprint?
        package var dataMask: ResourceFootprint?
        package var rowFilter: ResourceFootprint?

        package init(access: ResourceFootprint? = nil, dataMask: ResourceFootprint? = nil, rowFilter: ResourceFootprint? = nil) {
            self.access = access
            self.dataMask = dataMask
            self.rowFilter = rowFilter
        }
    }

    /// What an evaluation works out besides whether access is allowed.
    package struct Parts: OptionSet, Sendable, Hashable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }

        package static let mask = Parts(rawValue: 1)
        package static let rowFilter = Parts(rawValue: 2)
        package static let all: Parts = [.mask, .rowFilter]
    }

    /// Evaluates `request` against a service's published policies: access first, then (only when
    /// allowed) the mask and the row filter. `MASK_NONE` is no mask.
    ///
    /// A caller that reads only some parts may leave the others out (`including`); the parts it
    /// asks for come out the same as in a full evaluation, and the others stay `nil`. A caller that
    /// has the request's resource footprints (``PolicySnapshot/footprint(of:type:)``) may pass them.
    package static func evaluate(
        _ request: AccessRequest, on target: ServicePolicies, including parts: Parts = .all, footprints: Footprints = Footprints()
    ) -> AccessDecision {
        let snapshot = target.snapshot
        let result = snapshot.evaluate(request, footprint: footprints.access)
        var decision = AccessDecision(
            allowed: result.isAllowed, audited: result.isAudited, policyId: result.policyId >= 0 ? result.policyId : nil,
            policyVersion: target.version, reason: result.reason)
        if result.isAllowed {
            if parts.contains(.mask) {
                let mask = snapshot.evaluateDataMask(request, footprint: footprints.dataMask)
                if let type = mask.maskType, type != "MASK_NONE" {
                    decision.mask = Mask(type: type, value: mask.maskedValue, condition: mask.maskCondition, policyId: mask.policyId)
                }
            }
            if parts.contains(.rowFilter) {
                let filter = snapshot.evaluateRowFilter(request, footprint: footprints.rowFilter)
                if let expression = filter.filterExpr, !expression.isEmpty {
                    decision.rowFilter = RowFilter(expression: expression, policyId: filter.policyId)
                }
            }
        }
        return decision
    }
}
