// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import RampartTesting
import Testing

/// The storage contract: every test runs against SQLite and, when configured, PostgreSQL, and
/// both must behave identically.
@Suite struct StoreContractTests {
    static func tenant(_ slug: String, at now: Int64 = 1_000) -> Tenant {
        Tenant(id: .generate(), slug: slug, displayName: slug, status: .active, createdAt: now, updatedAt: now)
    }

    static func user(_ name: String, in tenant: TenantID, roles: Set<BuiltinRole> = [.user]) -> User {
        User(
            id: .generate(), tenantID: tenant, username: name, displayName: nil, email: nil, roles: roles, status: .active,
            passwordHash: "$scrypt$x", createdAt: 1, updatedAt: 1)
    }

    @Test(arguments: TestEngine.available)
    func migrationsAreIdempotent(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { db, _ async throws in
                #expect(try await Migrator(database: db).migrate().isEmpty, "withStore already migrated")
                #expect(try await Migrator(database: db).pending().isEmpty)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func tenantsRoundTripAndSlugsAreUnique(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let acme = Self.tenant("acme")
                try await store.write { try await $0.insertTenant(acme) }
                #expect(try await store.read { try await $0.tenant(slug: "acme") } == acme)
                #expect(try await store.read { try await $0.tenant(id: acme.id) } == acme)
                await #expect(throws: RampartError.self) {
                    try await store.write { try await $0.insertTenant(Self.tenant("acme")) }
                }
                var changed = acme
                changed.status = .suspended
                changed.updatedAt = 2_000
                let suspended = changed
                try await store.write { try await $0.updateTenant(suspended) }
                #expect(try await store.read { try await $0.tenant(id: acme.id) }?.status == .suspended)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func everyTenantScopedReadIsScoped(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let a = Self.tenant("tenant-a")
                let b = Self.tenant("tenant-b")
                let alice = Self.user("alice", in: a.id)
                let group = Group(id: .generate(), tenantID: a.id, name: "analysts", description: nil, createdAt: 1, updatedAt: 1)
                let key = ApiKey(
                    id: ApiKey.generateID(), tenantID: a.id, ownerID: alice.id, name: "etl", roles: [.user], secretHash: "h",
                    createdAt: 1, expiresAt: nil, lastUsedAt: nil, revokedAt: nil)
                try await store.write { tx async throws in
                    try await tx.insertTenant(a)
                    try await tx.insertTenant(b)
                    try await tx.insertUser(alice)
                    try await tx.insertGroup(group)
                    _ = try await tx.addMember(alice.id, to: group.id, in: a.id, at: 1)
                    try await tx.insertApiKey(key)
                    try await tx.putSecret("s", ciphertext: "c", in: a.id, at: 1)
                }
                try await store.read { tx async throws in
                    #expect(try await tx.user(alice.id, in: a.id) == alice)
                    #expect(try await tx.user(alice.id, in: b.id) == nil)
                    #expect(try await tx.user(username: "alice", in: b.id) == nil)
                    #expect(try await tx.users(in: b.id, page: PageRequest()).items.isEmpty)
                    #expect(try await tx.group(group.id, in: b.id) == nil)
                    #expect(try await tx.groups(in: b.id, page: PageRequest()).items.isEmpty)
                    #expect(try await tx.members(of: group.id, in: b.id, page: PageRequest()).items.isEmpty)
                    #expect(try await tx.members(of: group.id, in: a.id, page: PageRequest()).items.map(\.id) == [alice.id])
                    #expect(try await tx.groups(of: alice.id, in: b.id).isEmpty)
                    #expect(try await tx.apiKey(id: key.id, in: b.id) == nil)
                    #expect(try await tx.apiKeys(in: b.id, owner: nil, page: PageRequest()).items.isEmpty)
                    #expect(try await tx.secret("s", in: b.id) == nil)
                }
                // Writes through the wrong tenant change nothing.
                try await store.write { tx async throws in
                    #expect(try await tx.deleteUser(alice.id, in: b.id) == false)
                    #expect(try await tx.deleteGroup(group.id, in: b.id) == false)
                    #expect(try await tx.revokeApiKey(id: key.id, in: b.id, at: 5) == false)
                    #expect(try await tx.removeMember(alice.id, from: group.id, in: b.id) == false)
                    var moved = alice
                    moved.tenantID = b.id
                    moved.username = "mallory"
                    try await tx.updateUser(moved)
                }
                #expect(try await store.read { try await $0.user(alice.id, in: a.id) }?.username == "alice")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func failedTransactionsLeaveNoTrace(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let acme = Self.tenant("acme")
                await #expect(throws: RampartError.self) {
                    try await store.write { tx async throws in
                        try await tx.insertTenant(acme)
                        try await tx.insertUser(Self.user("alice", in: acme.id))
                        throw RampartError(.validationFailed, "abort")
                    }
                }
                #expect(try await store.read { try await $0.tenant(id: acme.id) } == nil)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func paginationVisitsEveryRowOnce(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let acme = Self.tenant("acme")
                let users = (0..<23).map { Self.user("user\($0)", in: acme.id) }
                try await store.write { tx async throws in
                    try await tx.insertTenant(acme)
                    for user in users { try await tx.insertUser(user) }
                }
                var seen: [UserID] = []
                var page = PageRequest(limit: 5)
                var pages = 0
                while true {
                    let batch = try await store.read { [page] in try await $0.users(in: acme.id, page: page) }
                    seen += batch.items.map(\.id)
                    pages += 1
                    guard let next = batch.nextCursor else { break }
                    page.after = next
                }
                #expect(pages == 5)
                #expect(seen == users.map(\.id).sorted())
            }
        }
    }

    /// A name search is a prefix, ignoring ASCII case, with `%`, `_` and `\` as plain text, paged
    /// by id like the unfiltered list, and never reaching into another tenant.
    @Test(arguments: TestEngine.available)
    func nameSearchesArePrefixesOfText(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let acme = Self.tenant("acme")
                let other = Self.tenant("other")
                let names = ["alice", "Albert", "al_pha", "al%x", "a\\lb", "bob", "malice", "cafe\u{301}"]
                try await store.write { tx async throws in
                    try await tx.insertTenant(acme)
                    try await tx.insertTenant(other)
                    for name in names { try await tx.insertUser(Self.user(name, in: acme.id)) }
                    try await tx.insertUser(Self.user("alfred", in: other.id))
                    for name in names {
                        try await tx.insertGroup(Group(id: .generate(), tenantID: acme.id, name: name, description: nil, createdAt: 1, updatedAt: 1))
                    }
                }
                func users(_ prefix: String, limit: Int = 50) async throws -> [String] {
                    var found: [String] = []
                    var page = PageRequest(limit: limit)
                    while true {
                        let batch = try await store.read { [page] in try await $0.users(in: acme.id, usernamePrefix: prefix, page: page) }
                        found += batch.items.map(\.username)
                        guard let next = batch.nextCursor else { return found.sorted() }
                        page.after = next
                    }
                }
                #expect(try await users("AL") == ["Albert", "al%x", "al_pha", "alice"])
                #expect(try await users("al", limit: 1) == ["Albert", "al%x", "al_pha", "alice"], "paged one at a time")
                #expect(try await users("al_") == ["al_pha"])
                #expect(try await users("al%") == ["al%x"])
                #expect(try await users("%") == [])
                #expect(try await users("a\\") == ["a\\lb"])
                #expect(try await users("lice") == [], "a prefix, not a substring")
                #expect(try await users("%\u{301}") == [], "a wildcard joined to a combining mark is still text")
                let groups = try await store.read { try await $0.groups(in: acme.id, namePrefix: "B", page: PageRequest()) }
                #expect(groups.items.map(\.name) == ["bob"])
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func sessionsExpireAndAreDeletedBySubject(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let acme = Self.tenant("acme")
                let session = Session(
                    id: .generate(), tokenHash: "hash-1", tenantID: acme.id, subjectKind: .user, subjectID: "u1", createdAt: 0,
                    lastSeenAt: 0, idleExpiresAt: 100, absoluteExpiresAt: 1_000, sourceIP: "127.0.0.1", userAgent: "t")
                try await store.write { tx async throws in
                    try await tx.insertTenant(acme)
                    try await tx.insertSession(session)
                }
                #expect(try await store.read { try await $0.sessionForAuthentication(tokenHash: "hash-1") } == session)
                #expect(try await store.write { try await $0.deleteExpiredSessions(now: 50) } == 0)
                #expect(try await store.write { try await $0.deleteExpiredSessions(now: 100) } == 1)
                #expect(try await store.read { try await $0.sessionForAuthentication(tokenHash: "hash-1") } == nil)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func keyringRotatesWithoutStrandingOldCiphertexts(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let master = MasterKey.generate()
                let keyring = Keyring(master: master)
                let acme = Self.tenant("acme")
                try await store.write { tx async throws in
                    try await keyring.checkMasterKey(tx)
                    try await tx.insertTenant(acme)
                    try await keyring.createFirstKey(for: acme.id, in: tx, at: 1)
                    try await keyring.putSecret("db", Secret(Array("v1 secret".utf8)), tenant: acme.id, in: tx, at: 1)
                }
                let version = try await store.write { try await keyring.rotate(acme.id, in: $0, at: 2) }
                #expect(version == 2)
                // A fresh keyring (a restarted server) still reads the version-1 ciphertext.
                let restarted = Keyring(master: master)
                let old = try await store.read { try await restarted.secret("db", tenant: acme.id, in: $0) }
                #expect(old?.exposedValue == Array("v1 secret".utf8))
                #expect(try await store.read { try await $0.secret("db", in: acme.id) }.flatMap(Envelope.keyVersion) == 1)
                #expect(try await store.write { try await restarted.rewrapSecrets(tenant: acme.id, in: $0, at: 3) } == 1)
                #expect(try await store.read { try await $0.secret("db", in: acme.id) }.flatMap(Envelope.keyVersion) == 2)
                #expect(try await store.write { try await restarted.rewrapSecrets(tenant: acme.id, in: $0, at: 4) } == 0)

                // Re-wrapping under a new master key: the old key is then refused, the new one reads.
                let newMaster = MasterKey.generate()
                #expect(try await store.write { try await restarted.rewrapDataKeys(under: newMaster, in: $0) } == 2)
                await #expect(throws: RampartError.self) {
                    try await store.read { try await Keyring(master: master).checkMasterKey($0) }
                }
                let afterRewrap = Keyring(master: newMaster)
                try await store.read { try await afterRewrap.checkMasterKey($0) }
                let value = try await store.read { try await afterRewrap.secret("db", tenant: acme.id, in: $0) }
                #expect(value?.exposedValue == Array("v1 secret".utf8))
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func dataSurvivesReopeningTheDatabase(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            let acme = Self.tenant("acme")
            try await database.withStore { _, store in try await store.write { try await $0.insertTenant(acme) } }
            try await database.withStore { _, store async throws in
                #expect(try await store.read { try await $0.tenant(id: acme.id) } == acme)
            }
        }
    }
}

