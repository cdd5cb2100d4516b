// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A deployment's worth of data written through the store: two tenants with users, groups,
/// memberships, API keys, sessions, rotated data keys and encrypted secrets, an operator and the
/// server settings. Text values include quotes, newlines, control characters and non-ASCII, and
/// nullable columns are both set and null, so a round trip exercises the row codec.
package enum BackupFixture {
    /// The secret every tenant stores as `fixture-secret`, to check decryption after a restore.
    package static let secretPlaintext: [UInt8] = Array("s3cr3t \"value\" ✓\n".utf8)

    /// Tables the fixture fills (at least one row each).
    package static let populatedTables = [
        "tenants", "operators", "users", "user_groups", "group_members", "api_keys", "sessions", "tenant_keys", "tenant_secrets",
        "server_settings",
    ]

    /// Writes the fixture; returns the tenant ids.
    @discardableResult
    package static func populate(_ store: SQLStore, keyring: Keyring, tenants count: Int = 2, usersPerTenant: Int = 3) async throws -> [TenantID] {
        try await store.write { try await keyring.checkMasterKey($0) }
        try await store.write { tx in
            try await tx.insertOperator(id: .generate(), username: "operator", passwordHash: "$scrypt$ln=10,r=8,p=1$x$y", at: 1_700_000_000_000)
        }
        var ids: [TenantID] = []
        for index in 0..<count {
            let now: Int64 = 1_700_000_000_000 + Int64(index) * 1000
            let tenant = Tenant(
                id: .generate(), slug: "tenant-\(index)", displayName: "Zoë \"\(index)\" O'Brien\nline two\ttab \u{1}✓🚀",
                status: index == 0 ? .active : .suspended, createdAt: now, updatedAt: now + 1)
            ids.append(tenant.id)
            try await store.write { tx in
                try await tx.insertTenant(tenant)
                try await keyring.createFirstKey(for: tenant.id, in: tx, at: now)
                try await keyring.rotate(tenant.id, in: tx, at: now + 5)
                try await keyring.putSecret("fixture-secret", Secret(secretPlaintext), tenant: tenant.id, in: tx, at: now + 6)
                var users: [User] = []
                for number in 0..<usersPerTenant {
                    let user = User(
                        id: .generate(), tenantID: tenant.id, username: "user\(number)", displayName: number == 0 ? nil : "Ünïcödé \(number)",
                        email: number % 2 == 0 ? "user\(number)@example.org" : nil, roles: number == 0 ? [.tenantAdmin, .user] : [.user],
                        status: .active, passwordHash: number == 0 ? nil : "$scrypt$ln=10,r=8,p=1$salt\(number)$hash", createdAt: now,
                        updatedAt: now + Int64(number))
                    try await tx.insertUser(user)
                    users.append(user)
                }
                let group = Group(id: .generate(), tenantID: tenant.id, name: "analysts", description: nil, createdAt: now, updatedAt: now)
                let admins = Group(
                    id: .generate(), tenantID: tenant.id, name: "admins", description: "with a \"description\"", createdAt: now, updatedAt: now)
                try await tx.insertGroup(group)
                try await tx.insertGroup(admins)
                for user in users { _ = try await tx.addMember(user.id, to: group.id, in: tenant.id, at: now) }
                if let first = users.first {
                    _ = try await tx.addMember(first.id, to: admins.id, in: tenant.id, at: now)
                    try await tx.insertApiKey(
                        ApiKey(
                            id: ApiKey.generateID(), tenantID: tenant.id, ownerID: first.id, name: "etl", roles: [.user], secretHash: "hash-\(index)",
                            createdAt: now, expiresAt: Int64.max - Int64(index), lastUsedAt: nil, revokedAt: index == 1 ? now + 9 : nil))
                    try await tx.insertSession(
                        Session(
                            id: .generate(), tokenHash: "token-hash-\(index)", tenantID: tenant.id, subjectKind: .user, subjectID: first.id.rawValue,
                            createdAt: now, lastSeenAt: now, idleExpiresAt: now + 1_800_000, absoluteExpiresAt: now + 43_200_000,
                            sourceIP: "127.0.0.1", userAgent: index == 0 ? nil : "curl/8.0 \"quoted\""))
                }
            }
        }
        try await store.write { try await $0.setSetting("fixture.note", value: "ends with a backslash \\") }
        return ids
    }
}
