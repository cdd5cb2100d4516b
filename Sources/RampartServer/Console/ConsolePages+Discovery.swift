// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

extension ConsolePages {
    /// What a "new datasource" form was filled with, to show it again beside an error.
    struct DatasourceForm {
        var name = ""
        var kind = ""
        var path = ""
        var rangerService = ""
    }

    /// What a "new tagging rule" form was filled with, to show it again beside an error.
    struct TaggingRuleForm {
        var dataClass = ""
        var minConfidence = "80"
        var tag = ""
    }

    /// How a connection test went.
    enum ConnectionTest {
        case reached(tables: Int)
        case failed(code: String, message: String)
    }

    /// A fraction from 0 to 1 as a whole percentage (anything else is clamped: never a trap).
    static func percent(_ fraction: Double) -> Int {
        guard fraction.isFinite else { return 0 }
        return Int((min(max(fraction, 0), 1) * 100).rounded())
    }

    /// What a connection test's failure code means and what to do about it.
    static func explanation(ofConnectorCode code: String) -> String {
        switch code {
        case "dns": "The host name does not resolve. Check its spelling and the server's DNS."
        case "refused": "Nothing accepts connections at that address and port. Check the port and that the database runs."
        case "auth": "The database refused the username or password."
        case "tls": "The TLS handshake failed or the certificate could not be verified for that host."
        case "permission": "Connected, but the account may not read what a scan needs (schemas, tables or files)."
        case "destination-not-allowed":
            "The address is internal (loopback, private, link-local, …). The operator admits such networks with --outbound-allow."
        case "timeout": "The database did not answer in time."
        case "not-found": "The database, file or directory does not exist."
        case "invalid-data": "The data could not be read as the kind of datasource says (a malformed file, an oversized record)."
        default: "The datasource could not be reached."
        }
    }

