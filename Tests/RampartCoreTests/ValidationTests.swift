// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite struct ValidationTests {
    @Test(arguments: ["acme", "globex-eu", "a1"])
    func acceptsSlugs(_ slug: String) throws { #expect(try Validation.slug(slug) == slug) }

    @Test(arguments: ["", "a", "Acme", "1acme", "acme-", "ac me", "acme_", String(repeating: "a", count: 64), "ácme"])
    func rejectsSlugs(_ slug: String) {
        #expect(throws: RampartError.self) { try Validation.slug(slug) }
    }

    @Test(arguments: ["alice", "bob.smith", "svc_etl-1", "carol@example.com"])
    func acceptsUsernames(_ name: String) throws { #expect(try Validation.username(name) == name) }

    @Test(arguments: ["", "with space", "semi;colon", "new\nline", String(repeating: "u", count: 129)])
    func rejectsUsernames(_ name: String) {
        #expect(throws: RampartError.self) { try Validation.username(name) }
    }

    @Test func emails() throws {
        #expect(try Validation.email("a@example.com") == "a@example.com")
        #expect(try Validation.email(nil) == nil)
        for good in ["o'brien+tag@mail.dept.example.ac.uk", "A.B@Example.COM", "x@a-b.co"] {
            #expect(try Validation.email(good) == good)
        }
        for bad in ["no-at", "a@b", "@example.com", "a@.com", "a b@example.com", "v@T.IR.EzW.LprDOT*", "a@-x.com", "a@x..com", "é@example.com"] {
            #expect(throws: RampartError.self, "\(bad)") { try Validation.email(bad) }
        }
    }

    @Test func uuidV7IsWellFormedAndTimeOrdered() {
        let first = UUIDv7.generate(milliseconds: 1_000)
        let second = UUIDv7.generate(milliseconds: 2_000)
        #expect(UUIDv7.isWellFormed(first))
        #expect(first < second)
        #expect(Array(first)[14] == "7")
        // The 48-bit millisecond prefix, the version nibble and the RFC 9562 variant bits.
        let known = UUIDv7.generate(milliseconds: 0x0123_4567_89AB)
        #expect(known.hasPrefix("01234567-89ab-7"))
        #expect(["8", "9", "a", "b"].contains(Array(known)[19]))
        #expect(Set((0..<200).map { _ in UUIDv7.generate(milliseconds: 5) }).count == 200)
        #expect(!UUIDv7.isWellFormed("not-a-uuid"))
        #expect(!UUIDv7.isWellFormed("01a208c9-bc76-7ae1-8de0-481154ae972Z"))
    }

    @Test func principalsNeverGainPermissionsTheirRolesLack() {
        let auditor = Principal(kind: .user(.generate(), session: .generate()), tenantID: .generate(), roles: [.auditor], username: "a")
        #expect(auditor.has(.auditRead))
        #expect(!auditor.has(.usersWrite))
        let operatorPrincipal = Principal(kind: .operator(.generate()), tenantID: .platform, roles: Set(BuiltinRole.allCases), username: "op")
        #expect(!operatorPrincipal.has(.usersRead), "the operator has no tenant permissions")
        // `data:protect` only lets a user ask; the tenant's policies on `rampart-encryption` decide.
        #expect(BuiltinRole.user.permissions == [.apiKeysManageOwn, .selfRead, .dataProtect, .accessRequest])
        #expect(!BuiltinRole.tenantAdmin.permissions.contains(.encryptionManage))
    }
}
