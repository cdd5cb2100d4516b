// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartPolicy

@Suite struct EngineTests {
    let service = Service(name: "dev_hive", type: "hive")

    @Test func allowDenyAndExceptions() throws {
        let p = Policy(
            id: 1, name: "sales", resources: TestData.res("sales"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], groups: ["analysts"])],
            denyPolicyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["mallory"])],
            allowExceptions: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["intern"])])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [p])
        let ok = s.evaluate(TestData.request("sales", "orders", "id", user: "alice", groups: ["analysts"]))
        #expect(ok.isAllowed && ok.isAudited && ok.policyId == 1)
        #expect(!s.evaluate(TestData.request("sales", "orders", "id", user: "mallory", groups: ["analysts"])).isAllowed)
        #expect(!s.evaluate(TestData.request("sales", "orders", "id", user: "intern", groups: ["analysts"])).isAllowed)
        #expect(!s.evaluate(TestData.request("hr", "people", "id", user: "alice", groups: ["analysts"])).isAllowed)
    }

    @Test func impliedGrantsAndAnyAccess() throws {
        let p = Policy(id: 2, resources: TestData.res("db"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "all")], users: ["bob"])])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [p])
        #expect(s.evaluate(TestData.request("db", "t", "c", access: "update", user: "bob")).isAllowed)
        let any = AccessRequest(resource: AccessResource(["database": "db"]), accessType: "", user: "bob")
        #expect(s.evaluate(any).isAllowed)
    }

    @Test func overridePriorityBeatsDenyAllElse() throws {
        let normal = Policy(
            id: 1, name: "deny-else", isDenyAllElse: true, resources: TestData.res("db"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])])
        let override = Policy(
            id: 2, name: "override", policyPriority: Policy.priorityOverride, resources: TestData.res("db"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["b"])])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [normal, override])
        #expect(s.evaluate(TestData.request("db", "t", "c", user: "b")).isAllowed)
        #expect(!s.evaluate(TestData.request("db", "t", "c", user: "c")).isAllowed)
    }

    @Test func ownerAndRoles() throws {
        let p = Policy(
            id: 3, resources: TestData.res("db"),
            policyItems: [
                PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["{OWNER}"]),
                PolicyItem(accesses: [PolicyItemAccess(type: "update")], roles: ["writers"]),
            ])
        let roles = [Role(name: "writers", roles: [.init(name: "juniors")]), Role(name: "juniors", users: [.init(name: "jo")])]
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [p], roles: roles)
        var r = TestData.request("db", "t", "c", user: "own")
        r.resource.ownerUser = "own"
        #expect(s.evaluate(r).isAllowed)
        #expect(s.evaluate(TestData.request("db", "t", "c", access: "update", user: "jo")).isAllowed)
    }

    @Test func superUsersAndAuditExcludes() throws {
        let s = try PolicySnapshot(
            serviceDef: TestData.hiveDef, service: Service(name: "x", configs: ["ranger.plugin.super.users": "root"]), policies: [],
            options: PolicyEngineOptions(auditExcludedUsers: ["svc"]))
        #expect(s.evaluate(TestData.request("db", "t", user: "root")).isAllowed)
        let excluded = s.evaluate(TestData.request("db", "t", user: "svc"))
        #expect(!excluded.isAllowed && !excluded.isAudited)
    }

    @Test func zonesReplaceUnzonedPolicies() throws {
        let unzoned = Policy(
            id: 1, resources: TestData.res("*"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["u"])])
        let zoned = Policy(
            id: 2, zoneName: "fin", resources: TestData.res("finance"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["f"])])
        let zone = SecurityZone(name: "fin", services: ["dev_hive": .init(resources: [["database": ["finance"]]])])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [unzoned, zoned], zones: [zone])
        #expect(!s.evaluate(TestData.request("finance", "t", "c", user: "u")).isAllowed)
        #expect(s.evaluate(TestData.request("finance", "t", "c", user: "f")).isAllowed)
        #expect(s.evaluate(TestData.request("sales", "t", "c", user: "u")).isAllowed)
    }

    @Test func masksAndRowFilters() throws {
        let mask = Policy(
            id: 10, policyType: .dataMask, resources: TestData.res("hr", "emp", "ssn"),
            dataMaskPolicyItems: [
                PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"], dataMaskInfo: DataMaskInfo(dataMaskType: "MASK_SHOW_LAST_4"))
            ])
        let filter = Policy(
            id: 11, policyType: .rowFilter, resources: ["database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["emp"])],
            rowFilterPolicyItems: [
                PolicyItem(accesses: [PolicyItemAccess(type: "select")], groups: ["public"], rowFilterInfo: RowFilterInfo(filterExpr: "dept = 'x'"))
            ])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: [mask, filter])
        let m = s.evaluateDataMask(TestData.request("hr", "emp", "ssn", user: "a"))
        #expect(m.maskType == "MASK_SHOW_LAST_4" && m.policyId == 10 && m.transformer == "show_last_4({col})")
        #expect(s.evaluateDataMask(TestData.request("hr", "emp", "ssn", user: "b")).maskType == nil)
        let f = s.evaluateRowFilter(TestData.request("hr", "emp", user: "anyone"))
        #expect(f.filterExpr == "dept = 'x'" && f.policyId == 11)
    }

    @Test func tagPolicies() throws {
        let tagDef = ServiceDef(
            name: "tag", resources: [ResourceDef(name: "tag", matcherOptions: ["wildCard": "false", "ignoreCase": "false"])],
            accessTypes: [AccessTypeDef(name: "hive:select")])
        let tagPolicy = Policy(
            id: 100, name: "PII", resources: ["tag": PolicyResource(values: ["PII"])],
            denyPolicyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "hive:select")], groups: ["public"])])
        let allow = Policy(
            id: 1, resources: TestData.res("hr"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])])
        let tags = ServiceTags(
            tags: ["1": Tag(id: 1, type: "PII")],
            serviceResources: [
                ServiceResource(
                    id: 7,
                    resourceElements: [
                        "database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["emp"]),
                        "column": PolicyResource(values: ["ssn"]),
                    ])
            ], resourceToTagIds: ["7": [1]])
        let s = try PolicySnapshot(
            serviceDef: TestData.hiveDef, service: Service(name: "dev_hive", tagService: "tags"), policies: [allow], tagServiceDef: tagDef,
            tagPolicies: [tagPolicy], serviceTags: tags)
        #expect(!s.evaluate(TestData.request("hr", "emp", "ssn", user: "a")).isAllowed)
        #expect(s.evaluate(TestData.request("hr", "emp", "name", user: "a")).isAllowed)
    }

    /// A tag with a validity period counts only inside it: an embargo tag that ends on a date
    /// stops denying at that date, and a recurring one denies only in its windows.
    @Test func tagsApplyOnlyInsideTheirValidityPeriods() throws {
        let tagDef = ServiceDef(
            name: "tag", resources: [ResourceDef(name: "tag", matcherOptions: ["wildCard": "false", "ignoreCase": "false"])],
            accessTypes: [AccessTypeDef(name: "hive:select")])
        let embargo = Policy(
            id: 100, name: "EMBARGO", resources: ["tag": PolicyResource(values: ["EMBARGO"])],
            denyPolicyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "hive:select")], groups: ["public"])])
        let allow = Policy(
            id: 1, resources: TestData.res("hr"), policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])])
        // Embargoed until the end of 2026 (UTC); the nightly tag applies 22:00-06:00 UTC.
        let nightly: JSONValue = .object([
            "schedule": .object([
                "minute": .string("0"), "hour": .string("22"), "dayOfMonth": .string("*"), "dayOfWeek": .string(""), "month": .string("*"),
                "year": .string("*"),
            ]),
            "interval": .object(["hours": .number(8)]),
        ])
        let tags = ServiceTags(
            tags: [
                "1": Tag(id: 1, type: "EMBARGO", validityPeriods: [ValiditySchedule(endTime: "2026/12/31 23:59:59")]),
                "2": Tag(id: 2, type: "EMBARGO", validityPeriods: [ValiditySchedule(recurrences: [nightly])]),
            ],
            serviceResources: [
                ServiceResource(
                    id: 7, resourceElements: ["database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["results"])]),
                ServiceResource(
                    id: 8, resourceElements: ["database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["payroll"])]),
            ], resourceToTagIds: ["7": [1], "8": [2]])
        let s = try PolicySnapshot(
            serviceDef: TestData.hiveDef, service: Service(name: "dev_hive", tagService: "tags"), policies: [allow], tagServiceDef: tagDef,
            tagPolicies: [embargo], serviceTags: tags)
        func allowed(_ table: String, at text: String) throws -> Bool {
            var request = TestData.request("hr", table, user: "a")
            let time: Date = try #require(ValidityWindow.date(text, TimeZone(identifier: "UTC")))
            request.accessTime = time
            let result = s.evaluate(request)
            #expect(result.unsupportedFeatures.isEmpty)
            return result.isAllowed
        }
        #expect(try allowed("results", at: "2026/12/31 23:59:59") == false)
        #expect(try allowed("results", at: "2027/01/01 00:00:00"))
        #expect(try allowed("payroll", at: "2026/12/07 23:00:00") == false)
        #expect(try allowed("payroll", at: "2026/12/08 05:59:00") == false)
        #expect(try allowed("payroll", at: "2026/12/08 12:00:00"))
    }

    /// `${{…}}` request expressions: a database per user and per department. A user without the
    /// attribute matches nothing (not the shorter value `dept_`), and a mask places the value
    /// with `'` doubled.
    @Test func requestExpressionsExpandPerRequest() throws {
        let own = Policy(
            id: 1, resources: TestData.res("home_${{USER._name}}"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], groups: ["public"])])
        let department = Policy(
            id: 2, resources: TestData.res("dept_${{USER.dept}}*"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], groups: ["public"])])
        let mask = Policy(
            id: 3, policyType: .dataMask,
            resources: [
                "database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["emp"]), "column": PolicyResource(values: ["pay"]),
            ],
            dataMaskPolicyItems: [
                PolicyItem(
                    accesses: [PolicyItemAccess(type: "select")], groups: ["public"],
                    dataMaskInfo: DataMaskInfo(dataMaskType: "CUSTOM", valueExpr: "CASE WHEN dept = '${{USER.dept}}' THEN {col} END"))
            ])
        let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: Service(name: "dev_hive"), policies: [own, department, mask])
        func allowed(_ database: String, user: String, attributes: [String: String] = [:]) -> Bool {
            var request = TestData.request(database, "t", "c", user: user)
            request.userAttributes = attributes
            let result = s.evaluate(request)
            #expect(result.unsupportedFeatures.isEmpty)
            return result.isAllowed
        }
        #expect(allowed("home_ann", user: "ann"))
        #expect(!allowed("home_bob", user: "ann"))
        #expect(allowed("dept_sales_eu", user: "ann", attributes: ["dept": "sales"]))
        #expect(!allowed("dept_sales_eu", user: "ann", attributes: ["dept": "hr"]))
        #expect(!allowed("dept_sales_eu", user: "ann"))
        // A value that would widen the match (empty, or a wildcard) matches nothing.
        #expect(!allowed("dept_sales_eu", user: "ann", attributes: ["dept": "*"]))
        #expect(!allowed("dept_sales_eu", user: "ann", attributes: ["dept": ""]))
        var request = TestData.request("hr", "emp", "pay", user: "ann")
        request.userAttributes = ["dept": "o'hara"]
        #expect(s.evaluateDataMask(request).maskedValue == "CASE WHEN dept = 'o''hara' THEN {col} END")
        // A value that cannot be placed safely, or none, gives the strictest mask.
        request.userAttributes = ["dept": "x\\' OR 1=1 --"]
        #expect(s.evaluateDataMask(request).maskType == "MASK_NULL")
        #expect(s.evaluateDataMask(request).maskedValue == nil)
        request.userAttributes = [:]
        #expect(s.evaluateDataMask(request).maskType == "MASK_NULL")
    }

    /// Row filters place each value by where it stands: inside a literal with `'` doubled and no
    /// backslash; outside one only as a plain word or number. Anything else, or no value, lets
    /// no row through.
    @Test func requestExpressionsInRowFiltersFailClosed() throws {
        func filter(_ expression: String, _ attributes: [String: String]) throws -> String? {
            let policy = Policy(
                id: 5, policyType: .rowFilter, resources: ["database": PolicyResource(values: ["hr"]), "table": PolicyResource(values: ["emp"])],
                rowFilterPolicyItems: [
                    PolicyItem(accesses: [PolicyItemAccess(type: "select")], groups: ["public"], rowFilterInfo: RowFilterInfo(filterExpr: expression))
                ])
            let s = try PolicySnapshot(serviceDef: TestData.hiveDef, service: Service(name: "dev_hive"), policies: [policy])
            var request = TestData.request("hr", "emp", user: "ann")
            request.userAttributes = attributes
            return s.evaluateRowFilter(request).filterExpr
        }
        #expect(try filter("id = ${{USER.id}}", ["id": "42"]) == "id = 42")
        #expect(try filter("id = ${{USER.id}}", ["id": "1 OR 1=1"]) == "1 = 0")
        #expect(try filter("dept = '${{USER.dept}}'", ["dept": "R&D 'west"]) == "dept = 'R&D ''west'")
        #expect(try filter("dept = '${{USER.dept}}'", ["dept": "x\\' OR 1=1 --"]) == "1 = 0")
        #expect(try filter("dept = '${{USER.dept}}'", [:]) == "1 = 0")
        #expect(try filter("owner = '${{USER._name}}' AND region = ${{USER.region}}", ["region": "EU"]) == "owner = 'ann' AND region = EU")
    }

    @Test func modelRoundTrip() throws {
        let json = """
            {"policies":[{"id":5,"name":"p","isEnabled":"true","resources":{"path":{"values":["/a"],"isRecursive":true}},
            "policyItems":[{"accesses":[{"type":"read"}],"users":["u"]}],"policyPriority":1}]}
            """
        let policies = try PolicyLoader.policies(from: Data(json.utf8))
        #expect(policies.count == 1)
        #expect(policies[0].policyPriority == 1 && policies[0].isEnabled && policies[0].resources["path"]?.isRecursive == true)
        #expect(policies[0].policyItems[0].accesses[0].isAllowed)
        let again = try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(policies[0]))
        #expect(again == policies[0])
    }

    @Test func indexedCandidatesAgreeWithScan() throws {
        // Enough policies to build tries; results must equal a small (unindexed) snapshot's.
        var policies: [Policy] = []
        for i in 0..<40 {
            let table = i % 4 == 0 ? "t\(i % 7)*" : "t\(i)"
            policies.append(
                Policy(
                    id: Int64(i), name: "p\(i)", resources: TestData.res("db\(i % 3)", table),
                    policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["u\(i % 5)"])]))
        }
        let big = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: policies)
        for i in 0..<60 {
            let req = TestData.request("db\(i % 3)", "t\(i)", "c", user: "u\(i % 5)")
            let expected = policies.contains { p in
                PolicyResourceMatch(serviceDef: TestData.hiveDef, resources: p.resources).isMatch(req.resource, scope: .selfScope)
                    && p.policyItems[0].users.contains(req.user)
            }
            #expect(big.evaluate(req).isAllowed == expected)
        }
    }
}