    /// The tenant's datasources and tagging rules, with forms for `discovery:write`.
    static func discovery(
        _ viewer: Viewer, _ sources: Page<Datasource>, rules: [TaggingRule], notice: String? = nil, error: String? = nil,
        typed: DatasourceForm = DatasourceForm(), ruleTyped: TaggingRuleForm = TaggingRuleForm()
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let canWrite = viewer.permissions.contains(.discoveryWrite)
        let rows = sources.items.map { source -> HTML in
            let location = source.config.path ?? [source.config.host, source.config.database].compactMap { $0 }.joined(separator: " / ")
            return """
                <tr><td><a href="\(base)/discovery/datasources/\(source.id)">\(source.name)</a></td><td>\(source.kind.rawValue)</td>
                <td>\(location)</td><td>\(source.config.rangerService ?? "-")</td><td>\(shortTime(milliseconds: source.createdAt))</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"muted\">No datasources yet.</p>"
            : """
            <table><caption class="visually-hidden">Datasources</caption><thead><tr><th scope="col">Name</th><th scope="col">Kind</th>
            <th scope="col">Where</th><th scope="col">Ranger service</th><th scope="col">Added</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let kinds = DatasourceKind.allCases.map { kind -> HTML in
            let selected: HTML = typed.kind == kind.rawValue ? " selected" : ""
            return "<option value=\"\(kind.rawValue)\"\(selected)>\(kind.rawValue)</option>"
        }
        let newSource: HTML =
            canWrite
            ? """
            <section class="panel" aria-labelledby="new-source"><h2 id="new-source">New datasource</h2>
            <form method="post" action="\(base)/discovery/datasources">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="name">Name</label>
            <input id="name" name="name" type="text" autocomplete="off" required value="\(typed.name)">
            <label for="kind">Kind</label>
            <select id="kind" name="kind">\(kinds)</select>
            <label for="path">Path (files: a directory or an SQLite file)</label>
            <input id="path" name="path" type="text" autocomplete="off" value="\(typed.path)">
            <label for="url">URL (PostgreSQL: postgres://user:password@host:port/database)</label>
            <input id="url" name="url" type="password" autocomplete="off">
            <label for="rangerService">Ranger service its tags go to (optional)</label>
            <input id="rangerService" name="rangerService" type="text" autocomplete="off" value="\(typed.rangerService)">
            <button type="submit">Add datasource</button>
            </form></section>
            """ : ""
        let ruleRows = rules.map { rule -> HTML in
            let delete: HTML =
                canWrite
                ? """
                <td><form method="post" action="\(base)/discovery/tagging-rules/\(rule.id)/delete">
                <input type="hidden" name="csrf" value="\(viewer.formToken)">
                <button type="submit" class="quiet" aria-label="Delete the rule tagging \(rule.dataClass) as \(rule.tag)">Delete</button>
                </form></td>
                """ : ""
            return "<tr><td><code>\(rule.dataClass)</code></td><td>\(percent(rule.minConfidence))%</td><td>\(rule.tag)</td>\(delete)</tr>"
        }
        let ruleAction: HTML = canWrite ? "<th scope=\"col\"><span class=\"visually-hidden\">Action</span></th>" : ""
        let rulesTable: HTML =
            ruleRows.isEmpty
            ? "<p class=\"muted\">No tagging rules: scans find classes but tag nothing.</p>"
            : """
            <table><caption class="visually-hidden">Tagging rules</caption><thead><tr><th scope="col">Class</th>
            <th scope="col">From confidence</th><th scope="col">Tag</th>\(ruleAction)</tr></thead><tbody>\(ruleRows)</tbody></table>
            """
        let newRule: HTML =
            canWrite
            ? """
            <form class="filters" method="post" action="\(base)/discovery/tagging-rules">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <div><label for="dataClass">Class</label><input id="dataClass" name="dataClass" type="text" autocomplete="off" required value="\(ruleTyped.dataClass)"></div>
            <div><label for="minConfidence">From confidence (%)</label>
            <input id="minConfidence" name="minConfidence" type="number" min="0" max="100" value="\(ruleTyped.minConfidence)"></div>
            <div><label for="tag">Tag</label><input id="tag" name="tag" type="text" autocomplete="off" required value="\(ruleTyped.tag)"></div>
            <button type="submit">Add rule</button>
            </form>
            """ : ""
        return layout(
            title: "Discovery", viewer: viewer, current: .discovery,
            """
            <h1>Discovery</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <section aria-labelledby="sources"><h2 id="sources">Datasources</h2>\(table)</section>
            \(newSource)
            <section aria-labelledby="rules"><h2 id="rules">Tagging rules</h2>
            <p class="muted">After every scan, a column found to hold a class with at least this confidence gets the tag, where tag
            policies read it.</p>
            \(rulesTable)\(newRule)</section>
            """)
    }

    /// One datasource: where it is, a connection test and a scan form for `discovery:write`,
    /// its recent scans and the tags discovery gave its columns.
    static func datasource(
        _ viewer: Viewer, _ source: Datasource, scans: [ScanJob], tags: [TagAssignment], reviews: [TagReview], test: ConnectionTest?,
        notice: String? = nil, error: String?, now: Int64
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let path = "\(base)/discovery/datasources/\(source.id)"
        let testResult: HTML =
            switch test {
            case .none: ""
            case .reached(let tables): "<p role=\"status\">Connected: \(tables) tables found.</p>"
            case .failed(let code, let message):
                """
                <div role="alert" class="error"><p>The test failed: <code>\(code)</code>. \(explanation(ofConnectorCode: code))</p>
                <p class="muted">\(message)</p></div>
                """
            }
        let actions: HTML =
            viewer.permissions.contains(.discoveryWrite)
            ? """
            <section class="panel" aria-labelledby="actions"><h2 id="actions">Test and scan</h2>
            <form method="post" action="\(path)/test">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <button type="submit">Test connection</button>
            </form>
            <form method="post" action="\(path)/scans">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="sampleSize">Rows sampled per table</label>
            <input id="sampleSize" name="sampleSize" type="number" min="1" max="\(ScanOptions.maximumSampleSize)" value="\(ScanOptions.defaultSampleSize)">
            <label class="choice"><input type="checkbox" name="fullScan"> Read every row instead</label>
            <button type="submit">Start a scan</button>
            </form></section>
            """ : ""
        let scanRows = scans.map { scan -> HTML in
            """
            <tr><td><a href="\(base)/discovery/scans/\(scan.id)">\(shortTime(milliseconds: scan.createdAt))</a></td><td>\(scan.status.rawValue)</td>
            <td>\(scan.progress.tablesDone) of \(scan.progress.tablesTotal)</td><td>\(scan.progress.rowsRead)</td></tr>
            """
        }
        let scanTable: HTML =
            scanRows.isEmpty
            ? "<p class=\"muted\">Not scanned yet.</p>"
            : """
            <table><caption class="visually-hidden">Recent scans</caption><thead><tr><th scope="col">Queued</th><th scope="col">Status</th>
            <th scope="col">Tables</th><th scope="col">Rows read</th></tr></thead><tbody>\(scanRows)</tbody></table>
            """
        let tagTable = tagReviewForm(viewer, path: path, tags: tags, reviews: reviews)
        return layout(
            title: source.name, viewer: viewer, current: .discovery,
            """
            <p><a href="\(base)/discovery">All datasources</a></p>
            <h1>\(source.name)</h1>
            \(statusLine(notice))
            \(errorLine(error))
            \(testResult)
            <dl>
            <dt>Kind</dt><dd>\(source.kind.rawValue)</dd>
            <dt>Where</dt><dd>\(source.config.path ?? [source.config.host, source.config.database].compactMap { $0 }.joined(separator: " / "))</dd>
            <dt>Credentials</dt><dd>\(source.hasCredentials ? "stored, encrypted" : "none")</dd>
            <dt>Ranger service</dt><dd>\(source.config.rangerService ?? "-")</dd>
            </dl>
            \(actions)
            <section aria-labelledby="scans"><h2 id="scans">Recent scans</h2>\(scanTable)</section>
            <section aria-labelledby="tags"><h2 id="tags">Tags</h2>\(tagTable)</section>
            """)
    }

    /// The datasource's tags with people's verdicts; for `discovery:write` one form to accept or
    /// reject each tag (its row's buttons) or the ticked ones (the buttons under the table), and
    /// to withdraw a rejection. Works without JavaScript: every button is a submit button.
    static func tagReviewForm(_ viewer: Viewer, path: String, tags: [TagAssignment], reviews: [TagReview]) -> HTML {
        let writer = viewer.permissions.contains(.discoveryWrite)
        let verdicts = Dictionary(reviews.map { ($0.key, $0.verdict) }) { first, _ in first }
        let rows = tags.map { tag -> HTML in
            let token = tagToken(table: tag.table, column: tag.column, tag: tag.tag)
            let named = "\(tag.tag) on \(tag.table).\(tag.column)"
            let verdict = verdicts[tag.key]
            let state: HTML = verdict == .accepted ? "<span class=\"allowed\">accepted</span>" : "<span class=\"muted\">suggested</span>"
            let tick: HTML = writer ? "<td><input type=\"checkbox\" name=\"items[]\" value=\"\(token)\" aria-label=\"Select \(named)\"></td>" : ""
            let buttons: HTML =
                !writer
                ? ""
                : """
                <td>\(verdict == .accepted ? "" : "<button type=\"submit\" name=\"one\" value=\"accept \(token)\" aria-label=\"Accept \(named)\">Accept</button>" as HTML)
                <button type="submit" class="quiet" name="one" value="reject \(token)" aria-label="Reject \(named)">Reject</button></td>
                """
            return """
                <tr>\(tick)<td>\(tag.table)</td><td>\(tag.column)</td><td>\(tag.tag)</td><td><code>\(tag.dataClass)</code></td>
                <td>\(percent(tag.confidence))%</td><td>\(state)</td>\(buttons)</tr>
                """
        }
        let rejected = reviews.filter { $0.verdict == .rejected }.map { review -> HTML in
            let token = tagToken(table: review.table, column: review.column, tag: review.tag)
            let undo: HTML =
                writer
                ? """
                <td><button type="submit" class="quiet" name="one" value="clear \(token)"
                aria-label="Allow again \(review.tag) on \(review.table).\(review.column)">Allow again</button></td>
                """ : ""
            return
                "<tr><td>\(review.table)</td><td>\(review.column)</td><td>\(review.tag)</td><td>\(shortTime(milliseconds: review.reviewedAt))</td>\(undo)</tr>"
        }
        let current: HTML =
            rows.isEmpty
            ? "<p class=\"muted\">No tags yet.</p>"
            : """
            <table><caption class="visually-hidden">Tags on this datasource</caption><thead><tr>\(writer ? "<th scope=\"col\"><span class=\"visually-hidden\">Selected</span></th>" as HTML : "")<th scope="col">Table</th>
            <th scope="col">Column</th><th scope="col">Tag</th><th scope="col">Class</th><th scope="col">Confidence</th><th scope="col">Review</th>\(writer ? "<th scope=\"col\">Actions</th>" as HTML : "")</tr></thead>
            <tbody>\(rows)</tbody></table>
            \(writer ? "<p><button type=\"submit\" name=\"action\" value=\"accept\">Accept selected</button> <button type=\"submit\" class=\"quiet\" name=\"action\" value=\"reject\">Reject selected</button></p>" as HTML : "")
            """
        let rejectedTable: HTML =
            rejected.isEmpty
            ? ""
            : """
            <h3>Rejected</h3><p class="muted">Scans do not add these again until the rejection is withdrawn.</p>
            <table><caption class="visually-hidden">Rejected tags</caption><thead><tr><th scope="col">Table</th><th scope="col">Column</th>
            <th scope="col">Tag</th><th scope="col">Rejected</th>\(writer ? "<th scope=\"col\">Actions</th>" as HTML : "")</tr></thead><tbody>\(rejected)</tbody></table>
            """
        let explanation: HTML =
            "<p class=\"muted\">A scan's tags apply at once. Accepting one keeps it when later scans no longer find it; rejecting one removes it and keeps scans from adding it again.</p>"
        guard writer else { return HTML(joining: [explanation, current, rejectedTable]) }
        return """
            \(explanation)
            <form method="post" action="\(path)/tags/review">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            \(current)
            \(rejectedTable)
            </form>
            """
    }

    /// A tag on a column as one form value: base64url of `table`, `column` and `tag` joined by
    /// U+001F (which no name holds), so any name survives an HTML attribute and a form post.
    static func tagToken(table: String, column: String, tag: String) -> String {
        Data("\(table)\u{1F}\(column)\u{1F}\(tag)".utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The tag a ``tagToken(table:column:tag:)`` names, `nil` for anything else.
    static func tag(fromToken token: String) -> (table: String, column: String, tag: String)? {
        guard (1...1100).contains(token.utf8.count) else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (String(parts[0]), String(parts[1]), String(parts[2]))
    }
}
