// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

extension ConsolePages {
    /// What the "test a decision" form was filled with.
    struct DecisionForm {
        var service = ""
        var user = ""
        /// `name=value` a line, as the service definition names the resource's levels.
        var resource = ""
        var accessType = "select"
    }

    static func decisionTest(
        _ viewer: Viewer, services: [String], _ form: DecisionForm, answer: AccessDecision? = nil, error: String? = nil
    ) -> HTML {
        let options = services.map { name -> HTML in
            let selected: HTML = name == form.service ? " selected" : ""
            return "<option value=\"\(name)\"\(selected)>\(name)</option>"
        }
        let problem: HTML = errorLine(error)
        var result: HTML = ""
        if let answer {
            let verdict: HTML = answer.allowed ? "<strong class=\"allowed\">Allowed</strong>" : "<strong class=\"denied\">Denied</strong>"
            var facts: [HTML] = [
                "<dt>Decided by</dt><dd>\(answer.policyId.map { "policy \($0)" } ?? "no policy (default deny)")</dd>",
                "<dt>Policy version</dt><dd>\(answer.policyVersion)</dd>",
            ]
            if let reason = answer.reason { facts.append("<dt>Reason</dt><dd>\(reason)</dd>") }
            if let mask = answer.mask {
                facts.append("<dt>Mask</dt><dd>\(mask.type)\(mask.value.map { " (\($0))" } ?? "") from policy \(mask.policyId)</dd>")
            }
            if let filter = answer.rowFilter {
                facts.append("<dt>Row filter</dt><dd><code>\(filter.expression)</code> from policy \(filter.policyId)</dd>")
            }
            result = """
                <section aria-labelledby="answer" role="status"><h2 id="answer">Answer: \(verdict)</h2><dl>\(facts)</dl>
                <p class="muted">Asked like <code>POST /v1/authorize</code>, and recorded in the audit log like it.</p></section>
                """
        }
        return layout(
            title: "Test a decision", viewer: viewer, current: .decisions,
            """
            <h1>Test a decision</h1>
            \(result)
            <form class="panel wide-form" method="post" action="/console/t/\(viewer.tenantSlug)/decisions">
            \(problem)
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <label for="service">Service</label>
            <select id="service" name="service" required>\(options)</select>
            <label for="user">User</label>
            <input id="user" name="user" type="text" autocomplete="off" required value="\(form.user)">
            <label for="resource">Resource</label>
            <textarea id="resource" name="resource" rows="4" required aria-describedby="resource-help">\(form.resource)</textarea>
            <p id="resource-help" class="muted">One level a line, as the service definition names them: <code>database=sales</code>, <code>table=orders</code>, <code>column=email</code>.</p>
            <label for="accessType">Access</label>
            <input id="accessType" name="accessType" type="text" autocomplete="off" required value="\(form.accessType)">
            <button type="submit">Decide</button>
            </form>
            """)
    }
}
