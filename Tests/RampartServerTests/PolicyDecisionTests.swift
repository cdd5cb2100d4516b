// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

@Suite struct PolicyDecisionTests {
    static func ask(
        _ client: APIClient, _ token: String, _ service: String, user: String, _ resource: [String: String], groups: [String]? = nil
    ) async throws -> [String: Any] {
        var body: [String: any Sendable] = ["service": service, "user": user, "resource": resource, "accessType": "select"]
        if let groups { body["groups"] = groups }
        let reply = try await client.send(.post, "/v1/authorize", token: token, body: .json(body))
        #expect(reply.status == 200, "\(reply.text)")
        return try reply.json()
    }

    @Test(arguments: TestEngine.available)
    func decisionsFollowTheImportedPolicies(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let service = f.a.service
            // bob is in `analysts` (stored membership, used when groups are omitted).
            let allowed = try await Self.ask(client, token, service, user: "bob", ["database": "sales", "table": "orders", "column": "total"])
            #expect(allowed["allowed"] as? Bool == true)
            #expect(allowed["policyId"] as? Int == 1)
            #expect(allowed["policyVersion"] as? Int == 1)
            let filtered = try await Self.ask(client, token, service, user: "bob", ["database": "sales", "table": "orders"])
            #expect((filtered["rowFilter"] as? [String: Any])?["expression"] as? String == "region = 'EU'")
            let masked = try await Self.ask(client, token, service, user: "bob", ["database": "sales", "table": "customers", "column": "ssn"])
            #expect((masked["mask"] as? [String: Any])?["type"] as? String == "MASK_SHOW_LAST_4")
            let denied = try await Self.ask(client, token, service, user: "bob", ["database": "hr", "table": "salaries", "column": "x"])
            #expect(denied["allowed"] as? Bool == false)
            #expect(denied["policyId"] as? Int == 2)
            // kim is not an analyst, and cannot be made one by the caller: the service takes
            // identities from Rampart (the default), so sent groups are refused, not trusted.
            let kim = try await Self.ask(client, token, service, user: "kim", ["database": "sales", "table": "orders", "column": "total"])
            #expect(kim["allowed"] as? Bool == false)
            let kimAsAnalyst = try await client.send(
                .post, "/v1/authorize", token: token,
                body: .json([
                    "service": service, "user": "kim", "groups": ["analysts"], "accessType": "select",
                    "resource": ["database": "sales", "table": "orders", "column": "total"],
                ]))
            #expect(kimAsAnalyst.status == 422)
            #expect(try kimAsAnalyst.string("field") == "groups")
            // Users that do not exist in the tenant are denied, not errors.
            let ghost = try await Self.ask(client, token, service, user: "ghost", ["database": "sales", "table": "orders", "column": "total"])
            #expect(ghost["allowed"] as? Bool == false)
            // Tenant-admins hold no decision permission.
            let refused = try await client.send(
                .post, "/v1/authorize", token: f.a.adminToken,
                body: .json(["service": service, "user": "bob", "resource": ["database": "sales"], "accessType": "select"]))
            #expect(refused.status == 403)
        }
    }

    /// Issue 20: `rampart.identity.source` is `rampart` (the user must exist, stored groups, sent
    /// groups refused) or `request` (the caller is trusted for user, groups and roles).
    @Test(arguments: TestEngine.available)
    func eachServiceSaysWhereIdentitiesComeFrom(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let orders = ["database": "sales", "table": "orders", "column": "total"]
            let badSource = try await client.send(
                .put, "/v1/services/\(f.a.serviceID)", token: token,
                body: .json(["name": f.a.service, "type": "hive", "configs": ["rampart.identity.source": "ldap"]]))
            #expect(badSource.status == 422)
            #expect(try badSource.string("field") == "configs.rampart.identity.source")
            let batch = try await client.send(
                .post, "/v1/authorize/batch", token: token,
                body: .json([
                    "requests": [
                        ["service": f.a.service, "user": "bob", "accessType": "select", "resource": orders] as [String: any Sendable],
                        ["service": f.a.service, "user": "kim", "roles": ["auditors"], "accessType": "select", "resource": orders],
                    ]
                ]))
            #expect(batch.status == 422)
            #expect(try batch.string("field") == "requests[1].roles")
            let attributes = try await client.send(
                .post, "/v1/authorize", token: token,
                body: .json(["service": f.a.service, "user": "bob", "accessType": "select", "resource": orders, "userAttributes": ["dept": "x"]]))
            #expect(attributes.status == 422)
            #expect(try attributes.string("field") == "userAttributes")
            let trusting = try await client.send(
                .put, "/v1/services/\(f.a.serviceID)", token: token,
                body: .json(["name": f.a.service, "type": "hive", "configs": ["rampart.identity.source": "request"]]))
            #expect(trusting.status == 200, "\(trusting.text)")
            // Now the caller's word decides: kim as an analyst, and a user Rampart has never seen.
            let kim = try await Self.ask(client, token, f.a.service, user: "kim", orders, groups: ["analysts"])
            #expect(kim["allowed"] as? Bool == true)
            let stranger = try await Self.ask(client, token, f.a.service, user: "stranger", orders, groups: ["analysts"])
            #expect(stranger["allowed"] as? Bool == true)
            // Without groups nothing is assumed: bob's stored membership is not read.
            let bob = try await Self.ask(client, token, f.a.service, user: "bob", orders)
            #expect(bob["allowed"] as? Bool == false)
            // Request expressions read the trusted caller's attributes, quoted for the SQL literal
            // they stand in; a user without the attribute, or with one that cannot be placed
            // safely, gets a filter no row passes.
            let byDepartment = try await client.send(
                .post, "/v1/policies", token: token,
                body: .json([
                    "name": "invoices by department", "service": f.a.service, "policyType": 2,
                    "resources": ["database": ["values": ["sales"]], "table": ["values": ["invoices"]]] as [String: any Sendable],
                    "rowFilterPolicyItems": [
                        [
                            "groups": ["analysts"], "accesses": [["type": "select", "isAllowed": true] as [String: any Sendable]],
                            "rowFilterInfo": ["filterExpr": "dept = '${{USER.dept}}'"],
                        ] as [String: any Sendable]
                    ],
                ]))
            #expect(byDepartment.status == 201, "\(byDepartment.text)")
            func filter(_ attributes: [String: String]) async throws -> String? {
                let reply = try await client.send(
                    .post, "/v1/authorize", token: token,
                    body: .json([
                        "service": f.a.service, "user": "kim", "groups": ["analysts"], "accessType": "select",
                        "resource": ["database": "sales", "table": "invoices"], "userAttributes": attributes,
                    ]))
                #expect(reply.status == 200, "\(reply.text)")
                return (try reply.json()["rowFilter"] as? [String: Any])?["expression"] as? String
            }
            #expect(try await filter(["dept": "finance"]) == "dept = 'finance'")
            #expect(try await filter(["dept": "x' OR '1'='1"]) == "dept = 'x'' OR ''1''=''1'")
            #expect(try await filter([:]) == "1 = 0")
            #expect(try await filter(["dept": "x\\' OR 1=1 --"]) == "1 = 0")
            let tooMany = try await client.send(
                .post, "/v1/authorize", token: token,
                body: .json([
                    "service": f.a.service, "user": "kim", "accessType": "select", "resource": orders,
                    "userAttributes": Dictionary(uniqueKeysWithValues: (0...64).map { ("a\($0)", "v") }),
                ]))
            #expect(tooMany.status == 422)
        }
    }

    @Test(arguments: TestEngine.available)
    func exportThenImportGivesIdenticalDecisions(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let resources: [[String: String]] = [
                ["database": "sales", "table": "orders", "column": "total"], ["database": "sales", "table": "customers", "column": "ssn"],
                ["database": "hr", "table": "x", "column": "y"], ["database": "other", "table": "x", "column": "y"],
                ["database": "sales", "table": "orders"],
            ]
            var before: [NSDictionary] = []
            for resource in resources {
                before.append(try await Self.ask(client, token, f.a.service, user: "bob", resource) as NSDictionary)
            }
            let export = try await client.send(.get, "/v1/policies/export?service=\(f.a.service)", token: token)
            #expect(export.status == 200)
            let reimport = try await client.send(.post, "/v1/policies/import", token: token, body: .raw(export.text, contentType: "application/json"))
            #expect(try reimport.json()["version"] as? Int == 2, "\(reimport.text)")
            for (index, resource) in resources.enumerated() {
                let after = try await Self.ask(client, token, f.a.service, user: "bob", resource)
                #expect(after["policyVersion"] as? Int == 2)
                var comparable = after
                comparable["policyVersion"] = 1
                #expect((comparable as NSDictionary).isEqual(before[index]), "\(comparable) != \(before[index])")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func batchesAndBadRequests(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let one: [String: any Sendable] = [
                "service": f.a.service, "user": "bob", "resource": ["database": "sales", "table": "t", "column": "c"], "accessType": "select",
            ]
            let batch = try await client.send(
                .post, "/v1/authorize/batch", token: f.a.securityToken, body: .json(["requests": Array(repeating: one, count: 1000)]))
            #expect(batch.status == 200)
            #expect((try batch.json()["decisions"] as? [[String: Any]])?.count == 1000)
            // Large batches are evaluated in slices on several tasks: every answer must still be the
            // one for the request at its position (allowed, denied by policy 2, unknown user, masked).
            let kinds: [([String: String], String, Bool, Int?)] = [
                (["database": "sales", "table": "orders", "column": "total"], "bob", true, 1),
                (["database": "hr", "table": "salaries", "column": "x"], "bob", false, 2),
                (["database": "sales", "table": "orders", "column": "total"], "ghost", false, nil),
                (["database": "sales", "table": "customers", "column": "ssn"], "bob", true, nil),
            ]
            let mixed: [[String: any Sendable]] = (0..<997).map { i in
                let kind = kinds[(i * 7 + i / 13) % kinds.count]
                return ["service": f.a.service, "user": kind.1, "resource": kind.0, "accessType": "select"]
            }
            let mixedReply = try await client.send(.post, "/v1/authorize/batch", token: f.a.securityToken, body: .json(["requests": mixed]))
            let answers = try mixedReply.json()["decisions"] as? [[String: Any]] ?? []
            #expect(answers.count == 997)
            for (i, answer) in answers.enumerated() {
                let kind = kinds[(i * 7 + i / 13) % kinds.count]
                #expect(answer["allowed"] as? Bool == kind.2, "request \(i)")
                if let policy = kind.3 { #expect(answer["policyId"] as? Int == policy, "request \(i)") }
                #expect((answer["mask"] != nil) == (kind.0["column"] == "ssn"), "request \(i)")
            }
            let tooMany = try await client.send(
                .post, "/v1/authorize/batch", token: f.a.securityToken, body: .json(["requests": Array(repeating: one, count: 1001)]))
            #expect(tooMany.status == 422)
            let unknownService = try await client.send(
                .post, "/v1/authorize", token: f.a.securityToken,
                body: .json(["service": "nope", "user": "bob", "resource": ["database": "x"], "accessType": "select"]))
            #expect(unknownService.status == 404)
            let badImport = try await client.send(
                .post, "/v1/policies/import", token: f.a.securityToken,
                body: .raw("{\"serviceDef\": {\"name\": \"hive\"}, \"policies\": []}", contentType: "application/json"))
            #expect(badImport.status == 422, "a service definition without resources is refused: \(badImport.text)")
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.text.contains("rampart_decisions_total"))
        }
    }
}
