// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Policies in the console (`policies:read`): the tenant's services and, for one service, its
/// policies fifty at a time; a policy's page shows what it says (items, deny items, exceptions,
/// masks, row filters, validity) beside its Ranger JSON. With `policies:write` a policy is
/// written in a form (`ConsoleController+PolicyForm.swift`) or as JSON: create, save (at the
/// version the page showed, else 412) and delete, through
/// ``PolicyObjectWrites`` as `/v1/policies` does, so a change waits for a change approver when
/// the tenant requires four eyes. A service's Ranger export is a download.
extension ConsoleController {
    struct PolicyFields: ConsoleForm {
        var csrf: String?
        var document: String?
        /// The version the page showed, for the write's precondition.
        var version: String?
    }

    var policyObjects: PolicyObjects<PolicyKind> { PolicyObjects(administration: administration) }

    /// The editor's form: a policy as large as the API takes, URL-encoded (up to three bytes a byte).
    var policyFormLimit: Int { min(services.maximumBodySize, 64 << 20) * 3 }
    var policyWrites: PolicyObjectWrites<PolicyKind> { PolicyObjectWrites(objects: policyObjects, changes: changes) }

    @Sendable func policyList(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .policiesRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let notice = Self.notice(
            request,
            [
                "deleted": "The policy was deleted.", "held": "The change waits for a change approver (four eyes).",
                "imported": "The Ranger export was imported: the service, its definition and its policies replace what was there.",
            ])
        let chosen = request.uri.queryParameters["service"].map(String.init)
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { Int64($0) != nil ? $0 : nil }
        return try await policiesPage(signedIn, chosen: chosen, after: after, notice: notice)
    }

    /// The form of an import: a Ranger export pasted (or read from a file by the page's script).
    struct ImportFields: ConsoleForm {
        var csrf: String?
        var export: String?
    }

    /// An import takes a Ranger export as large as `POST /v1/policies/import` does (16 MiB or
    /// the body limit), URL-encoded.
    var importFormLimit: Int { min(max(services.maximumBodySize, 16 << 20), 64 << 20) * 3 }

