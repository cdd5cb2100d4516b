// SPDX-License-Identifier: Apache-2.0

/// What the sync role must be allowed before a plan can run, checked against the catalog: each
/// missing privilege is a finding with the exact statement a DBA runs, and the tables it would
/// have failed on are left out of the plan (nothing else is held back by one table).
///
/// Least privilege is the design: the sync role needs `CREATEROLE` (group and created roles,
/// role settings), `CREATE` on the database (view schemas), and the privileges of each governed
/// table's owner (`GRANT <owner> TO <sync role>`). It needs neither superuser nor `BYPASSRLS`.
package struct Preflight: Sendable {
    let catalog: DatabaseCatalog

    package init(catalog: DatabaseCatalog) { self.catalog = catalog }

    /// Tables the sync role cannot act on as owner.
    func excludedTables() -> [CatalogTable] {
        guard !catalog.syncAccount.isSuperuser else { return [] }
        return catalog.tables.filter { !catalog.syncAccount.actsAsOwners.contains($0.owner) && $0.owner != catalog.syncRole }
    }

    package func findings(needsRoles: Bool) -> [EnforcementFinding] {
        let sync = SQLText.identifier(catalog.syncRole)
        var findings: [EnforcementFinding] = []
        for owner in Set(excludedTables().map(\.owner)).sorted() {
            let tables = excludedTables().filter { $0.owner == owner }.map(\.resourceName).sorted()
            findings.append(
                EnforcementFinding(
                    .privilegeMissing,
                    "the sync role cannot act as \(owner), owner of \(tables.count) table(s) (\(tables.prefix(5).joined(separator: ", "))"
                        + "\(tables.count > 5 ? ", …" : "")), which are left out; run: GRANT \(SQLText.identifier(owner)) TO \(sync)"))
        }
        if needsRoles && !catalog.syncAccount.canCreateRoles && !catalog.syncAccount.isSuperuser {
            findings.append(
                EnforcementFinding(
                    .privilegeMissing, "roles cannot be created or their settings changed; run: ALTER ROLE \(sync) CREATEROLE"))
        }
        if catalog.syncAccount.isSuperuser {
            findings.append(
                EnforcementFinding(.privilegeExcess, "the sync role is a superuser and needs not be; run: ALTER ROLE \(sync) NOSUPERUSER"))
        } else if catalog.syncAccount.bypassesRowSecurity {
            findings.append(
                EnforcementFinding(.privilegeExcess, "the sync role bypasses row security and needs not; run: ALTER ROLE \(sync) NOBYPASSRLS"))
        }
        return findings
    }

    /// The finding for a view schema the sync role may not create.
    func schemaFinding(_ schema: String, table: String) -> EnforcementFinding {
        EnforcementFinding(
            .privilegeMissing,
            "schema \(schema) cannot be created, so masked reads are withheld; run: GRANT CREATE ON DATABASE "
                + "\(SQLText.identifier(catalog.database)) TO \(SQLText.identifier(catalog.syncRole))", table: table)
    }
}
