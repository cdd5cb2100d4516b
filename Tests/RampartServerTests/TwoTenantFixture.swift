// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import RampartCore
import RampartTesting

/// Two tenants, each with an admin (session and API key), an ordinary user, a group with that user
/// in it, and an API key of the user: the objects the isolation tests try to reach across tenants.
struct TwoTenantFixture: Sendable {
    struct TenantObjects: Sendable {
        var slug: String
        var id: String
        var adminToken: String
        var adminKeyToken: String
        var userID: String
        var groupID: String
        var apiKeyID: String
        var apiKeyToken: String
        /// A security-admin's session (policies and decisions).
        var securityToken: String
        /// The Ranger service imported into this tenant.
        var service: String
        /// Ids of this tenant's policy-administration objects (service definition `hive`, the
        /// service, its first policy, a Ranger role, a zone and a tag service).
        var serviceDefID: Int
        var serviceID: Int
        var policyID: Int
        var roleID: Int
        var zoneID: Int
        var tagServiceID: Int

        /// The id of this tenant's `tag` service definition.
        func tagServiceDefID(_ client: APIClient) async throws -> Int {
            let list = try await client.send(.get, "/v1/service-defs", token: securityToken)
            let items = try list.json()["items"] as? [[String: Any]] ?? []
            guard let id = items.first(where: { $0["name"] as? String == "tag" })?["id"] as? Int else {
                throw RampartError(.internalError, "no tag service definition: \(list.text)")
            }
            return id
        }
    }

    var operatorToken: String

    var a: TenantObjects
    var b: TenantObjects

    static let userPassword = "ordinary-user-passphrase-7"
    static let securityPassword = "security-admin-pass-1"

    static func make(_ client: APIClient) async throws -> TwoTenantFixture {
        let operatorToken = try await client.loginOperator()
        return TwoTenantFixture(
            operatorToken: operatorToken,
            a: try await makeTenant("tenant-a", client, operatorToken),
            b: try await makeTenant("tenant-b", client, operatorToken))
    }

    private static func makeTenant(_ slug: String, _ client: APIClient, _ operatorToken: String) async throws -> TenantObjects {
        let (id, adminToken) = try await client.makeTenant(slug, operatorToken: operatorToken)
        let adminKey = try await client.send(.post, "/v1/api-keys", token: adminToken, body: .json(["name": "admin automation"]))
        let user = try await client.send(
            .post, "/v1/users", token: adminToken,
            body: .json(["username": "bob", "password": userPassword, "roles": ["user", "auditor"]]))
        let group = try await client.send(.post, "/v1/groups", token: adminToken, body: .json(["name": "analysts"]))
        let userID = try user.string("id")
        let groupID = try group.string("id")
        try await client.send(.put, "/v1/groups/\(groupID)/members/\(userID)", token: adminToken)
        let userToken = try await client.login(tenant: slug, username: "bob", password: userPassword).string("token")
        let userKey = try await client.send(.post, "/v1/api-keys", token: userToken, body: .json(["name": "bob's key", "roles": ["user"]]))
        try await client.send(
            .post, "/v1/users", token: adminToken,
            body: .json(["username": "kim", "password": securityPassword, "roles": ["security-admin"]]))
        let securityToken = try await client.login(tenant: slug, username: "kim", password: securityPassword).string("token")
        let service = "\(slug)-hive"
        let imported = try await client.send(
            .post, "/v1/policies/import", token: securityToken, body: .raw(HivePolicies.json(service: service), contentType: "application/json"))
        guard imported.status == 200 else { throw RampartError(.internalError, "policy import failed: \(imported.text)") }
        let serviceID = try await firstID(client, "/v1/services", securityToken)
        let tagDef = try await client.send(.post, "/v1/service-defs", token: securityToken, body: .json(HivePolicies.tagServiceDef))
        let tagService = try await client.send(
            .post, "/v1/services", token: securityToken, body: .json(["name": "\(slug)-tags", "type": "tag"]))
        let role = try await client.send(.post, "/v1/policy-roles", token: securityToken, body: .json(["name": "readers", "users": ["bob"]]))
        let zone = try await client.send(
            .post, "/v1/zones", token: securityToken,
            body: .json(["name": "zone-\(slug)", "services": [service: ["resources": [["database": ["zoned"]]]]]]))
        for reply in [tagDef, tagService, role, zone] where reply.status != 201 {
            throw RampartError(.internalError, "fixture object creation failed: \(reply.text)")
        }
        return TenantObjects(
            slug: slug, id: id, adminToken: adminToken, adminKeyToken: try adminKey.string("token"), userID: userID,
            groupID: groupID, apiKeyID: try userKey.string("id"), apiKeyToken: try userKey.string("token"),
            securityToken: securityToken, service: service,
            serviceDefID: try await firstID(client, "/v1/service-defs", securityToken), serviceID: serviceID,
            policyID: try await firstID(client, "/v1/policies?service=\(service)", securityToken), roleID: try role.int("id"),
            zoneID: try zone.int("id"), tagServiceID: try tagService.int("id"))
    }

    /// The id of the first item of a policy-administration list.
    static func firstID(_ client: APIClient, _ path: String, _ token: String) async throws -> Int {
        let list = try await client.send(.get, path, token: token)
        guard let first = (try list.json()["items"] as? [[String: Any]])?.first, let id = first["id"] as? Int else {
            throw RampartError(.internalError, "\(path) has no items: \(list.text)")
        }
        return id
    }
}