    /// Imports a Ranger export (service definition, service, policies) through ``PolicyImport``,
    /// as `POST /v1/policies/import` does; refused while the tenant requires four eyes.
    @Sendable func importPolicies(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(ImportFields.self, request, context: context, needs: .policiesWrite, limit: importFormLimit)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let text = fields.export ?? ""
        do {
            try await changes.refuseWhenRequired("a policy import replaces a whole service at once", in: signedIn.tenant.id)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw RampartError.validation("paste a Ranger export, or choose its file", field: "export")
            }
            let imported = try await PolicyImport.run(
                Data(text.utf8), tenant: signedIn.tenant.id, administration: administration, audit: context.audit)
            let query = imported.service.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies?service=\(query)&done=imported")
        } catch let error as RampartError where Self.isRefusal(error) {
            return try await policiesPage(
                signedIn, chosen: nil, after: nil, error: Self.describe(error), typedImport: text,
                status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    private func policiesPage(
        _ signedIn: SignedIn, chosen name: String?, after: String?, notice: String? = nil, error: String? = nil, typedImport: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tenant = signedIn.tenant.id
        let services = try await PolicyObjects<ServiceKind>(administration: administration).list(
            in: tenant, page: PageRequest(limit: PageRequest.maximumLimit)
        ).items
        let chosen = name.flatMap { name in services.first { $0.name == name } }
        var policies: Page<PolicyObject>?
        if let chosen {
            policies = try await policyObjects.list(in: tenant, scope: chosen.name, page: PageRequest(limit: 50, after: after))
        }
        return Self.page(
            ConsolePages.policies(
                signedIn.viewer, services: services, chosen: chosen?.name, policies: policies, notice: notice, error: error,
                typedImport: typedImport),
            status: status)
    }

    @Sendable func createPolicy(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(PolicyFields.self, request, context: context, needs: .policiesWrite, limit: policyFormLimit)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let text = fields.document ?? ""
        do {
            let json = try RangerJSON.object(Data(text.utf8))
            switch try await policyWrites.create(json, by: signedIn.principal, audit: context.audit) {
            case .made(let written): return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies/\(written.object.id)?done=created")
            case .held: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies?done=held")
            }
        } catch let error as RampartError where Self.isRefusal(error) {
            let service = json(text)?["service"] as? String ?? ""
            return Self.page(
                ConsolePages.policyEditor(signedIn.viewer, service: service, policy: nil, document: text, error: Self.describe(error)),
                status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    @Sendable func policyDetail(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .policiesRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = policyID(context) else { return notFound() }
        let notice = Self.notice(request, ["created": "The policy was created.", "saved": "The policy was saved."])
        do {
            let row = try await policyObjects.get(id, in: signedIn.tenant.id)
            return Self.page(
                ConsolePages.policyEditor(signedIn.viewer, service: row.scope, policy: row, document: Self.pretty(row.document), notice: notice))
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    @Sendable func savePolicy(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(PolicyFields.self, request, context: context, needs: .policiesWrite, limit: policyFormLimit)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = policyID(context) else { return notFound() }
        let text = fields.document ?? ""
        do {
            let json = try RangerJSON.object(Data(text.utf8))
            let precondition = Self.precondition(fields.version)
            switch try await policyWrites.replace(id, with: json, precondition: precondition, by: signedIn.principal, audit: context.audit) {
            case .made: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies/\(id)?done=saved")
            case .held: return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/policies?done=held")
            }
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where Self.isRefusal(error) {
            let row = try? await policyObjects.get(id, in: signedIn.tenant.id)
            return Self.page(
                ConsolePages.policyEditor(
                    signedIn.viewer, service: row?.scope ?? "", policy: row, document: text, error: Self.describe(error),
                    submittedVersion: fields.version),
                status: HTTPResponse.Status(code: error.code.httpStatus))
        }
    }

    @Sendable func deletePolicy(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(PolicyFields.self, request, context: context, needs: .policiesWrite, limit: policyFormLimit)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = policyID(context) else { return notFound() }
        let slug = signedIn.tenant.slug
        do {
            let service = try await policyObjects.get(id, in: signedIn.tenant.id).scope
            switch try await policyWrites.delete(id, precondition: Self.precondition(fields.version), by: signedIn.principal, audit: context.audit) {
            case .made:
                let query = service.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return Self.redirect(to: "/console/t/\(slug)/policies?service=\(query)&done=deleted")
            case .held: return Self.redirect(to: "/console/t/\(slug)/policies?done=held")
            }
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        } catch let error as RampartError where error.code == .preconditionFailed {
            return Self.page(
                ConsolePages.message(
                    title: "The policy has changed", "Someone changed the policy since you opened it; open it again.", viewer: signedIn.viewer,
                    link: ("/console/t/\(slug)/policies/\(id)", "Open the policy")), status: .preconditionFailed)
        }
    }

    /// A service's Ranger export (its definition, the service and its policies), as
    /// `GET /v1/policies/export` answers.
    @Sendable func exportPolicies(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .policiesRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let service = request.uri.queryParameters["service"].map(String.init), !service.isEmpty, service.utf8.count <= 256 else {
            return notFound()
        }
        do {
            let body = try await PolicyImport.export(service: service, tenant: signedIn.tenant.id, store: administration.store)
            var headers = Self.securityHeaders
            headers[.contentType] = "application/json"
            headers[.contentDisposition] =
                "attachment; filename=\"\(service.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }).json\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }

    /// The errors a person fixes in the editor (malformed JSON, a field, a conflict, a moved version).
    static func isRefusal(_ error: RampartError) -> Bool {
        [400, 409, 412, 422].contains(error.code.httpStatus)
    }

    /// An error as the editor says it: the message and the field it names.
    static func describe(_ error: RampartError) -> String {
        guard let field = error.field, !field.isEmpty else { return error.message }
        return "\(field): \(error.message)"
    }

    /// `If-Match` from the version field the page carried; none when it is missing or not a number.
    static func precondition(_ version: String?) -> VersionPrecondition? {
        guard let version, version.utf8.count <= 19, Int64(version) != nil else { return nil }
        return VersionPrecondition(entityTags: [version])
    }

    /// A stored document indented for reading and editing.
    static func pretty(_ document: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return document }
        // Foundation prints an empty array or object across three lines; people write `[]`.
        return String(decoding: data, as: UTF8.self).replacing(#/\[\s*\]/#, with: "[]").replacing(#/\{\s*\}/#, with: "{}")
    }

    /// The `{id}` path segment as a policy id, or `nil` when it cannot be one.
    func policyID(_ context: RampartRequestContext) -> Int64? {
        guard let raw = context.parameters.get("id"), raw.utf8.count <= 19, let id = Int64(raw), id > 0 else { return nil }
        return id
    }

    /// A JSON object's fields, or `nil`.
    func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}
