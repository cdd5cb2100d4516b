// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartConnectors
import RampartCore

/// Discovery in the console (`discovery:read`): the tenant's datasources and tagging rules, a
/// datasource's scans and current tags; with `discovery:write`, adding a datasource, testing its
/// connection (the failure's code explained), starting a scan and writing tagging rules (held for a
/// second person when the tenant requires four eyes). Through ``Datasources``, ``Scans`` and
/// ``TaggingRuleWrites``, as `/v1/datasources`, `/v1/scans` and `/v1/tagging-rules` do.
extension ConsoleController {
    struct DatasourceFields: ConsoleForm {
        var csrf: String?
        var name: String?
        var kind: String?
        var path: String?
        var url: String?
        var rangerService: String?
    }

    struct TaggingRuleFields: ConsoleForm {
        var csrf: String?
        var dataClass: String?
        var minConfidence: String?
        var tag: String?
    }

    @Sendable func discovery(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .discoveryRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let notice = Self.notice(
            request,
            [
                "rule-created": "The tagging rule was created; it applies from the next scan.", "rule-deleted": "The tagging rule was deleted.",
                "held": "The change waits for a change approver (four eyes).",
            ])
        return try await discoveryPage(signedIn, notice: notice)
    }

    @Sendable func createDatasource(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(DatasourceFields.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        let blank: (String?) -> String? = { value in value.flatMap { $0.isEmpty ? nil : $0 } }
        let settings = DatasourceSettings(
            name: fields.name ?? "", kind: blank(fields.kind), path: blank(fields.path), url: blank(fields.url).map { Secret($0) },
            rangerService: blank(fields.rangerService))
        do {
            let source = try await datasources.create(settings, in: signedIn.tenant.id, audit: context.audit)
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/discovery/datasources/\(source.id)")
        } catch let error as RampartError where [422, 403, 409].contains(error.code.httpStatus) || error.field == "rangerService" {
            let typed = ConsolePages.DatasourceForm(
                name: fields.name ?? "", kind: fields.kind ?? "", path: fields.path ?? "", rangerService: fields.rangerService ?? "")
            // A Ranger service that does not exist is a mistake in the form, not a missing page.
            let status = error.code == .notFound ? 422 : error.code.httpStatus
            return try await discoveryPage(signedIn, error: error.message, typed: typed, status: HTTPResponse.Status(code: status))
        }
    }

    @Sendable func datasourceDetail(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .discoveryRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let notice = Self.notice(
            request,
            [
                "tags-accepted": "The tags are accepted.", "tags-rejected": "The tags are rejected and removed.",
                "tags-cleared": "The verdict is withdrawn.",
            ])
        return try await datasourcePage(id, signedIn, notice: notice)
    }

    /// The datasource page's tag form: `items[]` are the ticked tags with `action` the button
    /// under the table, or `one` is a row's own button (`accept <tag>`, `reject <tag>`,
    /// `clear <tag>`); a tag is ``ConsolePages/tagToken(table:column:tag:)``.
    struct TagReviewFields: ConsoleForm {
        var csrf: String?
        var items: [String]?
        var action: String?
        var one: String?
    }

    /// Accepts, rejects or clears the verdict on the ticked tags, or on one, through ``TagReviews`` as `POST /v1/tags/reviews`.
    @Sendable func reviewTags(_ request: Request, context: RampartRequestContext) async throws -> Response {
        // 500 ticked tags of long names fit in 1 MiB; the console's usual 16 KiB holds about 250.
        let post = try await posted(TagReviewFields.self, request, context: context, needs: .discoveryWrite, limit: 1 << 20)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let path = "/console/t/\(signedIn.tenant.slug)/discovery/datasources/\(id)"
        let chosen: (action: String, tokens: [String])
        if let one = fields.one, let space = one.firstIndex(of: " ") {
            chosen = (String(one[..<space]), [String(one[one.index(after: space)...])])
        } else {
            chosen = (fields.action ?? "", fields.items ?? [])
        }
        guard let action = TagReviews.Action(rawValue: chosen.action) else {
            return try await datasourcePage(id, signedIn, error: "Choose accept, reject or clear.", status: .unprocessableContent)
        }
        guard !chosen.tokens.isEmpty else {
            return try await datasourcePage(id, signedIn, error: "Tick the tags to \(action.rawValue) first.", status: .unprocessableContent)
        }
        let targets = chosen.tokens.prefix(TagReviews.maximumTargets + 1).map { token in
            ConsolePages.tag(fromToken: token).map { TagReviews.Target(datasourceID: id, table: $0.table, column: $0.column, tag: $0.tag) }
                ?? TagReviews.Target(datasourceID: id, table: "", column: "", tag: "")
        }
        do {
            _ = try await TagReviews(services: services, administration: administration, changes: changes).review(
                Array(targets), action: action, reviewer: signedIn.principal.actor, in: signedIn.tenant.id, audit: context.audit)
        } catch let error as RampartError where [404, 409, 422].contains(error.code.httpStatus) {
            return try await datasourcePage(id, signedIn, error: error.message, status: HTTPResponse.Status(code: error.code.httpStatus))
        }
        let done = ["accept": "tags-accepted", "reject": "tags-rejected", "clear": "tags-cleared"][action.rawValue] ?? ""
        return Self.redirect(to: "\(path)?done=\(done)")
    }

    /// Connects and says what came of it: the tables found, or the failure's code explained.
    @Sendable func testDatasource(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let outcome: ConsolePages.ConnectionTest
        do {
            outcome = .reached(tables: try await datasources.test(id, in: signedIn.tenant.id))
        } catch let error as ConnectorError {
            outcome = .failed(code: error.code.rawValue, message: error.message)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return try await datasourcePage(id, signedIn, test: outcome)
    }

    @Sendable func createTaggingRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TaggingRuleFields.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(let fields, let signedIn) = post else { return post.answer }
        do {
            let confidence = try fields.minConfidence.flatMap { text -> Double? in
                guard !text.isEmpty else { return nil }
                // A percentage from 0 to 100, bounded as text before it is a number.
                guard text.utf8.count <= 6, let percent = Double(text), percent.isFinite, (0...100).contains(percent) else {
                    throw RampartError.validation("must be a percentage from 0 to 100", field: "minConfidence")
                }
                return percent / 100
            }
            let draft = TaggingRules.Draft(dataClass: fields.dataClass ?? "", minConfidence: confidence, tag: fields.tag ?? "")
            let done: String
            switch try await taggingRuleWrites.create(draft, by: signedIn.principal, audit: context.audit) {
            case .made: done = "rule-created"
            case .held: done = "held"
            }
            return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/discovery?done=\(done)")
        } catch let error as RampartError where error.code.httpStatus == 422 || error.code == .conflict {
            let typed = ConsolePages.TaggingRuleForm(
                dataClass: fields.dataClass ?? "", minConfidence: fields.minConfidence ?? "", tag: fields.tag ?? "")
            return try await discoveryPage(
                signedIn, error: error.message, ruleTyped: typed, status: error.code == .conflict ? .conflict : .unprocessableContent)
        }
    }

    @Sendable func deleteTaggingRule(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let post = try await posted(TokenForm.self, request, context: context, needs: .discoveryWrite)
        guard case .accepted(_, let signedIn) = post else { return post.answer }
        guard let id = uuidParameter(context) else { return notFound() }
        let done: String
        do {
            switch try await taggingRuleWrites.delete(id, by: signedIn.principal, audit: context.audit) {
            case .made: done = "rule-deleted"
            case .held: done = "held"
            }
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
        return Self.redirect(to: "/console/t/\(signedIn.tenant.slug)/discovery?done=\(done)")
    }

    var taggingRuleWrites: TaggingRuleWrites { TaggingRuleWrites(rules: TaggingRules(services: services), changes: changes) }

    private func discoveryPage(
        _ signedIn: SignedIn, notice: String? = nil, error: String? = nil, typed: ConsolePages.DatasourceForm = .init(),
        ruleTyped: ConsolePages.TaggingRuleForm = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tenant = signedIn.tenant.id
        let sources = try await datasources.list(in: tenant, page: PageRequest(limit: PageRequest.maximumLimit))
        let rules = try await TaggingRules(services: services).list(in: tenant)
        return Self.page(
            ConsolePages.discovery(signedIn.viewer, sources, rules: rules, notice: notice, error: error, typed: typed, ruleTyped: ruleTyped),
            status: status)
    }

    func datasourcePage(
        _ id: String, _ signedIn: SignedIn, test: ConsolePages.ConnectionTest? = nil, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tenant = signedIn.tenant.id
        do {
            let source = try await datasources.get(id, in: tenant)
            let recent = try await scans.list(in: tenant, datasource: id, page: PageRequest(limit: 10))
            let tags = try await DiscoveredTags(services: services).assignments(in: tenant, datasource: id)
            let reviews = try await TagReviews(services: services, administration: administration, changes: changes).list(in: tenant, datasource: id)
            return Self.page(
                ConsolePages.datasource(
                    signedIn.viewer, source, scans: recent.items, tags: tags, reviews: reviews, test: test, notice: notice, error: error,
                    now: services.clock.now()),
                status: status)
        } catch let error as RampartError where error.code == .notFound {
            return notFound()
        }
    }
}
