// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy
import RampartStorage

/// The policy editor as a form (`policies:write`): a new policy of a service, or a stored one,
/// field by field. What is typed is laid over the stored document (``PolicyForm``) and written
/// through ``PolicyObjectWrites`` as the JSON editor and `/v1/policies` write it: the same
/// validation, the same version precondition, the same four eyes.
extension ConsoleController {
    /// A posted policy form: every field by name. The fields are numbered by the page
    /// (`allow.2.users`), so the form cannot be a fixed type.
    struct PolicyFormFields: ConsoleForm {
        /// A hundred items of a few dozen fields each is what the form can draw; more is not a
        /// person typing, and reading part of it could save part of a policy.
        static let maximumFields = 20_000
        var fields: [String: String]
        /// More fields than ``maximumFields``: none were read.
        var overflowed = false
        var csrf: String? { fields["csrf"] }

        private struct FieldName: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: FieldName.self)
            var fields: [String: String] = [:]
            let keys = container.allKeys
            if keys.count > Self.maximumFields {
                // The token alone, so the post is still known to be the viewer's and gets its answer.
                fields["csrf"] = try? container.decode(String.self, forKey: FieldName(stringValue: "csrf"))
                overflowed = true
            } else {
                for key in keys {
                    if let value = try? container.decode(String.self, forKey: key) { fields[key.stringValue] = value }
                }
            }
            self.fields = fields
        }
    }

    /// The service named `name`, its definition and the definition's version, or `nil` when
    /// either is missing. The form's fields are numbered by the definition's order, so a post
    /// carries the version it was drawn from and is refused when the definition has changed.
    private func serviceAndDefinition(
        _ name: String, in tenant: TenantID
    ) async throws -> (service: PolicyObject, definition: ServiceDef, version: Int64)? {
        guard !name.isEmpty, name.utf8.count <= 256,
            let service = try await PolicyObjects<ServiceKind>(administration: administration).get(named: name, in: tenant),
            let row = try await PolicyObjects<ServiceDefKind>(administration: administration).get(named: service.ref, in: tenant),
            let definition = try? JSONDecoder().decode(ServiceDef.self, from: Data(row.document.utf8))
        else { return nil }
        return (service, definition, row.version)
    }

    /// The policy type a query or form names, if the service has it; access otherwise.
    private static func policyType(_ raw: String?, in definition: ServiceDef) -> Policy.PolicyType {
        guard let raw, raw.utf8.count == 1, let number = Int(raw), let type = Policy.PolicyType(rawValue: number),
            PolicyFormShape.availableTypes(of: definition).contains(type)
        else { return .access }
        return type
    }

    /// `GET /console/t/{tenant}/policies/new?service=…[&type=1|2][&as=json]`: an empty form of
    /// the chosen kind, or the JSON editor's template.
    @Sendable func newPolicy(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .policiesWrite)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let name = request.uri.queryParameters["service"].map(String.init),
            let (service, definition, definitionVersion) = try await serviceAndDefinition(name, in: signedIn.tenant.id)
        else { return notFound() }
        let type = Self.policyType(request.uri.queryParameters["type"].map(String.init), in: definition)
        if request.uri.queryParameters["as"] == "json" {
            let template = try policyTemplate(service: service, definition: definition, type: type)
            return Self.page(ConsolePages.policyEditor(signedIn.viewer, service: service.name, policy: nil, document: template))
        }
        let shape = PolicyFormShape(definition: definition, policyType: type)
        var form = PolicyForm(policyType: type)
        if let first = shape.lists.first { form.addRow(to: first.rawValue, shape: shape) }
        return Self.page(
            ConsolePages.policyForm(
                signedIn.viewer, service: service.name, policy: nil, form: form, shape: shape, version: "", definitionVersion: definitionVersion))
    }

    /// `POST /console/t/{tenant}/policies/new`: creates the policy the form describes, or draws
    /// the form again with a row added or with the refusal beside what was typed.
    @Sendable func createPolicyFromForm(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(PolicyFormFields.self, request, context: context, needs: .policiesWrite, limit: policyFormLimit)
        guard case .accepted(let posted, let signedIn) = post else { return post.answer }
        if posted.overflowed { return Self.formTooLarge(signedIn) }
        guard let (service, definition, definitionVersion) = try await serviceAndDefinition(posted.fields["service"] ?? "", in: signedIn.tenant.id)
        else { return notFound() }
        let shape = PolicyFormShape(definition: definition, policyType: Self.policyType(posted.fields["policyType"], in: definition))
        var form = PolicyForm(posted: posted.fields, shape: shape, schedulesEditable: true)
        func again(_ error: String?, status: HTTPResponse.Status) -> Response {
            Self.page(
                ConsolePages.policyForm(
                    signedIn.viewer, service: service.name, policy: nil, form: form, shape: shape, version: "",
                    definitionVersion: definitionVersion, error: error),
                status: status)
        }
        guard posted.fields["definition"] == String(definitionVersion) else { return Self.definitionChanged(signedIn, service: service.name) }
        if let list = posted.fields["add"] {
            form.addRow(to: list, shape: shape)
            return again(nil, status: .ok)
        }
        let base: [String: JSONValue] = ["service": .string(service.name), "isAuditEnabled": .bool(true)]
        do {
            let json = form.document(over: base, shape: shape)
            switch try await policyWrites.create(json, by: signedIn.principal, audit: context.audit) {
            case .made(let written): return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies/\(written.object.id)?done=created")
            case .held: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies?done=held")
            }
        } catch let error as RampartError where Self.isRefusal(error) {
            return again(Self.describe(error), status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    /// `GET /console/t/{tenant}/policies/{id}/edit`: the stored policy in the form.
    @Sendable func editPolicy(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .policiesWrite)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = policyID(context), let stored = try await storedPolicy(id, in: signedIn.tenant.id) else { return notFound() }
        let form = PolicyForm(stored.policy)
        return Self.page(
            ConsolePages.policyForm(
                signedIn.viewer, service: stored.row.scope, policy: stored.row, form: form, shape: stored.shape, version: String(stored.row.version),
                definitionVersion: stored.definitionVersion))
    }

    /// `POST /console/t/{tenant}/policies/{id}/edit`: saves the form over the stored policy at
    /// the version the page showed (else 412), or draws it again with a row added or the refusal.
    @Sendable func savePolicyForm(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(PolicyFormFields.self, request, context: context, needs: .policiesWrite, limit: policyFormLimit)
        guard case .accepted(let posted, let signedIn) = post else { return post.answer }
        if posted.overflowed { return Self.formTooLarge(signedIn) }
        guard let id = policyID(context), let stored = try await storedPolicy(id, in: signedIn.tenant.id) else { return notFound() }
        let storedForm = PolicyForm(stored.policy)
        var form = PolicyForm(posted: posted.fields, shape: stored.shape, schedulesEditable: storedForm.schedulesEditable)
        let version = posted.fields["version"] ?? ""
        func again(_ error: String?, status: HTTPResponse.Status) -> Response {
            Self.page(
                ConsolePages.policyForm(
                    signedIn.viewer, service: stored.row.scope, policy: stored.row, form: form, shape: stored.shape, version: version,
                    definitionVersion: stored.definitionVersion, error: error),
                status: status)
        }
        guard posted.fields["definition"] == String(stored.definitionVersion) else {
            return Self.definitionChanged(signedIn, service: stored.row.scope)
        }
        // The form could not have drawn it faithfully, so it cannot have been edited in it.
        if let why = storedForm.uneditable { return again("This policy is edited as Ranger JSON: \(why).", status: .conflict) }
        if let list = posted.fields["add"] {
            form.addRow(to: list, shape: stored.shape)
            return again(nil, status: .ok)
        }
        // A save names the version it was drawn at; without one it would overwrite blindly.
        guard let precondition = Self.precondition(version) else {
            return again("The page carried no version of the policy; open it again.", status: .preconditionFailed)
        }
        do {
            let json = form.document(over: stored.document, shape: stored.shape)
            switch try await policyWrites.replace(id, with: json, precondition: precondition, by: signedIn.principal, audit: context.audit)
            {
            case .made: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies/\(id)?done=saved")
            case .held: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies?done=held")
            }
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where Self.isRefusal(error) {
            return again(Self.describe(error), status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    /// A stored policy: its row, its document, the typed policy and the form's shape for it.
    private func storedPolicy(
        _ id: Int64, in tenant: TenantID
    ) async throws -> (row: PolicyObject, document: [String: JSONValue], policy: Policy, shape: PolicyFormShape, definitionVersion: Int64)? {
        let row: PolicyObject
        do {
            row = try await policyObjects.get(id, in: tenant)
        } catch let error as RampartError where error.code == .notFound {
            return nil
        }
        guard let (_, definition, definitionVersion) = try await serviceAndDefinition(row.scope, in: tenant),
            let document = (try? RangerJSON.object(Data(row.document.utf8)))?.objectValue,
            let policy = try? JSONDecoder().decode(Policy.self, from: Data(row.document.utf8))
        else { return nil }
        return (row, document, policy, PolicyFormShape(definition: definition, policyType: policy.policyType), definitionVersion)
    }

    /// The answer to a form drawn from a service definition that has changed since: its fields
    /// are numbered by the old one's order, so reading them by the new one's could grant an
    /// access nobody ticked.
    private static func definitionChanged(_ signedIn: SignedIn, service: String) -> Response {
        let query = service.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return page(
            ConsolePages.message(
                title: "The service definition has changed",
                "The service's definition changed since this form was drawn, so its fields may no longer mean what they showed. Nothing was saved; open the policy again.",
                viewer: signedIn.viewer, link: ("/console/t/\(signedIn.tenant.slug)/policies?service=\(query)", "Policies of \(service)")),
            status: .conflict)
    }

    private static func formTooLarge(_ signedIn: SignedIn) -> Response {
        page(
            ConsolePages.message(
                title: "The form is too large", "The form had more than \(PolicyFormFields.maximumFields) fields; nothing was saved.",
                viewer: signedIn.viewer),
            status: .contentTooLarge)
    }

    /// A template for a new policy of `service` in the JSON editor: its first resource level,
    /// one item of the type's first list with its first access type.
    func policyTemplate(service: PolicyObject, definition: ServiceDef, type: Policy.PolicyType) throws -> String {
        let shape = PolicyFormShape(definition: definition, policyType: type)
        var form = PolicyForm(policyType: type)
        if let first = shape.resources.first { form.resources[first.name] = PolicyForm.ResourceField(values: "*") }
        if let list = shape.lists.first {
            form.lists[list] = [
                PolicyForm.Item(accesses: Set(shape.accessTypes.prefix(1).map { $0.name.lowercased() }), maskType: shape.maskTypes.first?.name ?? "")
            ]
        }
        let template = form.document(over: ["service": .string(service.name)], shape: shape)
        let data = try JSONEncoder().encode(template)
        return Self.pretty(String(decoding: data, as: UTF8.self))
    }
}
