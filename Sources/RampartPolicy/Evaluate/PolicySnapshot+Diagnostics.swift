// SPDX-License-Identifier: Apache-2.0

extension PolicySnapshot {
    /// How many unzoned access policies have resources that match `request`'s resource: what
    /// makes a request expensive to decide. For benchmarks, which print it beside their figures.
    package func resourceMatchingPolicyCount(_ request: AccessRequest) -> Int {
        let ctx = prepare(request, EvalState())
        return unzoned.repository(.access).candidates(ctx.prepared).count {
            ctx.accepts($0.matchType(ctx, isTagRequest: false), isTagRequest: false)
        }
    }
}
