// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import RampartTesting
import Testing

@testable import RampartApp
@testable import RampartServer

/// Two first sign-ins of one identity at the same moment sign in as one user, on both engines.
@Suite struct SSOSignInRaceTests {
    @Test(arguments: TestEngine.available)
    func concurrentFirstSignInsOfOneIdentitySignInAsOneUser(_ engine: TestEngine) async throws {
        try await Self.withJITProvider(engine) { store, tenant, provider in
            let identity = try SSOIdentity(
                claims: .object(["iss": .string("https://idp.example"), "sub": .string("idp-1"), "preferred_username": .string("riley")]),
                provider: provider)

            // The first sign-in keeps its transaction open after creating the user and the link
            // until the second has begun. On PostgreSQL the second then finds no link (not yet
            // committed), and its insert of the same username waits for the first and collides.
            let (created, signalCreated) = AsyncStream<Void>.makeStream()
            async let first = SSOSignIn.withSignInUser(identity, tenant: tenant, provider: provider, at: 10, store: store) { user, linked, _ in
                signalCreated.yield()
                signalCreated.finish()
                try await Task.sleep(for: .milliseconds(500))
                return (user.id, linked)
            }
            for await _ in created { break }
            let second = try await SSOSignIn.withSignInUser(identity, tenant: tenant, provider: provider, at: 11, store: store) {
                user, linked, _ in
                (user.id, linked)
            }
            let winner = try await first
            #expect(winner.1 == "new-user")
            #expect(second.0 == winner.0, "both sign in as the user the first one created")
            #expect(second.1 == nil, "the second finds the link rather than making one")
            let stored = try await store.read { tx in
                (
                    try await tx.user(username: "riley", in: tenant),
                    try await tx.ssoIdentityLink(issuer: "https://idp.example", subject: "idp-1", in: tenant)
                )
            }
            #expect(stored.0?.id == winner.0 && stored.1?.userID == winner.0)
        }
    }

    /// Many first sign-ins of one identity with no pause between them: besides the collision on
    /// the username, the winner can commit between a loser's link lookup and its username lookup,
    /// and that loser must still sign in as the winner's user.
    @Test(arguments: TestEngine.available)
    func aBurstOfFirstSignInsOfOneIdentitySignsInAsOneUser(_ engine: TestEngine) async throws {
        try await Self.withJITProvider(engine) { store, tenant, provider in
            for round in 0..<12 {
                let identity = try SSOIdentity(
                    claims: .object([
                        "iss": .string("https://idp.example"), "sub": .string("idp-\(round)"), "preferred_username": .string("user-\(round)"),
                    ]),
                    provider: provider)
                let users = try await withThrowingTaskGroup(of: UserID.self) { group in
                    for attempt in 0..<4 {
                        group.addTask {
                            try await SSOSignIn.withSignInUser(
                                identity, tenant: tenant, provider: provider, at: Int64(10 + attempt), store: store
                            ) {
                                user, _, _ in user.id
                            }
                        }
                    }
                    var ids: Set<UserID> = []
                    for try await id in group { ids.insert(id) }
                    return ids
                }
                #expect(users.count == 1, "round \(round): every sign-in is the same user")
            }
        }
    }

    /// A fresh database on `engine` with a tenant and a just-in-time provisioning provider.
    static func withJITProvider(
        _ engine: TestEngine, _ body: @escaping @Sendable (any Store, TenantID, SSOProvider) async throws -> Void
    ) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store in
                let tenant = TenantID(UUIDv7.generate())
                let provider = SSOProvider(
                    id: "provider-race", tenantID: tenant, name: "okta", displayName: nil, issuer: "https://idp.example", clientID: "rampart",
                    hasClientSecret: false, scopes: ["openid"], usernameClaim: "preferred_username", emailClaim: "email", groupsClaim: "groups",
                    allowedDomains: [], jitProvisioning: true, groupMapping: [:], enabled: true, createdAt: 1, updatedAt: 1)
                try await store.write { tx in
                    try await tx.insertTenant(Tenant(id: tenant, slug: "race", displayName: "race", status: .active, createdAt: 1, updatedAt: 1))
                    try await tx.insertSSOProvider(provider)
                }
                try await body(store, tenant, provider)
            }
        }
    }
}
