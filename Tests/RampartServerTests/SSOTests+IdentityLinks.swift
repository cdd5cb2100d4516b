// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Which Rampart user an identity provider's account signs in as: its immutable (`iss`, `sub`),
/// linked on first sign-in, never its changeable username claim alone.
extension SSOTests {
    static func userID(_ reply: APIClient.Reply) throws -> String {
        try #require((try reply.json()["user"] as? [String: Any])?["id"] as? String)
    }

    static func createUser(_ s: Setup, _ fields: [String: any Sendable]) async throws -> String {
        let created = try await s.client.send(.post, "/v1/users", token: s.admin, body: .json(fields))
        #expect(created.status == 201, "\(created.text)")
        return try created.string("id")
    }

    static func auditItems(_ s: Setup) async throws -> [[String: Any]] {
        let records = try await s.client.send(.get, "/v1/audit/records?limit=1000", token: s.admin)
        return try #require(try records.json()["items"] as? [[String: Any]])
    }

    @Test(arguments: TestEngine.available)
    func aProviderAccountNamedLikeTheTenantAdminIsRefused(_ engine: TestEngine) async throws {
        // Even with the opt-in on: the admin has a password and the tenant-admin role.
        try await Self.withSetup(engine, provider: ["linkExistingUsers": true]) { s in
            let reply = try await Self.signIn(s, "username=admin&sub=attacker-1").reply
            Self.expectRefused(reply, "existing-account-not-linked")
            #expect(!reply.text.contains("token"))
            // A password account with no admin role is not taken over either.
            _ = try await Self.createUser(s, ["username": "pat", "password": "correct-horse-battery-9"])
            Self.expectRefused(try await Self.signIn(s, "username=pat&sub=attacker-2").reply, "existing-account-not-linked")
            // Neither is a passwordless user with an admin role.
            _ = try await Self.createUser(s, ["username": "ada", "roles": ["security-admin"]])
            Self.expectRefused(try await Self.signIn(s, "username=ada&sub=attacker-3").reply, "existing-account-not-linked")
            // The refusals are audited as failed SSO logins with their reason.
            let items = try await Self.auditItems(s)
            let refusals = items.filter { ($0["details"] as? String)?.contains("existing-account-not-linked") == true }
            #expect(refusals.count == 3 && refusals.allSatisfy { $0["status"] as? Int == 401 }, "\(refusals)")
            // The admin still signs in with the password, as before.
            #expect(try await s.client.login(tenant: "acme", username: "admin", password: "tenant-owner-passphrase-9").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func aLinkedIdentityKeepsItsAccountAcrossUsernameChanges(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            // Just-in-time provisioning creates the user and links the identity.
            let first = try await Self.signIn(s, "username=sam&sub=idp-user-1").reply
            #expect(first.status == 200, "\(first.text)")
            let sam = try Self.userID(first)
            #expect(try await Self.auditItems(s).contains { ($0["details"] as? String)?.contains("\"linked\":\"new-user\"") == true })

            // The provider renames the account: same identity, same Rampart user.
            let renamed = try await Self.signIn(s, "username=samuel&sub=idp-user-1").reply
            #expect(renamed.status == 200, "\(renamed.text)")
            #expect(try Self.userID(renamed) == sam)
            #expect(try await s.client.send(.get, "/v1/me", token: try renamed.string("token")).string("username") == "sam")

            // Another identity now claiming `sam` does not get sam's account (JIT or not).
            Self.expectRefused(try await Self.signIn(s, "username=sam&sub=idp-user-2").reply, "existing-account-not-linked")
            // …and one claiming the now free `samuel` gets a user of its own.
            let other = try await Self.signIn(s, "username=samuel&sub=idp-user-3").reply
            #expect(other.status == 200, "\(other.text)")
            #expect(try Self.userID(other) != sam)

            // Deleting the user deletes its link: the identity is provisioned afresh.
            #expect(try await s.client.send(.delete, "/v1/users/\(sam)", token: s.admin).status == 204)
            let again = try await Self.signIn(s, "username=sam&sub=idp-user-1").reply
            #expect(again.status == 200, "\(again.text)")
            #expect(try Self.userID(again) != sam)
        }
    }

    @Test(arguments: TestEngine.available)
    func theOptInLinksOnlyUnlinkedPasswordlessOrdinaryUsers(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine, provider: ["jitProvisioning": false]) { s in
            // Without the opt-in, a provisioned (passwordless) user is not linked by username.
            let tom = try await Self.createUser(s, ["username": "tom"])
            Self.expectRefused(try await Self.signIn(s, "username=tom&sub=tom-at-idp").reply, "existing-account-not-linked")
            let patched = try await s.client.send(
                .patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["linkExistingUsers": true]))
            #expect(patched.status == 200 && patched.text.contains("\"linkExistingUsers\":true"), "\(patched.text)")

