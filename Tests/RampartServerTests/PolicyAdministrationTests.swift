// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The policy-administration API over HTTP: CRUD in Ranger JSON, validation errors naming the
/// field, and decisions that follow every write as soon as it is answered.
@Suite struct PolicyAdministrationTests {
    typealias J = [String: any Sendable]

    static let versionHeader = HTTPField.Name("Rampart-Policy-Version")!

    static func policy(
        _ name: String, service: String, database: String = "finance", users: [String] = [], groups: [String] = [], roles: [String] = [],
        zone: String? = nil
    ) -> [String: any Sendable] {
        var policy: [String: any Sendable] = [
            "name": name, "service": service, "policyType": 0, "policyPriority": 0, "isEnabled": true, "isAuditEnabled": true,
            "description": "made by a test", "policyLabels": ["test"], "isDenyAllElse": false,
            "resources": [
                "database": ["values": [database], "isExcludes": false, "isRecursive": false] as J,
                "table": ["values": ["*"], "isExcludes": false, "isRecursive": false] as J,
                "column": ["values": ["*"], "isExcludes": false, "isRecursive": false] as J,
            ] as J,
            "policyItems": [
                [
                    "users": users, "groups": groups, "roles": roles, "accesses": [["type": "select", "isAllowed": true] as J],
                    "conditions": [] as [String], "delegateAdmin": false,
                ] as J
            ],
            "denyPolicyItems": [] as [String], "allowExceptions": [] as [String], "denyExceptions": [] as [String],
            "dataMaskPolicyItems": [] as [String], "rowFilterPolicyItems": [] as [String],
        ]
        if let zone { policy["zoneName"] = zone }
        return policy
    }

    static func allowed(
        _ client: APIClient, _ f: TwoTenantFixture, user: String, _ resource: [String: String], service: String? = nil
    ) async throws -> (allowed: Bool, version: Int) {
        let reply = try await client.send(
            .post, "/v1/authorize", token: f.a.securityToken,
            body: .json(["service": service ?? f.a.service, "user": user, "resource": resource, "accessType": "select"]))
        #expect(reply.status == 200, "\(reply.text)")
        let json = try reply.json()
        return (json["allowed"] as? Bool ?? false, json["policyVersion"] as? Int ?? -1)
    }

    static func expectProblem(_ reply: APIClient.Reply, _ status: Int, field: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json", sourceLocation: sourceLocation)
        #expect((try? reply.string("field")) == field, "\(reply.text)", sourceLocation: sourceLocation)
    }

    static let column = ["database": "finance", "table": "ledger", "column": "amount"]

