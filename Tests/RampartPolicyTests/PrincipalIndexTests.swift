// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartPolicy

/// Passing over candidate policies that name none of the request's principals (``PrincipalIndex``)
/// is an optimisation only: every answer, audit flags and deciding policy included, is the one
/// the engine gives when it visits every candidate.
@Suite struct PrincipalIndexTests {
    let service = Service(name: "dev_hive", type: "hive")

    @Test func passingOverPoliciesThatNameOthersChangesNoAnswer() throws {
        var random = FootprintTests.Random(state: 0x9A55_0BE5)
        let roles = [
            Role(name: "r1", users: [.init(name: "u1")], groups: [.init(name: "g2")]), Role(name: "r2", users: [.init(name: "u3")]),
        ]
        var everyCandidate = PolicyEngineOptions()
        everyCandidate.passesOverInapplicablePolicies = false
        // Candidates narrowed to the request's principals after the first one, so most requests
        // cross the kept prefix, and those whose auditing is still open there fall back.
        var narrowsEarly = PolicyEngineOptions()
        narrowsEarly.candidatesBeforeNarrowing = 1
        var compared = 0
        var allowed = 0
        var audited = 0
        for _ in 0..<80 {
            var policies = FootprintTests.policies(&random)
            for index in policies.indices {
                // Auditing left undecided by the first matches, and items naming roles.
                if random.chance(30) { policies[index].isAuditEnabled = false }
                if random.chance(20), !policies[index].policyItems.isEmpty {
                    policies[index].policyItems[0].roles = [random.pick(["r1", "r2"])]
                }
            }
            // The common case in a large deployment: broad policies for other people.
            for id in 300..<(300 + random.int(40)) {
                var others = Policy(
                    id: Int64(id), name: "others\(id)", isAuditEnabled: random.chance(70),
                    resources: ["database": PolicyResource(values: [random.pick(["db*", "*", "db1"])]), "table": PolicyResource(values: ["*"])],
                    policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["other\(id)"], groups: ["team\(id)"])])
                if random.chance(10) { others.denyPolicyItems = [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["other\(id)"])] }
                policies.append(others)
            }
            let indexed = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: policies, roles: roles)
            let narrowed = try PolicySnapshot(
                serviceDef: TestData.hiveDef, service: service, policies: policies, roles: roles, options: narrowsEarly)
            let visitsAll = try PolicySnapshot(
                serviceDef: TestData.hiveDef, service: service, policies: policies, roles: roles, options: everyCandidate)
            for resource in FootprintTests.resources(&random) {
                for user in FootprintTests.users + ["stranger"] {
                    let groups = Set(FootprintTests.groups.filter { _ in random.chance(40) })
                    for accessType in ["select", "update", "", "_any"] {
                        let request = AccessRequest(resource: resource, accessType: accessType, user: user, userGroups: groups)
                        let answer = indexed.evaluate(request)
                        let reference = visitsAll.evaluate(request)
                        #expect(answer == reference, "\(request)")
                        #expect(narrowed.evaluate(request) == reference, "narrowed early: \(request)")
                        compared += 1
                        if answer.isAllowed { allowed += 1 }
                        if answer.isAudited { audited += 1 }
                    }
                }
            }
        }
        // The comparison covered both outcomes, audited or not.
        #expect(compared > 50_000)
        #expect(allowed > compared / 10 && allowed < compared * 9 / 10, "\(allowed) of \(compared) allowed")
        #expect(audited > compared / 10 && audited < compared, "\(audited) of \(compared) audited")
    }
}
