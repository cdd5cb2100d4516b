// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartStorage

extension ConsolePages {
    /// The tenant's services, and the policies of the one chosen, fifty at a time.
    static func policies(
        _ viewer: Viewer, services: [PolicyObject], chosen: String?, policies: Page<PolicyObject>?, notice: String?, error: String? = nil,
        typedImport: String = ""
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let canWrite = viewer.permissions.contains(.policiesWrite)
        let serviceRows = services.map { service -> HTML in
            let query = service.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let current: HTML = service.name == chosen ? " aria-current=\"true\"" : ""
            return """
                <tr><td><a href="\(base)/policies?service=\(query)"\(current)>\(service.name)</a></td><td>\(service.ref)</td>
                <td><a href="\(base)/policies/export?service=\(query)">Ranger JSON</a></td></tr>
                """
        }
        let serviceTable: HTML =
            serviceRows.isEmpty
            ? "<p class=\"muted\">No services yet: import a Ranger export below or through the API (POST /v1/policies/import).</p>"
            : """
            <table><caption class="visually-hidden">Services</caption><thead><tr><th scope="col">Service</th><th scope="col">Type</th>
            <th scope="col">Export</th></tr></thead><tbody>\(serviceRows)</tbody></table>
            """
        var policySection: HTML = ""
        if let chosen, let policies {
            let rows = policies.items.map { row -> HTML in
                let summary = PolicySummary(row.document)
                return """
                    <tr><td><a href="\(base)/policies/\(row.id)">\(row.name)</a></td><td>\(row.id)</td><td>\(summary.typeLabel)</td>
                    <td>\(summary.enabled ? "enabled" : "disabled")</td><td>\(summary.resourceText)</td><td>\(summary.shapeText)</td></tr>
                    """
            }
            let query = chosen.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let create: HTML = canWrite ? "<p><a href=\"\(base)/policies/new?service=\(query)\">New policy</a></p>" : ""
            let next: HTML =
                policies.nextCursor.map { "<p><a href=\"\(base)/policies?service=\(query)&amp;after=\($0)\">Next page</a></p>" } ?? ""
            policySection = """
                <section class="wide" aria-labelledby="policies"><h2 id="policies">Policies of \(chosen)</h2>\(create)
                \(rows.isEmpty ? "<p class=\"muted\">No policies.</p>" as HTML : "")
                <table><caption class="visually-hidden">Policies of \(chosen)</caption><thead><tr><th scope="col">Name</th><th scope="col">Id</th>
                <th scope="col">Kind</th><th scope="col">State</th><th scope="col">Resources</th><th scope="col">Items</th></tr></thead>
                <tbody>\(rows)</tbody></table>\(next)</section>
                """
        }
        // The file picker needs the page's script (it reads the file into the box); without
        // JavaScript the export is pasted.
        let importSection: HTML =
            canWrite
            ? """
            <section class="panel wide" aria-labelledby="import"><h2 id="import">Import a Ranger export</h2>
            <form class="wide-form" method="post" action="\(base)/policies/import">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <p id="import-file-row" hidden><label for="import-file">Ranger export file</label>
            <input id="import-file" type="file" accept="application/json,.json"></p>
            <label for="export">Ranger export (JSON)</label>
            <textarea id="export" name="export" rows="8" spellcheck="false" aria-describedby="import-help">\(typedImport)</textarea>
            <p id="import-help" class="muted">A service's definition, the service and its policies, as Ranger's export or this console's
            "Ranger JSON" writes them. The service is replaced as a whole, in one policy write; refused while four eyes are required.</p>
            <button type="submit">Import</button>
            </form></section>
            """ : ""
        return layout(
            title: "Policies", viewer: viewer, current: .policies,
            head: canWrite ? "<script src=\"/console/assets/import.js\" defer></script>" : "",
            """
            <h1>Policies</h1>
            \(statusLine(notice))
            \(errorLine(error))
            <section aria-labelledby="services"><h2 id="services">Services</h2>\(serviceTable)</section>
            \(policySection)
            \(importSection)
            """)
    }

    /// A policy (or a new one): what it says, and its Ranger JSON, editable with `policies:write`.
    static func policyEditor(
        _ viewer: Viewer, service: String, policy: PolicyObject?, document: String, notice: String? = nil, error: String? = nil,
        submittedVersion: String? = nil
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let canWrite = viewer.permissions.contains(.policiesWrite)
        let action = policy.map { "\(base)/policies/\($0.id)" } ?? "\(base)/policies"
        let version = submittedVersion ?? policy.map { String($0.version) } ?? ""
        let summary = policy.map { PolicySummary($0.document) }
        let query = service.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let editor: HTML =
            canWrite
            ? """
            <form class="wide-form" method="post" action="\(action)">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <input type="hidden" name="version" value="\(version)">
            <label for="document">Ranger JSON</label>
            <textarea id="document" name="document" rows="28" spellcheck="false" aria-describedby="document-help">\(document)</textarea>
            <p id="document-help" class="muted">Allow items (<code>policyItems</code>), <code>denyPolicyItems</code>,
            <code>allowExceptions</code>, <code>denyExceptions</code>, masks (<code>policyType</code> 1, <code>dataMaskPolicyItems</code>),
            row filters (<code>policyType</code> 2, <code>rowFilterPolicyItems</code>) and <code>validitySchedules</code>, as Ranger writes
            them. Saved only if nobody changed the policy since this page was opened.</p>
            <button type="submit">\(policy == nil ? "Create policy" : "Save policy")</button>
            </form>
            """
            : "<pre class=\"document\">\(document)</pre>"
        let delete: HTML =
            canWrite && policy != nil
            ? """
            <form method="post" action="\(action)/delete">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <input type="hidden" name="version" value="\(version)">
            <button type="submit" class="quiet">Delete policy</button>
            </form>
            """ : ""
        let title = policy?.name ?? "New policy"
        return layout(
            title: title, viewer: viewer, current: .policies,
            """
            <p><a href="\(base)/policies?service=\(query)">Policies of \(service)</a></p>
            <h1>\(title)</h1>
            \(statusLine(notice))
            \(errorLine(error))
            \(summary.map { policySummary($0, policy: policy) } ?? "")
            \(canWrite && policy != nil ? "<p><a class=\"button\" href=\"\(action)/edit\">Edit in the form</a></p>" as HTML : "")
            \(editor)
            \(delete)
            """)
    }

