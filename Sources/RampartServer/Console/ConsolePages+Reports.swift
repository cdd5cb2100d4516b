// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartAuditLog
import RampartCore

extension ConsolePages {
    static func reports(
        _ viewer: Viewer, inventory: DataInventory.Report?, query: ConsoleController.AccessReportQuery,
        access: Result<AccessReport.Report, RampartError>?
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)/reports"
        let inventoryRows = (inventory?.entries ?? []).map { entry -> HTML in
            let readers: HTML =
                entry.unmaskedReaders.map { readers -> HTML in readers.isEmpty ? "nobody" : "\(readers.prefix(20).joined(separator: ", "))" }
                ?? "<span class=\"muted\">no linked service</span>"
            let policies = [("allow", entry.allowingPolicies), ("mask", entry.maskingPolicies), ("deny", entry.denyingPolicies)]
                .filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.map(String.init).joined(separator: " "))" }.joined(separator: "; ")
            return """
                <tr><td>\(entry.dataClass)</td><td>\(entry.datasource) · \(entry.table).\(entry.column)</td><td>\(entry.tag)</td>
                <td>\(String(format: "%.2f", entry.confidence))</td><td>\(readers)</td><td>\(entry.maskedReaders.map(String.init) ?? "")</td>
                <td>\(policies)</td></tr>
                """
        }
        let inventorySection: HTML =
            inventory == nil
            ? """
            <form method="get" action="\(base)"><input type="hidden" name="inventory" value="1">
            <button type="submit">Build the inventory</button></form>
            """
            : inventory?.entries.isEmpty == true
                ? "<p class=\"muted\">No column is tagged yet: scan a datasource and add tagging rules.</p>"
                : """
                <table><caption class="visually-hidden">Tagged columns and who reads them</caption>
                <thead><tr><th scope="col">Class</th><th scope="col">Where</th><th scope="col">Tag</th><th scope="col">Confidence</th>
                <th scope="col">Read in clear by</th><th scope="col">Masked readers</th><th scope="col">Policies</th></tr></thead>
                <tbody>\(inventoryRows)</tbody></table>
                """
        let accessSection: HTML
        switch access {
        case nil:
            accessSection = "<p class=\"muted\">Give a tag and a period.</p>"
        case .failure(let error):
            accessSection = "<p class=\"denied\" role=\"alert\">\(error.message)</p>"
        case .success(let report):
            let rows = Array(report.rows.prefix(500)).map { row -> HTML in
                """
                <tr><td><a href="/console/t/\(viewer.tenantSlug)/audit/\(row.seq)">\(row.seq)</a></td><td>\(shortTime(milliseconds: row.time / 1000))</td>
                <td>\(row.user)</td><td>\(row.resource)</td><td>\(row.accessType)</td><td>\(row.outcome)</td></tr>
                """
            }
            let proof: HTML =
                report.checkpoint.map {
                    """
                    <p>Every row is in the checkpoint of \($0.checkpoint.treeSize) records signed \(Timestamp.rfc3339(microseconds: $0.checkpoint.timestamp))
                    with key <code>\($0.keyID)</code>; a row's page checks its inclusion proof.</p>
                    """
                } ?? ""
            accessSection = """
                <p>\(report.rows.count) decisions on \(report.taggedColumns) columns tagged \(report.tag)\(report.truncated ? " (cut)" : "").
                <a href="\(base)/access.csv?\(query.query)">Download CSV</a></p>\(proof)
                <table><caption class="visually-hidden">Decisions on data tagged \(report.tag)</caption>
                <thead><tr><th scope="col">Seq</th><th scope="col">When</th><th scope="col">User</th><th scope="col">Resource</th>
                <th scope="col">Access</th><th scope="col">Outcome</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        return layout(
            title: "Reports", viewer: viewer, current: .reports,
            """
            <h1>Reports</h1>
            <section aria-labelledby="inventory"><h2 id="inventory">Data inventory</h2>
            <p>Each tagged column and who reads it\(inventory.map { ": for \($0.users) active users" } ?? ""), asked of the policies as they decide now \
            (one decision per user and column, so it is built when asked for). <a href="\(base)/inventory.csv">Download CSV</a></p>
            \(inventorySection)</section>
            <section aria-labelledby="access"><h2 id="access">Access to tagged data</h2>
            <form method="get" action="\(base)" class="filters">
            <label for="tag">Tag</label><input id="tag" name="tag" type="text" value="\(query.tag)" required>
            <label for="from">First day</label><input id="from" name="from" type="date" value="\(query.from)" required>
            <label for="to">Last day</label><input id="to" name="to" type="date" value="\(query.to)" required>
            <button type="submit">Show</button>
            </form>
            \(accessSection)</section>
            """)
    }
}
