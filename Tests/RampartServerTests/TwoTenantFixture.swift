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
        let imported = try await client.send(.post, "/v1/policies/import", token: securityToken, body: .raw(HivePolicies.json(service: service), contentType: "application/json"))
        guard imported.status == 200 else { throw RampartError(.internalError, "policy import failed: \(imported.text)") }
        return TenantObjects(
            slug: slug, id: id, adminToken: adminToken, adminKeyToken: try adminKey.string("token"), userID: userID,
            groupID: groupID, apiKeyID: try userKey.string("id"), apiKeyToken: try userKey.string("token"),
            securityToken: securityToken, service: service)
    }
}
