// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage

extension ConsolePages {
    /// Filters of the audit page, as they were typed.
    struct AuditFilter {
        var actor = ""
        var outcome = ""
    }

    static func auditRecords(_ viewer: Viewer, _ page: Page<StoredAuditRecord>, filter: AuditFilter, query: String) -> HTML {
        let rows = page.items.map { entry -> HTML in
            let r = entry.record
            return """
                <tr><td><a href="/console/t/\(viewer.tenantSlug)/audit/\(r.seq)">\(r.seq)</a></td>
                <td>\(shortTime(milliseconds: r.time / 1000))</td><td>\(r.actorType)\(r.actorID.map { " …" + String($0.suffix(8)) } ?? "")</td>
                <td>\(String(r.operation.prefix(80)))</td><td>\(r.outcome)</td><td>\(r.status.map(String.init) ?? "")</td></tr>
                """
        }
        let outcomes = ["", "allowed", "denied", "error"].map { value -> HTML in
            let selected: HTML = value == filter.outcome ? " selected" : ""
            return "<option value=\"\(value)\"\(selected)>\(value.isEmpty ? "any" : value)</option>"
        }
        let next: HTML =
            page.nextCursor.map { "<p><a href=\"/console/t/\(viewer.tenantSlug)/audit?\(query)after=\($0)\">Next page</a></p>" } ?? ""
        return layout(
            title: "Audit log", viewer: viewer, current: .audit,
            """
            <h1>Audit log</h1>
            <form method="get" action="/console/t/\(viewer.tenantSlug)/audit" class="filters">
            <label for="actor">Actor id</label><input id="actor" name="actor" type="text" value="\(filter.actor)">
            <label for="outcome">Outcome</label><select id="outcome" name="outcome">\(outcomes)</select>
            <button type="submit">Filter</button>
            </form>
            <section><table><caption class="visually-hidden">Audit records, oldest first</caption>
            <thead><tr><th scope="col">Seq</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Operation</th>
            <th scope="col">Outcome</th><th scope="col">Status</th></tr></thead><tbody>\(rows)</tbody></table>\(next)</section>
            """)
    }

    /// How a record's inclusion in the signed log was checked.
    enum InclusionCheck {
        /// The proof leads from the record's own hash to the root of a checkpoint whose signature verified.
        case verified(treeSize: Int64, signedAt: Int64, keyID: String)
        /// No signed checkpoint covers the record yet.
        case notYetCovered
        /// Something did not verify: the log or the record was altered.
        case failed(String)
    }

    /// What the record page's script (`/console/assets/proof.js`) checks in the browser: the
    /// record's canonical bytes (whose hash is its leaf), the inclusion proof, the checkpoint's
    /// signed note, its signature and the tenant's public key, all base64.
    struct ProofEvidence {
        var record: String
        var leafIndex: Int64
        var treeSize: Int64
        var proof: [String]
        var note: String
        var signature: String
        var publicKey: String
        var keyID: String
    }

    /// Longest value shown of a record's field; the page's script compares a cut value as a prefix.
    static let longestShownField = 2000

    static func auditRecord(_ viewer: Viewer, _ entry: StoredAuditRecord, check: InclusionCheck, evidence: ProofEvidence?) -> HTML {
        let r = entry.record
        // One row per hashed field, named as the canonical encoding names it, so the script can
        // compare what the page shows with the bytes it hashed.
        let fields: [(label: String, field: String, value: String?)] = [
            ("Time", "time", Timestamp.rfc3339(microseconds: r.time)), ("Actor type", "actorType", r.actorType),
            ("Actor id", "actorID", r.actorID), ("Address", "sourceIP", r.sourceIP), ("Browser", "userAgent", r.userAgent),
            ("Method", "method", r.method), ("Path", "path", r.path), ("Operation", "operation", r.operation),
            ("Outcome", "outcome", r.outcome), ("Status", "status", r.status.map(String.init)), ("Entity type", "entityType", r.entityType),
            ("Entity id", "entityID", r.entityID), ("Service", "service", r.service), ("Resource", "resource", r.resource),
            ("Access", "accessType", r.accessType), ("Policy", "policyID", r.policyID),
            ("Policy version", "policyVersion", r.policyVersion.map(String.init)), ("Details", "details", r.details),
            ("Request id", "requestID", r.requestID), ("Batch id", "batchID", r.batchID),
        ]
        var list = fields.compactMap { label, field, value -> HTML? in
            guard let value, !value.isEmpty else { return nil }
            guard value.count > longestShownField else { return "<dt>\(label)</dt><dd data-field=\"\(field)\">\(value)</dd>" }
            return """
                <dt>\(label)</dt><dd><span data-field="\(field)" data-cut>\(String(value.prefix(longestShownField)))</span>
                <span class="muted">… (the first \(longestShownField) characters)</span></dd>
                """
        }
        list.append("<dt>Leaf hash</dt><dd><code>\(entry.leafHash.hex)</code></dd>")
        let verdict: HTML =
            switch check {
            case .verified(let size, let signedAt, let keyID):
                """
                <p class="allowed"><strong>Verified.</strong> This record is number \(r.seq) of the \(size) records of the checkpoint signed
                \(Timestamp.rfc3339(microseconds: signedAt)) with key <code>\(keyID)</code>: its Merkle inclusion proof leads from the
                record's own hash to the checkpoint's root, and the checkpoint's Ed25519 signature verified.</p>
                """
            case .notYetCovered:
                "<p class=\"muted\">No signed checkpoint covers this record yet; the next one will.</p>"
            case .failed(let reason):
                "<p class=\"denied\" role=\"alert\"><strong>Not verified:</strong> \(reason)</p>"
            }
        let browserCheck: HTML =
            evidence.map { e in
                """
                <section aria-labelledby="browser-proof" id="proof-check" data-seq="\(r.seq)" data-leaf-hash="\(entry.leafHash.hex)" data-record="\(e.record)"
                data-leaf-index="\(e.leafIndex)" data-tree-size="\(e.treeSize)" data-proof="\(e.proof.joined(separator: " "))"
                data-note="\(e.note)" data-signature="\(e.signature)" data-public-key="\(e.publicKey)" data-key-id="\(e.keyID)">
                <h2 id="browser-proof">Checked by your browser</h2>
                <p id="proof-verdict" role="status">Your browser checks this record itself, without trusting the server's verdict, when
                JavaScript is on.</p></section>
                """
            } ?? ""
        return layout(
            title: "Audit record \(r.seq)", viewer: viewer, current: .audit,
            head: evidence == nil ? "" : "<script src=\"/console/assets/proof.js\" defer></script>",
            """
            <h1>Audit record \(r.seq)</h1>
            <section aria-labelledby="proof"><h2 id="proof">Inclusion in the signed log</h2>\(verdict)</section>
            \(browserCheck)
            <section><dl>\(list)</dl></section>
            <p><a href="/console/t/\(viewer.tenantSlug)/audit">Back to the audit log</a></p>
            """)
    }
}