            // With it, tom is linked on his first sign-in, and stays linked.
            let linked = try await Self.signIn(s, "username=tom&sub=tom-at-idp").reply
            #expect(linked.status == 200, "\(linked.text)")
            #expect(try Self.userID(linked) == tom)
            #expect(try await Self.auditItems(s).contains { ($0["details"] as? String)?.contains("\"linked\":\"existing-user\"") == true })
            #expect(try Self.userID(try await Self.signIn(s, "username=tom-renamed&sub=tom-at-idp").reply) == tom)
            // A second identity cannot link to an already linked user.
            Self.expectRefused(try await Self.signIn(s, "username=tom&sub=someone-else").reply, "existing-account-not-linked")
            // Without JIT, an unknown username is still not provisioned.
            Self.expectRefused(try await Self.signIn(s, "username=nobody&sub=nobody").reply, "user-not-provisioned")
        }
    }

    @Test(arguments: TestEngine.available)
    func entraMultiTenantIssuersAcceptOnlyTheListedTenants(_ engine: TestEngine) async throws {
        let ours = "9188040d-6c67-4c5b-b112-36a304b66dad"
        try await Self.withSetup(engine, entra: true, provider: ["allowedTenantIds": [ours.uppercased()]]) { s in
            #expect(try await Self.signIn(s, "username=erin&tid=\(ours)").reply.status == 200)
            // Another organisation's token, correctly signed and with its own matching `iss`.
            Self.expectRefused(
                try await Self.signIn(s, "username=mallory&tid=0b6e4f5a-1111-4222-8333-944455556666").reply, "entra-tenant-not-allowed")
            // The list is required for a multi-tenant issuer, named in the validation error.
            for issuer in [s.provider.base + "/common/v2.0", "https://login.microsoftonline.com/{tenantid}/v2.0"] {
                let missing = try await s.client.send(
                    .post, "/v1/sso/providers", token: s.admin, body: .json(["name": "entra-2", "issuer": issuer, "clientId": "x"]))
                #expect(missing.status == 422 && (try? missing.string("field")) == "allowedTenantIds", "\(missing.text)")
            }
            let emptied = try await s.client.send(
                .patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["allowedTenantIds": [String]()]))
            #expect(emptied.status == 422 && (try? emptied.string("field")) == "allowedTenantIds", "\(emptied.text)")
            let malformed = try await s.client.send(
                .patch, "/v1/sso/providers/\(s.providerID)", token: s.admin, body: .json(["allowedTenantIds": ["not a tenant"]]))
            #expect(malformed.status == 422, "\(malformed.text)")
        }
    }

    @Test(arguments: TestEngine.available)
    func anAdministratorLinksAndUnlinksIdentitiesExplicitly(_ engine: TestEngine) async throws {
        try await Self.withSetup(engine) { s in
            let me = try await s.client.send(.get, "/v1/me", token: s.admin)
            let adminID = try #require((try me.json()["user"] as? [String: Any])?["id"] as? String)
            // The admin links their own account to their identity at the provider.
            let linked = try await s.client.send(
                .post, "/v1/users/\(adminID)/sso-identities", token: s.admin, body: .json(["providerId": s.providerID, "subject": "the-admin"]))
            #expect(linked.status == 201, "\(linked.text)")
            #expect(try linked.string("issuer") == s.provider.base && (try linked.string("subject")) == "the-admin")
            // That identity signs in as the admin, whatever its username claim.
            let signedIn = try await Self.signIn(s, "username=a-d-m-i-n&sub=the-admin").reply
            #expect(signedIn.status == 200, "\(signedIn.text)")
            #expect(try Self.userID(signedIn) == adminID)
            let list = try await s.client.send(.get, "/v1/users/\(adminID)/sso-identities", token: s.admin)
            #expect(list.status == 200 && list.text.contains("the-admin"), "\(list.text)")

            // One identity is one user, and a user has one identity per provider.
            let other = try await Self.createUser(s, ["username": "olga"])
            let taken = try await s.client.send(
                .post, "/v1/users/\(other)/sso-identities", token: s.admin, body: .json(["providerId": s.providerID, "subject": "the-admin"]))
            #expect(taken.status == 409, "\(taken.text)")
            let second = try await s.client.send(
                .post, "/v1/users/\(adminID)/sso-identities", token: s.admin, body: .json(["providerId": s.providerID, "subject": "another"]))
            #expect(second.status == 409, "\(second.text)")
            // The issuer must be the provider's.
            let foreign = try await s.client.send(
                .post, "/v1/users/\(other)/sso-identities", token: s.admin,
                body: .json(["providerId": s.providerID, "subject": "x", "issuer": "https://evil.example"]))
            #expect(foreign.status == 422 && (try? foreign.string("field")) == "issuer", "\(foreign.text)")

            // Unlinked, the identity no longer signs in as the admin.
            #expect(try await s.client.send(.delete, "/v1/users/\(adminID)/sso-identities/\(s.providerID)", token: s.admin).status == 204)
            #expect(try await s.client.send(.delete, "/v1/users/\(adminID)/sso-identities/\(s.providerID)", token: s.admin).status == 404)
            Self.expectRefused(try await Self.signIn(s, "username=admin&sub=the-admin").reply, "existing-account-not-linked")
            // Deleting the provider deletes its links.
            _ = try await s.client.send(
                .post, "/v1/users/\(other)/sso-identities", token: s.admin, body: .json(["providerId": s.providerID, "subject": "olga"]))
            #expect(try await s.client.send(.delete, "/v1/sso/providers/\(s.providerID)", token: s.admin).status == 204)
            #expect(try await s.client.send(.get, "/v1/users/\(other)/sso-identities", token: s.admin).text == "{\"items\":[]}")
        }
    }
}
