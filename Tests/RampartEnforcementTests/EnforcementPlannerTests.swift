// SPDX-License-Identifier: Apache-2.0

import Crypto
import Testing

@testable import RampartEnforcement

@Suite struct EnforcementPlannerTests {
    static let marker = OwnershipMarker(tenant: "t1", datasource: "d1")
    static let customers = CatalogTable(
        oid: 100, schema: "public", name: "customers", owner: "app",
        columns: [CatalogColumn(name: "id", type: "integer"), CatalogColumn(name: "ssn", type: "text"), CatalogColumn(name: "born", type: "date")],
        rowSecurity: false, forceRowSecurity: false)

    static func catalog(
        grants: [CatalogGrant] = [], policies: [CatalogPolicy] = [], views: [CatalogView] = [], schemas: [String: String?] = [:]
    )
        -> DatabaseCatalog
    {
        DatabaseCatalog(
            database: "shop", syncRole: "rampart_sync", serverMajorVersion: 15, tables: [customers],
            roles: [
                "alice": CatalogRole(name: "alice", canLogin: true, comment: nil), "bob": CatalogRole(name: "bob", canLogin: true, comment: nil),
            ],
            grants: grants, policies: policies, views: views, viewSchemas: schemas, searchPaths: [:],
            syncAccount: SyncAccount(actsAsOwners: ["app"]))
    }

    static func plan(_ accesses: [RoleTableAccess], catalog: DatabaseCatalog = catalog()) -> EnforcementPlan {
        EnforcementPlanner(marker: marker, catalog: catalog, governedRoles: ["alice", "bob"])
            .plan([DesiredTable(table: customers, accesses: accesses)])
    }

