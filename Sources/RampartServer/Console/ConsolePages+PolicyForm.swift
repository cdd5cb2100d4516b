// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy
import RampartStorage

extension ConsolePages {
    /// The policy editor as a form, one field per thing a policy says: name and state, the
    /// service's resources in level order, the item lists of the policy's type (who, which
    /// accesses, conditions, a mask or a row filter), and validity windows. Rows are added by a
    /// submit button that draws the form again, so it works without JavaScript.
    static func policyForm(
        _ viewer: Viewer, service: String, policy: PolicyObject?, form: PolicyForm, shape: PolicyFormShape, version: String,
        definitionVersion: Int64, error: String? = nil
    ) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let query = service.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let action = policy.map { "\(base)/policies/\($0.id)/edit" } ?? "\(base)/policies/new"
        let kindLabel = Self.kindLabel(shape.policyType)
        let title = policy.map { "Edit \($0.name)" } ?? "New \(kindLabel) policy"
        let save: HTML = policy == nil ? "Create policy" : "Save policy"
        let identity: HTML =
            policy == nil
            ? """
            <input type="hidden" name="service" value="\(service)">
            <input type="hidden" name="policyType" value="\(shape.policyType.rawValue)">
            """ : ""
        let kinds: HTML =
            policy == nil && shape.availableTypes.count > 1
            ? """
            <p>Kind: \(HTML(joining: shape.availableTypes.enumerated().map { index, type -> HTML in
                let current: HTML = type == shape.policyType ? " aria-current=\"page\"" : ""
                let separator: HTML = index == 0 ? "" : " · "
                return "\(separator)<a href=\"\(base)/policies/new?service=\(query)&amp;type=\(type.rawValue)\"\(current)>\(Self.kindLabel(type))</a>"
            }))</p>
            """ : ""
        let denyAllElse: HTML =
            shape.policyType == .access
            ? "<label class=\"choice\"><input type=\"checkbox\" name=\"denyAllElse\"\(checked(form.denyAllElse))> Deny everyone and every access not allowed here</label>"
            : ""
        let json: HTML =
            policy.map { "<p><a href=\"\(base)/policies/\($0.id)\">Its summary and Ranger JSON</a></p>" }
            ?? "<p><a href=\"\(base)/policies/new?service=\(query)&amp;type=\(shape.policyType.rawValue)&amp;as=json\">Write it as Ranger JSON instead</a></p>"
        if let why = form.uneditable {
            return layout(
                title: title, viewer: viewer, current: .policies,
                """
                <p><a href="\(base)/policies?service=\(query)">Policies of \(service)</a></p>
                <h1>\(title)</h1>
                \(errorLine(error))
                <p class="notice">This policy cannot be edited in the form without changing what it means: \(why).
                Edit it as Ranger JSON.</p>
                \(json)
                """)
        }
        return layout(
            title: title, viewer: viewer, current: .policies,
            """
            <p><a href="\(base)/policies?service=\(query)">Policies of \(service)</a></p>
            <h1>\(title)</h1>
            \(kinds)
            \(errorLine(error))
            <form class="wide-form policy-form" method="post" action="\(action)">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <input type="hidden" name="version" value="\(version)">
            <input type="hidden" name="definition" value="\(definitionVersion)">
            \(identity)
            <button type="submit" name="save" value="1">\(save)</button>
            <fieldset><legend>Policy</legend>
            <label for="f-name">Name</label>
            <input type="text" id="f-name" name="name" value="\(form.name)" maxlength="255">
            <label for="f-description">Description</label>
            <textarea id="f-description" name="description" rows="2">\(form.description)</textarea>
            <label class="choice"><input type="checkbox" name="enabled"\(checked(form.enabled))> Enabled</label>
            <label class="choice"><input type="checkbox" name="overrides"\(checked(form.overrides))> Overrides normal policies (Ranger's override priority)</label>
            \(denyAllElse)
            </fieldset>
            \(resourceFields(form, shape: shape))
            \(HTML(joining: shape.lists.map { itemList($0, form: form, shape: shape) }))
            \(validityFields(form))
            <button type="submit" name="save" value="1">\(save)</button>
            </form>
            \(json)
            """)
    }

    private static func kindLabel(_ type: Policy.PolicyType) -> String {
        switch type {
        case .dataMask: "masking"
        case .rowFilter: "row-filter"
        case .access, .audit: "access"
        }
    }

    private static func checked(_ on: Bool) -> HTML { on ? " checked" : "" }

    private static func resourceFields(_ form: PolicyForm, shape: PolicyFormShape) -> HTML {
        let rows = shape.resources.enumerated().map { index, resource -> HTML in
            let field = form.resources[resource.name] ?? PolicyForm.ResourceField()
            let label = resource.label.flatMap { $0.isEmpty ? nil : $0 } ?? resource.name
            let parent: HTML = resource.parent.map { " (under \($0))" } ?? ""
            let excludes: HTML =
                resource.excludesSupported || field.excludes
                ? "<label class=\"choice\"><input type=\"checkbox\" name=\"resource.\(index).excludes\"\(checked(field.excludes))> Every \(resource.name) except these</label>"
                : ""
            let recursive: HTML =
                resource.recursiveSupported || field.recursive
                ? "<label class=\"choice\"><input type=\"checkbox\" name=\"resource.\(index).recursive\"\(checked(field.recursive))> And everything below</label>"
                : ""
            return """
                <div class="resource"><label for="f-resource-\(index)">\(label)\(parent)</label>
                <textarea class="values" rows="1" id="f-resource-\(index)" name="resource.\(index).values" aria-describedby="f-resources-help">\(field.values)</textarea>
                \(excludes)\(recursive)</div>
                """
        }
        return """
            <fieldset><legend>Resources</legend>
            <p id="f-resources-help" class="muted">Fill in one path of the hierarchy from the top (for example database, table, column)
            and leave the rest empty. Values are separated by commas (a value holding a comma is written in the
            Ranger JSON); <code>*</code> and <code>?</code> match any text and any one character.</p>
            \(rows)
            </fieldset>
            """
    }

    private static func itemList(_ kind: PolicyForm.ListKind, form: PolicyForm, shape: PolicyFormShape) -> HTML {
        let items = form.lists[kind] ?? []
        let help: HTML =
            switch kind {
            case .allow: "Who may do what on these resources."
            case .deny: "Who may not, whatever an allow item says."
            case .allowExceptions: "Who an allow item does not cover after all."
            case .denyExceptions: "Who a deny item does not cover after all."
            case .masks: "Who sees a column's values masked, and how; the first item that matches a person applies."
            case .rowFilters: "Which rows a person sees, as a SQL condition; the first item that matches a person applies."
            }
        let adding: HTML =
            items.count < PolicyForm.maximumRows
            ? "<button type=\"submit\" class=\"secondary\" name=\"add\" value=\"\(kind.rawValue)\">Add \(kind.itemTitle.lowercased())</button>" : ""
        return """
            <fieldset class="items"><legend>\(kind.title)</legend>
            <p class="muted">\(help) Empty items are left out; tick Remove to drop one.</p>
            \(HTML(joining: items.enumerated().map { index, item in itemFields(kind, index: index, item: item, shape: shape) }))
            \(adding)
            </fieldset>
            """
    }

    private static func itemFields(_ kind: PolicyForm.ListKind, index: Int, item: PolicyForm.Item, shape: PolicyFormShape) -> HTML {
        let name = "\(kind.rawValue).\(index)"
        let id = "f-\(kind.rawValue)-\(index)"
        let accesses: HTML =
            shape.accessTypes.isEmpty
            ? """
            <label for="\(id)-accesses">Accesses</label>
            <textarea class="values" rows="1" id="\(id)-accesses" name="\(name).accesses">\(item.otherAccesses)</textarea>
            """
            : """
            <fieldset class="accesses"><legend>Accesses</legend>\(HTML(joining: shape.accessTypes.enumerated().map { access, type -> HTML in
                let label = type.label.flatMap { $0.isEmpty ? nil : $0 } ?? type.name
                return "<label class=\"choice\"><input type=\"checkbox\" name=\"\(name).access.\(access)\"\(checked(item.accesses.contains(type.name.lowercased())))> \(label)</label>"
            }))</fieldset>
            """
        let conditions = shape.conditions.enumerated().map { condition, definition -> HTML in
            let label = definition.label.flatMap { $0.isEmpty ? nil : $0 } ?? definition.name
            return """
                <label for="\(id)-condition-\(condition)">Condition: \(label)</label>
                <textarea class="values" rows="1" id="\(id)-condition-\(condition)" name="\(name).condition.\(condition)">\(item.conditions[definition.name] ?? "")</textarea>
                """
        }
        let specific: HTML
        switch kind {
        case .masks:
            let options = shape.maskTypes.map { type -> HTML in
                let label = type.label.flatMap { $0.isEmpty ? nil : $0 } ?? type.name
                let selected: HTML = type.name == item.maskType ? " selected" : ""
                return "<option value=\"\(type.name)\"\(selected)>\(label)</option>"
            }
            specific = """
                <label for="\(id)-mask">Mask</label>
                <select id="\(id)-mask" name="\(name).maskType"><option value="">Choose a mask</option>\(options)</select>
                <label for="\(id)-expression">Expression (for a custom mask, <code>{col}</code> is the value)</label>
                <textarea rows="1" id="\(id)-expression" name="\(name).maskExpression">\(item.maskExpression)</textarea>
                <label for="\(id)-when">Only when (a condition expression; empty: always)</label>
                <textarea rows="1" id="\(id)-when" name="\(name).maskCondition">\(item.maskCondition)</textarea>
                """
        case .rowFilters:
            specific = """
                <label for="\(id)-filter">Rows where</label>
                <input type="text" id="\(id)-filter" name="\(name).filter" value="\(item.filter)">
                """
        default:
            specific =
                "<label class=\"choice\"><input type=\"checkbox\" name=\"\(name).delegateAdmin\"\(checked(item.delegateAdmin))> May administer this policy (delegate admin)</label>"
        }
        return """
            <fieldset class="item"><legend>\(kind.itemTitle) \(index + 1)</legend>
            <input type="hidden" name="\(name).present" value="1">
            <div class="who">
            <div><label for="\(id)-users">Users</label><textarea class="values" rows="1" id="\(id)-users" name="\(name).users">\(item.users)</textarea></div>
            <div><label for="\(id)-groups">Groups</label><textarea class="values" rows="1" id="\(id)-groups" name="\(name).groups">\(item.groups)</textarea></div>
            <div><label for="\(id)-roles">Roles</label><textarea class="values" rows="1" id="\(id)-roles" name="\(name).roles">\(item.roles)</textarea></div>
            </div>
            \(accesses)
            \(specific)
            \(conditions)
            <label class="choice"><input type="checkbox" name="\(name).remove"> Remove this item</label>
            </fieldset>
            """
    }

    private static func validityFields(_ form: PolicyForm) -> HTML {
        guard form.schedulesEditable else {
            return """
                <fieldset><legend>Valid</legend><p>This policy's validity repeats (recurrences), which this form cannot show;
                it is kept as it is. Change it in the Ranger JSON.</p></fieldset>
                """
        }
        let rows = form.schedules.enumerated().map { index, schedule -> HTML in
            let id = "f-schedule-\(index)"
            return """
                <fieldset class="item"><legend>Window \(index + 1)</legend>
                <input type="hidden" name="schedule.\(index).present" value="1">
                <div class="who">
                <div><label for="\(id)-start">From</label><input type="text" id="\(id)-start" name="schedule.\(index).start" value="\(schedule.start)" placeholder="2027/01/31 09:00:00" aria-describedby="f-validity-help"></div>
                <div><label for="\(id)-end">Until</label><input type="text" id="\(id)-end" name="schedule.\(index).end" value="\(schedule.end)" placeholder="2027/03/31 18:00:00" aria-describedby="f-validity-help"></div>
                <div><label for="\(id)-zone">Time zone</label><input type="text" id="\(id)-zone" name="schedule.\(index).zone" value="\(schedule.zone)" placeholder="Europe/Berlin"></div>
                </div>
                <label class="choice"><input type="checkbox" name="schedule.\(index).remove"> Remove this window</label>
                </fieldset>
                """
        }
        let adding: HTML =
            form.schedules.count < PolicyForm.maximumRows
            ? "<button type=\"submit\" class=\"secondary\" name=\"add\" value=\"schedule\">Add a window</button>" : ""
        return """
            <fieldset class="items"><legend>Valid</legend>
            <p id="f-validity-help" class="muted">With no window the policy is always valid. Times as <code>yyyy/MM/dd HH:mm:ss</code>;
            either end may stay empty; without a time zone they are UTC.</p>
            \(rows)
            \(adding)
            </fieldset>
            """
    }
}
