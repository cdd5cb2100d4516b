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

    static func auditRecord(_ viewer: Viewer, _ entry: StoredAuditRecord, check: InclusionCheck) -> HTML {
        let r = entry.record
        var facts: [(String, String?)] = [
            ("Time", Timestamp.rfc3339(microseconds: r.time)), ("Actor", [r.actorType, r.actorID].compactMap { $0 }.joined(separator: " ")),
            ("Address", r.sourceIP), ("Browser", r.userAgent), ("Request", [r.method, r.path].compactMap { $0 }.joined(separator: " ")),
            ("Operation", r.operation), ("Outcome", r.outcome), ("Status", r.status.map(String.init)),
            ("Entity", [r.entityType, r.entityID].compactMap { $0 }.joined(separator: " ")), ("Service", r.service),
            ("Resource", r.resource), ("Access", r.accessType), ("Policy", r.policyID), ("Details", r.details),
            ("Request id", r.requestID), ("Leaf hash", entry.leafHash.hex),
        ]
        facts.removeAll { ($0.1 ?? "").isEmpty }
        let list = facts.map { fact -> HTML in "<dt>\(fact.0)</dt><dd>\(String((fact.1 ?? "").prefix(2000)))</dd>" }
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
        return layout(
            title: "Audit record \(r.seq)", viewer: viewer, current: .audit,
            """
            <h1>Audit record \(r.seq)</h1>
            <section aria-labelledby="proof"><h2 id="proof">Inclusion in the signed log</h2>\(verdict)</section>
            <section><dl>\(list)</dl></section>
            <p><a href="/console/t/\(viewer.tenantSlug)/audit">Back to the audit log</a></p>
            """)
    }
}