/// The atomic "first one wins" operations that two-factor login and device signals rely on.
@Suite struct IdentitySecurityStoreTests {
    @Test(arguments: TestEngine.available)
    func codesStepsChallengesAndSourcesAreSingleUse(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let tenant = StoreContractTests.tenant("acme")
                let user = StoreContractTests.user("dana", in: tenant.id)
                try await store.write { tx in
                    try await tx.insertTenant(tenant)
                    try await tx.insertUser(user)
                }
                let subject = user.id.rawValue
                let t = tenant.id
                try await store.write { tx in
                    try await tx.putTOTPCredential(
                        TOTPCredential(
                            tenantID: t, subjectKind: .user, subjectID: subject, sealedSecret: "sealed", status: .active, lastUsedStep: 10,
                            createdAt: 1, activatedAt: 1))
                }
                #expect(try await store.write { try await $0.consumeTOTPStep(10, subjectID: subject, in: t) } == false)
                #expect(try await store.write { try await $0.consumeTOTPStep(11, subjectID: subject, in: t) } == true)
                #expect(try await store.write { try await $0.consumeTOTPStep(11, subjectID: subject, in: t) } == false)
                #expect(try await store.read { try await $0.totpCredential(subjectID: subject, in: t)?.lastUsedStep } == 11)
                // Another tenant's id finds nothing.
                #expect(try await store.read { try await $0.totpCredential(subjectID: subject, in: .platform) } == nil)

                try await store.write { try await $0.replaceRecoveryCodes(subjectID: subject, in: t, salt: "s", hashes: ["a", "b"], at: 1) }
                #expect(try await store.write { try await $0.consumeRecoveryCode(hash: "a", subjectID: subject, in: t) })
                #expect(try await store.write { try await $0.consumeRecoveryCode(hash: "a", subjectID: subject, in: t) } == false)
                #expect(try await store.read { try await $0.recoveryCodes(subjectID: subject, in: t)?.hashes } == ["b"])

                let challenge = MFAChallenge(
                    id: UUIDv7.generate(), tokenHash: "h", tenantID: t, subjectKind: .user, subjectID: subject, purpose: .verify, failures: 0,
                    createdAt: 1, expiresAt: 100)
                try await store.write { try await $0.insertMFAChallenge(challenge) }
                #expect(try await store.read { try await $0.mfaChallenge(tokenHash: "h") } == challenge)
                #expect(try await store.write { try await $0.recordMFAChallengeFailure(id: challenge.id, in: t) } == 1)
                #expect(try await store.write { try await $0.deleteMFAChallenge(id: challenge.id, in: t) })
                #expect(try await store.write { try await $0.deleteMFAChallenge(id: challenge.id, in: t) } == false)

                #expect(try await store.write { try await $0.rememberSource(.device, "fp", subjectID: subject, in: t, at: 1) })
                #expect(try await store.write { try await $0.rememberSource(.device, "fp", subjectID: subject, in: t, at: 2) } == false)
                #expect(try await store.read { try await $0.isKnownSource(.device, "fp", subjectID: subject, in: t) })
                #expect(try await store.read { try await $0.isKnownSource(.network, "fp", subjectID: subject, in: t) } == false)

                // Deleting the user takes its authenticator, codes and devices with it.
                #expect(try await store.write { try await $0.deleteUser(user.id, in: t) })
                #expect(try await store.read { try await $0.totpCredential(subjectID: subject, in: t) } == nil)
                #expect(try await store.read { try await $0.recoveryCodes(subjectID: subject, in: t) } == nil)
                #expect(try await store.read { try await $0.isKnownSource(.device, "fp", subjectID: subject, in: t) } == false)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func securityEventsPageNewestFirstWithinTheirTenant(_ engine: TestEngine) async throws {
        try await TestDatabase.withFresh(engine) { database in
            try await database.withStore { _, store async throws in
                let a = StoreContractTests.tenant("a")
                let b = StoreContractTests.tenant("b")
                var ids: [String] = []
                for index in 0..<5 {
                    let event = SecurityEvent(
                        id: UUIDv7.generate(milliseconds: UInt64(1_000_000 + index)), tenantID: index == 4 ? b.id : a.id,
                        kind: index % 2 == 0 ? .deviceNew : .mfaFailed, occurredAt: Int64(index * 1000),
                        actorType: "user", actorID: "u", sourceIP: "192.0.2.1", userAgent: nil, requestID: nil, details: ["n": "\(index)"])
                    ids.append(event.id)
                    try await store.write { try await $0.insertSecurityEvent(event) }
                }
                let all = try await store.read { try await $0.securityEvents(in: a.id, query: SecurityEventQuery(limit: 10)) }
                #expect(all.map(\.id) == ids.prefix(4).reversed())
                #expect(all.first?.details == ["n": "3"])
                let kind = try await store.read { try await $0.securityEvents(in: a.id, query: SecurityEventQuery(kind: .deviceNew, limit: 10)) }
                #expect(kind.map(\.id) == [ids[2], ids[0]])
                let since = try await store.read { try await $0.securityEvents(in: a.id, query: SecurityEventQuery(since: 2000, limit: 10)) }
                #expect(since.count == 2)
                let cursor = ids[2]
                let page = try await store.read { try await $0.securityEvents(in: a.id, query: SecurityEventQuery(before: cursor, limit: 10)) }
                #expect(page.map(\.id) == [ids[1], ids[0]])
            }
        }
    }
}