    @Test func everyColumnIsOneTableGrantAndSomeColumnsAreColumnGrants() {
        let plan = Self.plan([
            RoleTableAccess(role: "alice", select: ["id", "ssn", "born"], delete: true),
            RoleTableAccess(role: "bob", select: ["id"], update: ["born"]),
        ])
        #expect(
            plan.statements.map(\.sql) == [
                "GRANT DELETE ON \"public\".\"customers\" TO \"alice\"",
                "GRANT SELECT ON \"public\".\"customers\" TO \"alice\"",
                "GRANT SELECT (\"id\") ON \"public\".\"customers\" TO \"bob\"",
                "GRANT UPDATE (\"born\") ON \"public\".\"customers\" TO \"bob\"",
            ])
        #expect(plan.findings.isEmpty)
    }

    @Test func whatTheDatabaseAlreadyHoldsIsNotGrantedAgainAndTheRestIsRevoked() {
        let grants: [CatalogGrant] = [
            CatalogGrant(relation: 100, column: nil, grantee: "alice", privilege: "SELECT"),
            CatalogGrant(relation: 100, column: nil, grantee: "bob", privilege: "SELECT"),
            CatalogGrant(relation: 100, column: nil, grantee: "bob", privilege: "TRUNCATE"),
            // Not governed: never touched.
            CatalogGrant(relation: 100, column: nil, grantee: "app_reader", privilege: "SELECT"),
        ]
        let plan = Self.plan([RoleTableAccess(role: "alice", select: ["id", "ssn", "born"])], catalog: Self.catalog(grants: grants))
        #expect(
            plan.statements.map(\.sql) == [
                "REVOKE SELECT ON \"public\".\"customers\" FROM \"bob\"", "REVOKE TRUNCATE ON \"public\".\"customers\" FROM \"bob\"",
            ])
    }

    @Test func aMaskedRoleReadsAViewAndNotTheTable() {
        let plan = Self.plan([
            RoleTableAccess(role: "alice", select: ["id", "ssn", "born"], masks: ["ssn": ColumnMask(type: "MASK_SHOW_LAST_4", policyID: 4)])
        ])
        let sql = plan.statements.map(\.sql)
        #expect(sql.contains("CREATE SCHEMA \"public_rampart\""))
        #expect(!sql.contains { $0.hasPrefix("GRANT SELECT ON \"public\".\"customers\"") })
        let view = sql.first { $0.hasPrefix("CREATE VIEW") }
        #expect(
            view
                == "CREATE VIEW \"public_rampart\".\"customers\" WITH (security_barrier) AS SELECT \"id\", CASE WHEN current_user IN ('alice') "
                + "THEN regexp_replace(left(\"ssn\"::text, -4), '[[:alnum:]]', 'x', 'g') || right(\"ssn\"::text, 4) ELSE \"ssn\" END AS \"ssn\", "
                + "\"born\" FROM \"public\".\"customers\"")
        #expect(sql.contains("GRANT SELECT ON \"public_rampart\".\"customers\" TO \"alice\""))
        #expect(sql.contains("ALTER ROLE \"alice\" IN DATABASE \"shop\" SET search_path TO \"public_rampart\", \"$user\", \"public\""))
    }

    @Test func aMaskThatCannotBeSQLWithholdsTheColumn() {
        let plan = Self.plan([
            RoleTableAccess(role: "alice", select: ["id", "ssn"], masks: ["id": ColumnMask(type: "MASK_DATE_SHOW_YEAR", policyID: 9)])
        ])
        #expect(plan.findings.map(\.code) == [.maskUnsupported])
        #expect(plan.findings.first?.policyID == 9)
        #expect(plan.statements.map(\.sql) == ["GRANT SELECT (\"ssn\") ON \"public\".\"customers\" TO \"alice\""])
    }

    @Test func aRowFilterIsARestrictivePolicyUnderForcedRowSecurity() {
        let plan = Self.plan([
            RoleTableAccess(role: "alice", select: ["id", "ssn", "born"], rowFilter: RowFilter(expression: "id > 1", policyID: 6)),
            RoleTableAccess(role: "bob", select: ["id"]),
        ])
        let sql = plan.statements.map(\.sql)
        #expect(
            sql.contains(
                "CREATE POLICY rampart_allow ON \"public\".\"customers\" AS PERMISSIVE FOR ALL TO \"alice\", \"app\", \"bob\", \"rampart_sync\" USING (true) WITH CHECK (true)"
            ))
        #expect(sql.contains { $0.contains("AS RESTRICTIVE FOR ALL TO \"alice\" USING (id > 1) WITH CHECK (id > 1)") })
        #expect(
            sql.suffix(2) == [
                "ALTER TABLE \"public\".\"customers\" ENABLE ROW LEVEL SECURITY", "ALTER TABLE \"public\".\"customers\" FORCE ROW LEVEL SECURITY",
            ])
        let comment = sql.first { $0.hasPrefix("COMMENT ON POLICY rampart_allow") } ?? ""
        #expect(comment.contains("force=rampart rls=rampart digest="), "\(comment)")
    }

    @Test func objectsWithoutTheMarkerAreNeverTouched() {
        let foreignView = CatalogView(oid: 200, schema: "public_rampart", name: "customers", comment: "made by hand")
        let plan = Self.plan(
            [RoleTableAccess(role: "alice", select: ["id", "ssn"], masks: ["ssn": ColumnMask(type: "MASK", policyID: 4)])],
            catalog: Self.catalog(views: [foreignView], schemas: ["public_rampart": .some(Self.marker.comment(digest: "-"))]))
        #expect(!plan.statements.contains { $0.sql.contains("public_rampart") }, "\(plan.statements)")
        #expect(plan.findings.contains { $0.code == .foreignObject && $0.role == "alice" })
        // Withheld, not granted on the base table instead.
        #expect(!plan.statements.contains { $0.sql.contains("GRANT SELECT") })
    }

    @Test func ourOwnObjectsAreDroppedWhenNoLongerWanted() {
        let ourView = CatalogView(oid: 200, schema: "public_rampart", name: "customers", comment: Self.marker.comment(digest: "abc"))
        let otherView = CatalogView(oid: 201, schema: "public_rampart", name: "gone", comment: Self.marker.comment(digest: "abc"))
        let plan = Self.plan(
            [], catalog: Self.catalog(views: [ourView, otherView], schemas: ["public_rampart": .some(Self.marker.comment(digest: "-"))]))
        #expect(
            plan.statements.map(\.sql) == ["DROP VIEW \"public_rampart\".\"customers\"", "DROP VIEW \"public_rampart\".\"gone\""])
    }

    @Test func tablesTheSyncRoleCannotActOnAreLeftOutWithTheGrantToRun() {
        var catalog = Self.catalog()
        catalog.syncAccount = SyncAccount(canCreateRoles: false)
        let plan = EnforcementPlanner(marker: Self.marker, catalog: catalog, governedRoles: ["alice"], groupMembers: ["g": ["alice"]])
            .plan([DesiredTable(table: Self.customers, accesses: [RoleTableAccess(role: "alice", select: ["id"])])])
        #expect(plan.statements.isEmpty, "\(plan.statements)")
        #expect(
            plan.findings.map(\.message) == [
                "the sync role cannot act as app, owner of 1 table(s) (customers), which are left out; run: GRANT \"app\" TO \"rampart_sync\"",
                "roles cannot be created or their settings changed; run: ALTER ROLE \"rampart_sync\" CREATEROLE",
            ])
    }

    @Test func groupsAreRolesWhoseMembersFollowTheTenant() {
        var catalog = Self.catalog()
        catalog.roles["rp_g_old"] = CatalogRole(name: "rp_g_old", canLogin: false, comment: Self.marker.comment(digest: "-"))
        catalog.roles["rp_g_sales"] = CatalogRole(name: "rp_g_sales", canLogin: false, comment: Self.marker.comment(digest: "-"))
        catalog.memberships = ["bob": ["rp_g_sales"]]
        let plan = EnforcementPlanner(marker: Self.marker, catalog: catalog, governedRoles: ["alice", "bob"], groupMembers: ["sales": ["alice"]])
            .plan([])
        #expect(
            plan.statements.map(\.sql) == [
                "REVOKE \"rp_g_sales\" FROM \"bob\"", "GRANT \"rp_g_sales\" TO \"alice\"",
                "DO $rampart$ BEGIN DROP ROLE \"rp_g_old\"; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $rampart$",
            ])
    }

    /// alice, bob and carol are in `sales`; the engine decided per user.
    static func salesPlan(_ accesses: [RoleTableAccess], catalog: DatabaseCatalog = catalog()) -> [String] {
        var catalog = catalog
        catalog.roles["carol"] = catalog.roles["carol"] ?? CatalogRole(name: "carol", canLogin: true, comment: nil)
        return EnforcementPlanner(
            marker: marker, catalog: catalog, governedRoles: ["alice", "bob", "carol"], groupMembers: ["sales": ["alice", "bob", "carol"]]
        )
        .plan([DesiredTable(table: customers, accesses: accesses)]).statements.map(\.sql).filter {
            !$0.contains("ROLE") && !$0.contains("rp_g_sales\" TO")
        }
    }

    @Test func whatEveryMemberMayDoIsGrantedToTheGroupAndTheRestToEachMember() {
        let statements = Self.salesPlan([
            RoleTableAccess(role: "alice", select: ["id", "ssn", "born"], delete: true),
            RoleTableAccess(role: "bob", select: ["id", "ssn", "born"]),
            // carol is denied ssn: the group may not read it.
            RoleTableAccess(role: "carol", select: ["id", "born"], update: ["born"]),
        ])
        #expect(
            statements == [
                "GRANT SELECT (\"ssn\") ON \"public\".\"customers\" TO \"alice\"",
                "GRANT DELETE ON \"public\".\"customers\" TO \"alice\"",
                "GRANT SELECT (\"ssn\") ON \"public\".\"customers\" TO \"bob\"",
                "GRANT UPDATE (\"born\") ON \"public\".\"customers\" TO \"carol\"",
                "GRANT SELECT (\"born\", \"id\") ON \"public\".\"customers\" TO \"rp_g_sales\"",
            ])
    }

    @Test func aMemberWithoutAccessKeepsTheGroupEmpty() {
        let statements = Self.salesPlan([
            RoleTableAccess(role: "alice", select: ["id", "ssn", "born"]), RoleTableAccess(role: "bob", select: ["id", "ssn", "born"]),
        ])
        #expect(
            statements == [
                "GRANT SELECT ON \"public\".\"customers\" TO \"alice\"", "GRANT SELECT ON \"public\".\"customers\" TO \"bob\"",
            ])
    }

    /// A member that does not inherit still bounds the group (it could `SET ROLE` to it), and
    /// keeps its own grants.
    @Test func aMemberThatDoesNotInheritBoundsTheGroupAndKeepsItsGrants() {
        var catalog = Self.catalog()
        catalog.roles["carol"] = CatalogRole(name: "carol", canLogin: true, inherits: false, comment: nil)
        let everything = ["id", "ssn", "born"] as Set
        let statements = Self.salesPlan(
            [
                RoleTableAccess(role: "alice", select: everything), RoleTableAccess(role: "bob", select: everything),
                RoleTableAccess(role: "carol", select: everything),
            ], catalog: catalog)
        #expect(
            statements == [
                "GRANT SELECT ON \"public\".\"customers\" TO \"carol\"", "GRANT SELECT ON \"public\".\"customers\" TO \"rp_g_sales\"",
            ])
    }

    @Test func withoutTheRightToManageRolesNothingGoesToGroups() {
        var catalog = Self.catalog()
        catalog.syncAccount.canCreateRoles = false
        catalog.roles["rp_g_sales"] = CatalogRole(name: "rp_g_sales", canLogin: false, comment: Self.marker.comment(digest: "-"))
        let everything = ["id", "ssn", "born"] as Set
        let statements = Self.salesPlan(
            [
                RoleTableAccess(role: "alice", select: everything), RoleTableAccess(role: "bob", select: everything),
                RoleTableAccess(role: "carol", select: everything),
            ], catalog: catalog)
        #expect(statements.count == 3)
        #expect(!statements.contains { $0.contains("rp_g_sales") })
    }

    @Test func theHashPadsComputeHMACSHA256() {
        let key = Array("a key of thirty-two bytes, yes!!".utf8)
        let pads = MaskHashKey(key: key)
        for message in ["", "Ada", "123-45-6789", String(repeating: "é", count: 100)] {
            let inner = SHA256.hash(data: pads.innerPad + Array(message.utf8))
            let outer = Array(SHA256.hash(data: pads.outerPad + Array(inner)))
            let hmac = Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
            #expect(outer == hmac, "\(message)")
        }
    }

    @Test func aHashMaskBringsItsKeyFirstAndShowsItRedacted() {
        let access = RoleTableAccess(role: "alice", select: ["id", "ssn"], masks: ["ssn": ColumnMask(type: "MASK_HASH", policyID: 5)])
        let withKey = EnforcementPlanner(
            marker: Self.marker, catalog: Self.catalog(), governedRoles: ["alice"], maskKey: MaskHashKey(key: Array(repeating: 7, count: 32))
        ).plan([DesiredTable(table: Self.customers, accesses: [access])])
        let shown = withKey.statements.map(\.shown)
        #expect(shown.first == "CREATE SCHEMA \"rampart_mask\"", "\(shown)")
        #expect(shown.contains("INSERT INTO \"rampart_mask\".\"mask_key\" VALUES (<the tenant's masking key, not shown>)"))
        #expect(!shown.contains { $0.contains("\\x") }, "the pads are never shown")
        #expect(withKey.statements.contains { $0.sql.contains("\\x") }, "but they are applied")
        #expect(shown.contains { $0.contains("\"rampart_mask\".\"mask_hash\"(\"ssn\"::text)") })
        let withoutKey = EnforcementPlanner(marker: Self.marker, catalog: Self.catalog(), governedRoles: ["alice"])
            .plan([DesiredTable(table: Self.customers, accesses: [access])])
        #expect(withoutKey.findings.map(\.code) == [.maskUnsupported])
    }

    @Test func namesWithQuotesStayOneName() {
        #expect(SQLText.identifier("a\"b") == "\"a\"\"b\"")
        #expect(SQLText.literal("it's") == "'it''s'")
        #expect(SQLText.truncatedIdentifier(String(repeating: "é", count: 40)).utf8.count == 62)
    }

    @Test func masksFollowRangersTransformers() throws {
        let text = CatalogColumn(name: "v", type: "text")
        #expect(try MaskSQL.make(ColumnMask(type: "MASK_NONE", policyID: 1), column: text).get() == nil)
        #expect(try MaskSQL.make(ColumnMask(type: "MASK_NULL", policyID: 1), column: text).get()?.expression == "NULL::text")
        #expect(try MaskSQL.make(ColumnMask(type: "CUSTOM", value: "'x'", policyID: 1), column: text).get()?.expression == "('x')::text")
        #expect((try? MaskSQL.make(ColumnMask(type: "CUSTOM", value: "secret", policyID: 1), column: text).get()) == nil)
        #expect((try? MaskSQL.make(ColumnMask(type: "MASK_DATE_SHOW_YEAR", policyID: 1), column: text).get()) == nil)
    }
}