    /// What a policy says, item by item.
    private static func policySummary(_ summary: PolicySummary, policy: PolicyObject?) -> HTML {
        let sections = summary.itemLists.map { list -> HTML in
            let rows = list.items.map { item -> HTML in
                "<tr><td>\(item.who)</td><td>\(item.what)</td><td>\(item.conditions)</td></tr>"
            }
            return """
                <h3>\(list.title)</h3>
                <table><caption class="visually-hidden">\(list.title)</caption><thead><tr><th scope="col">Who</th><th scope="col">May</th>
                <th scope="col">Conditions</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        return """
            <section aria-labelledby="summary"><h2 id="summary">What it says</h2>
            <dl>
            <dt>Kind</dt><dd>\(summary.typeLabel)</dd>
            <dt>State</dt><dd>\(summary.enabled ? "enabled" : "disabled")\(summary.denyAllElse ? ", denies everyone else" : "")</dd>
            <dt>Resources</dt><dd>\(summary.resourceText)</dd>
            <dt>Valid</dt><dd>\(summary.validityText)</dd>
            <dt>Version</dt><dd>\(policy.map { String($0.version) } ?? "-")</dd>
            </dl>
            \(sections.isEmpty ? "<p class=\"muted\">No items: it allows nobody anything.</p>" as HTML : HTML(joining: sections))</section>
            """
    }
}

/// A Ranger policy document read for people: its kind, resources, items and validity. Parsed
/// leniently, since it was validated when it was written.
struct PolicySummary {
    struct Item {
        var who: String
        var what: String
        var conditions: String
    }

    var typeLabel = "access"
    var enabled = true
    var denyAllElse = false
    var resourceText = ""
    var validityText = "always"
    var itemLists: [(title: String, items: [Item])] = []
    var shapeText: String { itemLists.map { "\($0.items.count) \($0.title.lowercased())" }.joined(separator: ", ") }

    init(_ document: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(document.utf8))) as? [String: Any] else { return }
        switch object["policyType"] as? Int ?? 0 {
        case 1: typeLabel = "masking"
        case 2: typeLabel = "row filter"
        default: typeLabel = "access"
        }
        enabled = object["isEnabled"] as? Bool ?? true
        denyAllElse = object["isDenyAllElse"] as? Bool ?? false
        let resources = object["resources"] as? [String: Any] ?? [:]
        resourceText = resources.keys.sorted().map { name -> String in
            let resource = resources[name] as? [String: Any] ?? [:]
            let values = (resource["values"] as? [String] ?? []).prefix(10).joined(separator: ", ")
            let excludes = resource["isExcludes"] as? Bool == true ? "not " : ""
            return "\(name) \(excludes)\(values)"
        }.joined(separator: "; ")
        if let schedules = object["validitySchedules"] as? [[String: Any]], !schedules.isEmpty {
            validityText = schedules.map { schedule in
                let start = schedule["startTime"] as? String ?? "…"
                let end = schedule["endTime"] as? String ?? "…"
                let zone = (schedule["timeZone"] as? String).map { " (\($0))" } ?? ""
                return "\(start) to \(end)\(zone)"
            }.joined(separator: "; ")
        }
        for (key, title) in [
            ("policyItems", "Allow"), ("denyPolicyItems", "Deny"), ("allowExceptions", "Allow exceptions"),
            ("denyExceptions", "Deny exceptions"), ("dataMaskPolicyItems", "Masks"), ("rowFilterPolicyItems", "Row filters"),
        ] {
            let items = (object[key] as? [[String: Any]] ?? []).prefix(200).map(Self.item)
            if !items.isEmpty { itemLists.append((title, Array(items))) }
        }
    }

    private static func item(_ item: [String: Any]) -> Item {
        var who: [String] = []
        who += (item["users"] as? [String] ?? []).map { "user \($0)" }
        who += (item["groups"] as? [String] ?? []).map { "group \($0)" }
        who += (item["roles"] as? [String] ?? []).map { "role \($0)" }
        var what = (item["accesses"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }.joined(separator: ", ")
        if item["delegateAdmin"] as? Bool == true { what += " (may delegate)" }
        if let mask = item["dataMaskInfo"] as? [String: Any] {
            let expression = (mask["valueExpr"] as? String).map { " \($0)" } ?? ""
            what += "; masked: \(mask["dataMaskType"] as? String ?? "?")\(expression)"
        }
        if let filter = item["rowFilterInfo"] as? [String: Any] {
            what += "; rows where \(filter["filterExpr"] as? String ?? "?")"
        }
        let conditions = (item["conditions"] as? [[String: Any]] ?? []).map { condition in
            "\(condition["type"] as? String ?? "?") \((condition["values"] as? [String] ?? []).joined(separator: ", "))"
        }.joined(separator: "; ")
        return Item(who: who.isEmpty ? "nobody" : who.joined(separator: ", "), what: what, conditions: conditions.isEmpty ? "-" : conditions)
    }
}