    @Test(arguments: TestEngine.available)
    func policyCRUDRoundTripsRangerJSON(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let posted = Self.policy("ledger readers", service: f.a.service, users: ["kim"])
            let created = try await client.send(.post, "/v1/policies", token: token, body: .json(posted))
            #expect(created.status == 201, "\(created.text)")
            let id = try created.int("id")
            #expect(created.headers[.location] == "/v1/policies/\(id)")
            #expect(created.headers[.eTag] == "\"1\"")
            let firstVersion = Int(created.headers[Self.versionHeader] ?? "") ?? 0
            #expect(firstVersion > 0)

            // What was posted comes back in the export, field for field.
            let export = try await client.send(.get, "/v1/policies/export?service=\(f.a.service)", token: token).json()
            let exported = try #require((export["policies"] as? [[String: Any]])?.first { $0["name"] as? String == "ledger readers" })
            let sent = try #require(try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: posted)) as? [String: Any])
            for (key, value) in sent {
                #expect((exported[key] as? NSObject)?.isEqual(value) == true, "`\(key)`: posted \(value), exported \(exported[key] ?? "nothing")")
            }
            #expect(exported["id"] as? Int == id && exported["version"] as? Int == 1 && exported["serviceType"] as? String == "hive")
            #expect((exported["guid"] as? String)?.isEmpty == false)
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: token).string("name") == "ledger readers")

            var changed = posted
            changed["description"] = "changed"
            let stale = try await client.send(.put, "/v1/policies/\(id)", token: token, body: .json(changed), headers: [.ifMatch: "\"7\""])
            #expect(stale.status == 412)
            #expect((try? stale.string("code")) == "precondition-failed")
            let updated = try await client.send(.put, "/v1/policies/\(id)", token: token, body: .json(changed), headers: [.ifMatch: "\"1\""])
            #expect(updated.status == 200, "\(updated.text)")
            #expect(try updated.int("version") == 2)
            #expect((try? updated.string("description")) == "changed")
            #expect(try updated.string("guid") == exported["guid"] as? String, "the guid survives an update that does not name it")
            #expect((Int(updated.headers[Self.versionHeader] ?? "") ?? 0) == firstVersion + 1)

            let duplicate = try await client.send(.post, "/v1/policies", token: token, body: .json(posted))
            Self.expectProblem(duplicate, 409, field: "name")
            let list = try await client.send(.get, "/v1/policies?service=\(f.a.service)&limit=2", token: token).json()
            #expect((list["items"] as? [[String: Any]])?.count == 2 && list["nextCursor"] is String)

            #expect(try await client.send(.delete, "/v1/policies/\(id)", token: token).status == 204)
            #expect(try await client.send(.get, "/v1/policies/\(id)", token: token).status == 404)
            #expect(try await client.send(.delete, "/v1/policies/\(id)", token: token).status == 404)
            #expect(try await client.send(.get, "/v1/policies/not-a-number", token: token).status == 404)
            #expect(try await client.send(.get, "/v1/policies?cursor=abc", token: token).status == 400)
        }
    }

    @Test(arguments: TestEngine.available)
    func validationErrorsNameTheField(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let base = Self.policy("p", service: f.a.service, users: ["kim"])
            func with(_ change: (inout [String: any Sendable]) -> Void) -> [String: any Sendable] {
                var policy = base
                change(&policy)
                return policy
            }
            let maskItem: [String: any Sendable] = [
                "groups": ["analysts"], "accesses": [["type": "select"]], "dataMaskInfo": ["dataMaskType": "MASK_FOO"],
            ]
            let cases: [(String, [String: any Sendable], String, String?)] = [
                (
                    "unknown resource", with { $0["resources"] = ["databse": ["values": ["x"]]] }, "resources.databse",
                    "unknown resource `databse` for service type `hive`"
                ),
                (
                    "unknown access type", with { $0["policyItems"] = [["users": ["kim"], "accesses": [["type": "selec"]]] as J] },
                    "policyItems[0].accesses[0].type", "unknown access type `selec`"
                ),
                ("no name", with { $0["name"] = nil }, "name", nil),
                ("mistyped flag", with { $0["isEnabled"] = "maybe" }, "isEnabled", "must be a boolean"),
                ("unknown service", with { $0["service"] = "nope" }, "service", nil),
                ("bad policy type", with { $0["policyType"] = 7 }, "policyType", nil),
                (
                    "unknown mask type",
                    with {
                        $0["policyType"] = 1
                        $0["policyItems"] = nil
                        $0["resources"] = ["database": ["values": ["sales"]], "table": ["values": ["t"]], "column": ["values": ["c"]]]
                        $0["dataMaskPolicyItems"] = [maskItem]
                    }, "dataMaskPolicyItems[0].dataMaskInfo.dataMaskType", "unknown mask type `MASK_FOO`"
                ),
                (
                    "empty row filter",
                    with {
                        $0["policyType"] = 2
                        $0["policyItems"] = nil
                        $0["resources"] = ["database": ["values": ["sales"]], "table": ["values": ["t"]]]
                        $0["rowFilterPolicyItems"] = [
                            ["groups": ["analysts"], "accesses": [["type": "select"]], "rowFilterInfo": ["filterExpr": ""]] as J
                        ]
                    }, "rowFilterPolicyItems[0].rowFilterInfo.filterExpr", nil
                ),
                ("items in the wrong list", with { $0["dataMaskPolicyItems"] = [maskItem] }, "dataMaskPolicyItems", nil),
                ("not a hierarchy", with { $0["resources"] = ["table": ["values": ["t"]]] }, "resources", nil),
                ("nobody granted", with { $0["policyItems"] = [["accesses": [["type": "select"]]]] }, "policyItems[0]", nil),
                ("unknown zone", with { $0["zoneName"] = "nowhere" }, "zoneName", nil),
                ("no values", with { $0["resources"] = ["database": ["values": [] as [String]]] }, "resources.database.values", nil),
            ]
            for (label, body, field, message) in cases {
                let reply = try await client.send(.post, "/v1/policies", token: token, body: .json(body))
                #expect(reply.status == 422, "\(label): \(reply.text)")
                #expect(reply.contentType == "application/problem+json")
                #expect((try? reply.string("field")) == field, "\(label): \(reply.text)")
                #expect((try? reply.string("code")) == "validation-failed", "\(label)")
                if let message { #expect(reply.text.contains(message), "\(label): \(reply.text)") }
            }

            var export = try await client.send(.get, "/v1/policies/export?service=\(f.a.service)", token: token).json()
            var policies = try #require(export["policies"] as? [[String: Any]])
            policies[1]["resources"] = ["x": ["values": ["y"]]]
            export["policies"] = policies
            let badImport = try await client.send(
                .post, "/v1/policies/import", token: token,
                body: .raw(String(decoding: try JSONSerialization.data(withJSONObject: export), as: UTF8.self), contentType: "application/json"))
            Self.expectProblem(badImport, 422, field: "policies[1].resources.x")
            let noResources = try await client.send(
                .post, "/v1/service-defs", token: token, body: .json(["name": "empty", "accessTypes": [["name": "read"]]]))
            Self.expectProblem(noResources, 422, field: "resources")
            let badParent = try await client.send(
                .post, "/v1/service-defs", token: token,
                body: .json(["name": "bad", "resources": [["name": "a", "parent": "zzz"]], "accessTypes": [["name": "read"]]]))
            Self.expectProblem(badParent, 422, field: "resources[0].parent")
            let unknownType = try await client.send(.post, "/v1/services", token: token, body: .json(["name": "s", "type": "nope"]))
            Self.expectProblem(unknownType, 422, field: "type")
            let notJSON = try await client.send(.post, "/v1/policies", token: token, body: .raw("[1]", contentType: "application/json"))
            #expect(notJSON.status == 400)
        }
    }

    @Test(arguments: TestEngine.available)
    func serviceDefinitionsAndServices(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let defs = try await client.send(.get, "/v1/service-defs", token: token)
            #expect(defs.text.contains("\"name\":\"hive\""))
            let hive = try await client.send(.get, "/v1/service-defs/\(f.a.serviceDefID)", token: token)
            let duplicate = try await client.send(.post, "/v1/service-defs", token: token, body: .raw(hive.text, contentType: "application/json"))
            #expect(duplicate.status == 409)
            #expect(try await client.send(.delete, "/v1/service-defs/\(f.a.serviceDefID)", token: token).status == 409, "hive is in use")
            let updatedDef = try await client.send(
                .put, "/v1/service-defs/\(f.a.serviceDefID)", token: token, body: .raw(hive.text, contentType: "application/json"))
            #expect(updatedDef.status == 200, "\(updatedDef.text)")
            #expect((try? updatedDef.int("version")) == 2, "\(updatedDef.text)")
            let created = try await client.send(
                .post, "/v1/services", token: token, body: .json(["name": "warehouse", "type": "hive", "configs": ["k": "v"]]))
            #expect(created.status == 201, "\(created.text)")
            let id = try created.int("id")
            #expect(try created.int("version") == 1)
            #expect((try? created.int("policyVersion")) == 1)
            let renamed = try await client.send(.put, "/v1/services/\(id)", token: token, body: .json(["name": "other", "type": "hive"]))
            Self.expectProblem(renamed, 422, field: "name")
            let badTag = try await client.send(
                .put, "/v1/services/\(id)", token: token, body: .json(["name": "warehouse", "type": "hive", "tagService": f.a.service]))
            Self.expectProblem(badTag, 422, field: "tagService")
            let described = try await client.send(
                .put, "/v1/services/\(id)", token: token, body: .json(["name": "warehouse", "type": "hive", "description": "dw"]))
            #expect(described.status == 200)
            #expect((try? described.int("version")) == 2)
            let policy = try await client.send(
                .post, "/v1/policies", token: token, body: .json(Self.policy("p", service: "warehouse", users: ["kim"])))
            #expect(policy.status == 201)
            #expect(try await client.send(.get, "/v1/services/\(id)", token: token).int("policyVersion") == 3, "a policy write bumps the service")
            #expect(try await Self.allowed(client, f, user: "kim", Self.column, service: "warehouse").allowed)
            #expect(try await client.send(.delete, "/v1/services/\(id)", token: token).status == 204)
            #expect(try await client.send(.get, "/v1/policies/\(try policy.int("id"))", token: token).status == 404, "policies go with their service")
            let gone = try await client.send(
                .post, "/v1/authorize", token: token,
                body: .json(["service": "warehouse", "user": "kim", "resource": Self.column, "accessType": "select"]))
            #expect(gone.status == 404)
            // Created again under the same name, the service starts afresh: nothing of the old one is reused.
            #expect(try await client.send(.post, "/v1/services", token: token, body: .json(["name": "warehouse", "type": "hive"])).status == 201)
            let again = try await client.send(
                .post, "/v1/policies", token: token, body: .json(Self.policy("p", service: "warehouse", users: ["bob"])))
            #expect(again.status == 201)
            #expect(try await Self.allowed(client, f, user: "kim", Self.column, service: "warehouse").allowed == false)
            #expect(try await Self.allowed(client, f, user: "bob", Self.column, service: "warehouse").allowed)

            // The auditor (bob) reads but cannot write; the tenant-admin has no policy permissions.
            let bob = try await client.login(tenant: f.a.slug, username: "bob", password: TwoTenantFixture.userPassword).string("token")
            #expect(try await client.send(.get, "/v1/services", token: bob).status == 200)
            #expect(try await client.send(.get, "/v1/policies/\(f.a.policyID)", token: bob).status == 200)
            #expect(try await client.send(.post, "/v1/services", token: bob, body: .json(["name": "x", "type": "hive"])).status == 403)
            #expect(try await client.send(.delete, "/v1/policies/\(f.a.policyID)", token: bob).status == 403)
            #expect(try await client.send(.post, "/v1/policy-roles", token: bob, body: .json(["name": "x"])).status == 403)
            #expect(try await client.send(.get, "/v1/services", token: f.a.adminToken).status == 403)
        }
    }

    @Test(arguments: TestEngine.available)
    func decisionsFollowEveryWriteAsSoonAsItIsAnswered(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            #expect(try await Self.allowed(client, f, user: "kim", Self.column).allowed == false)
            let created = try await client.send(
                .post, "/v1/policies", token: token, body: .json(Self.policy("kim reads finance", service: f.a.service, users: ["kim"])))
            let id = try created.int("id")
            let granted = try await Self.allowed(client, f, user: "kim", Self.column)
            #expect(granted.allowed)
            var lastVersion = granted.version
            for round in 0..<4 {
                let user = round.isMultiple(of: 2) ? "someone-else" : "kim"
                let reply = try await client.send(
                    .put, "/v1/policies/\(id)", token: token, body: .json(Self.policy("kim reads finance", service: f.a.service, users: [user])))
                #expect(reply.status == 200)
                let decision = try await Self.allowed(client, f, user: "kim", Self.column)
                #expect(decision.allowed == (user == "kim"), "round \(round)")
                #expect(decision.version == lastVersion + 1, "each write bumps the service's policy version")
                lastVersion = decision.version
            }
            #expect(try await client.send(.delete, "/v1/policies/\(id)", token: token).status == 204)
            #expect(try await Self.allowed(client, f, user: "kim", Self.column).allowed == false)
            // Tenant B's decisions did not move.
            let b = try await client.send(
                .post, "/v1/authorize", token: f.b.securityToken,
                body: .json(["service": f.b.service, "user": "kim", "resource": Self.column, "accessType": "select"]))
            #expect(try b.json()["policyVersion"] as? Int == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func rangerRolesGrantToTheirMembersAndNestedRoles(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let all = try await client.send(.post, "/v1/policy-roles", token: token, body: .json(["name": "all-readers", "roles": ["readers"]]))
            #expect(all.status == 201, "\(all.text)")
            let policy = Self.policy("all readers read finance", service: f.a.service, roles: ["all-readers"])
            #expect(try await client.send(.post, "/v1/policies", token: token, body: .json(policy)).status == 201)
            #expect(try await Self.allowed(client, f, user: "bob", Self.column).allowed, "bob is in readers, which is in all-readers")
            #expect(try await Self.allowed(client, f, user: "kim", Self.column).allowed == false)
            let withKim = try await client.send(
                .put, "/v1/policy-roles/\(f.a.roleID)", token: token,
                body: .json(["name": "readers", "users": [["name": "bob", "isAdmin": false] as J, ["name": "kim", "isAdmin": true] as J]]))
            #expect(withKim.status == 200, "\(withKim.text)")
            #expect(try await Self.allowed(client, f, user: "kim", Self.column).allowed)

            let unknown = try await client.send(.post, "/v1/policy-roles", token: token, body: .json(["name": "x", "roles": ["ghosts"]]))
            Self.expectProblem(unknown, 422, field: "roles[0]")
            let cycle = try await client.send(
                .put, "/v1/policy-roles/\(f.a.roleID)", token: token, body: .json(["name": "readers", "roles": ["all-readers"]]))
            Self.expectProblem(cycle, 422, field: "roles")
            #expect(try await client.send(.delete, "/v1/policy-roles/\(f.a.roleID)", token: token).status == 409, "nested in all-readers")
            #expect(try await client.send(.delete, "/v1/policy-roles/\(try all.int("id"))", token: token).status == 409, "granted by a policy")
            let duplicate = try await client.send(.post, "/v1/policy-roles", token: token, body: .json(["name": "readers"]))
            #expect(duplicate.status == 409)
        }
    }

    @Test(arguments: TestEngine.available)
    func zonePoliciesApplyOnlyToTheirZone(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let zone = "zone-\(f.a.slug)"
            let zoned = ["database": "zoned", "table": "t", "column": "c"]
            let everywhere = Self.policy("bob everywhere", service: f.a.service, database: "*", users: ["bob"])
            #expect(try await client.send(.post, "/v1/policies", token: token, body: .json(everywhere)).status == 201)
            #expect(try await Self.allowed(client, f, user: "bob", Self.column).allowed)
            #expect(try await Self.allowed(client, f, user: "bob", zoned).allowed == false, "zoned resources follow only zone policies")
            let inZone = Self.policy("kim in zone", service: f.a.service, database: "*", users: ["kim"], zone: zone)
            let created = try await client.send(.post, "/v1/policies", token: token, body: .json(inZone))
            #expect(created.status == 201, "\(created.text)")
            #expect(try await Self.allowed(client, f, user: "kim", zoned).allowed)
            #expect(try await Self.allowed(client, f, user: "kim", Self.column).allowed == false, "the zone policy stays in its zone")
            #expect(try await client.send(.delete, "/v1/zones/\(f.a.zoneID)", token: token).status == 409, "a policy belongs to it")
            let badResource = try await client.send(
                .post, "/v1/zones", token: token, body: .json(["name": "z2", "services": [f.a.service: ["resources": [["tabel": ["x"]]]]]]))
            Self.expectProblem(badResource, 422, field: "services.\(f.a.service).resources[0].tabel")
            let unknownService = try await client.send(
                .post, "/v1/zones", token: token, body: .json(["name": "z3", "services": ["nope": ["resources": [["database": ["x"]]]]]]))
            Self.expectProblem(unknownService, 422, field: "services.nope")
        }
    }

    @Test(arguments: TestEngine.available)
    func tagPoliciesDecideThroughTheTagService(_ engine: TestEngine) async throws {
        try await TestServer.withServer(engine) { client in
            let f = try await TwoTenantFixture.make(client)
            let token = f.a.securityToken
            let tagService = "\(f.a.slug)-tags"
            let attach = try await client.send(
                .put, "/v1/services/\(f.a.serviceID)", token: token, body: .json(["name": f.a.service, "type": "hive", "tagService": tagService]))
            #expect(attach.status == 200, "\(attach.text)")
            let tags: [String: any Sendable] = [
                "tags": ["1": ["type": "PII", "attributes": ["level": "high"]] as J],
                "serviceResources": [
                    [
                        "id": 1, "serviceName": f.a.service,
                        "resourceElements": [
                            "database": ["values": ["sales"]], "table": ["values": ["customers"]], "column": ["values": ["email"]],
                        ],
                    ] as J
                ],
                "resourceToTagIds": ["1": [1]],
            ]
            let put = try await client.send(.put, "/v1/services/\(f.a.tagServiceID)/tags", token: token, body: .json(tags))
            #expect(put.status == 200, "\(put.text)")
            #expect((try? put.int("tagVersion")) == 1, "\(put.text)")
            let denyPII: [String: any Sendable] = [
                "name": "no PII for analysts", "service": tagService, "resources": ["tag": ["values": ["PII"]]],
                "denyPolicyItems": [["groups": ["analysts"], "accesses": [["type": "hive:select", "isAllowed": true] as J]] as J],
            ]
            let created = try await client.send(.post, "/v1/policies", token: token, body: .json(denyPII))
            #expect(created.status == 201, "\(created.text)")
            #expect(try await Self.allowed(client, f, user: "bob", ["database": "sales", "table": "customers", "column": "email"]).allowed == false)
            #expect(try await Self.allowed(client, f, user: "bob", ["database": "sales", "table": "customers", "column": "name"]).allowed)
            #expect(try await client.send(.get, "/v1/services/\(f.a.tagServiceID)/tags", token: token).int("tagVersion") == 1)
            let notTag = try await client.send(.put, "/v1/services/\(f.a.serviceID)/tags", token: token, body: .json(tags))
            #expect(notTag.status == 422)
            let badTags = try await client.send(
                .put, "/v1/services/\(f.a.tagServiceID)/tags", token: token, body: .json(["tags": [:] as J, "resourceToTagIds": ["9": [1]]]))
            Self.expectProblem(badTags, 422, field: "resourceToTagIds.9")
        }
    }
}
