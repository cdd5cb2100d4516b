// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartCore

/// "Test a decision": the question `POST /v1/authorize` answers, asked from a form through the
/// same use case (``Decisions``), so the answer, the permission it needs and its audit record are
/// the API's.
extension ConsoleController {
    struct DecisionFields: ConsoleForm {
        var csrf: String?
        var service: String?
        var user: String?
        var resource: String?
        var accessType: String?
    }

    /// Resource levels a form may name at most (Ranger's deepest service definitions have five).
    static let maximumResourceLevels = 16

    @Sendable func decisionTest(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .decisionsRequest)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let services = try await policies.current(signedIn.tenant.id).services.keys.sorted()
        return Self.page(ConsolePages.decisionTest(signedIn.viewer, services: services, ConsolePages.DecisionForm(service: services.first ?? "")))
    }

    @Sendable func decide(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(DecisionFields.self, request, context: context, needs: .decisionsRequest)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let services = try await policies.current(signedIn.tenant.id).services.keys.sorted()
        let form = ConsolePages.DecisionForm(
            service: fields.service ?? "", user: fields.user ?? "", resource: fields.resource ?? "", accessType: fields.accessType ?? "")
        let refused = { (message: String) in
            Self.page(ConsolePages.decisionTest(signedIn.viewer, services: services, form, error: message), status: .unprocessableContent)
        }
        guard let resource = Self.resource(form.resource) else {
            return refused(
                "Write the resource as name=value, one level a line, at most \(Self.maximumResourceLevels) levels (names up to 128 characters).")
        }
        guard !form.user.isEmpty, form.user.count <= 256 else { return refused("Name the user the question is about.") }
        let question = DecisionQuestion(service: form.service, user: form.user, resource: resource, accessType: form.accessType)
        do {
            let answer = try await Decisions(services: self.services, cache: policies).authorize(
                question, tenant: signedIn.tenant.id, audit: context.audit)
            return Self.page(ConsolePages.decisionTest(signedIn.viewer, services: services, form, answer: answer))
        } catch let error as RampartError where error.code == .validationFailed || error.code == .notFound {
            return refused(error.message)
        }
    }

    /// `name=value` lines as a resource; `nil` when a line is not one or there are too many.
    static func resource(_ text: String) -> [String: String]? {
        var resource: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else { return nil }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard (1...128).contains(name.count), value.count <= 1024, resource[name] == nil else { return nil }
            resource[name] = value
        }
        return resource.isEmpty || resource.count > maximumResourceLevels ? nil : resource
    }
}
