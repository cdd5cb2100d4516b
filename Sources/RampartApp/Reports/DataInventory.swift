// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartPolicy
import RampartStorage

/// The data inventory (a GDPR Art. 30-style record of processing): for each sensitive class
/// discovery found, where it lives (datasource, database, table, column, from the scans' tags),
/// which policies decide reading it, and who may read it unmasked.
///
/// "Who may read it" is asked of the policy engine, one decision per user and column, exactly as
/// `/v1/authorize` would answer `select` now (deny items, exceptions, tag policies, roles, zones
/// and validity all count); it is not read off policy syntax.
package struct DataInventory: Sendable {
    package let services: RampartServices
    package let decisions: Decisions

    package init(services: RampartServices, decisions: Decisions) {
        self.services = services
        self.decisions = decisions
    }

    /// The users asked about at most; a larger tenant's report says it was cut.
    package static let maximumUsers = 20_000
    /// Tagged columns reported at most.
    package static let maximumColumns = 5_000

    /// One tagged column and what the policies say about reading it.
    package struct Entry: Sendable, Equatable {
        package var dataClass: String
        package var tag: String
        package var confidence: Double
        package var datasource: String
        /// The Ranger service the datasource's policies are in; `nil`: none is linked, so no
        /// policy decides reading it through Rampart.
        package var service: String?
        package var database: String
        package var table: String
        package var column: String
        package var scanID: String
        package var taggedAt: Int64
        /// Policies that allowed, masked or denied a user's `select` of the column.
        package var allowingPolicies: [Int64]
        package var maskingPolicies: [Int64]
        package var denyingPolicies: [Int64]
        /// Users allowed to read the column in clear (no mask, or `MASK_NONE`); `nil` without a service.
        package var unmaskedReaders: [String]?
        /// How many users read it masked.
        package var maskedReaders: Int?
    }

    package struct Report: Sendable {
        package var generatedAt: Int64
        package var policyVersion: Int64
        /// Active users asked about.
        package var users: Int
        /// Whether users or columns were left out (see the maxima).
        package var truncated: Bool
        /// Ordered by class, then datasource, table and column.
        package var entries: [Entry]
    }

    /// The inventory of the tenant, of one class when given.
    package func build(in tenant: TenantID, dataClass: String? = nil) async throws -> Report {
        let (assignments, datasources, users, usersCut) = try await services.store.read { tx in
            let assignments = try await tx.tagAssignments(in: tenant, datasource: nil)
            var datasources: [String: Datasource] = [:]
            var page = PageRequest(limit: PageRequest.maximumLimit)
            while true {
                let found = try await tx.datasources(in: tenant, page: page)
                for datasource in found.items { datasources[datasource.id] = datasource }
                guard let next = found.nextCursor else { break }
                page.after = next
            }
            var users: [String] = []
            page = PageRequest(limit: PageRequest.maximumLimit)
            while users.count < Self.maximumUsers {
                let found = try await tx.users(in: tenant, page: page)
                users += found.items.filter { $0.status == .active }.map(\.username)
                guard let next = found.nextCursor else { break }
                page.after = next
            }
            return (assignments, datasources, Array(users.prefix(Self.maximumUsers)), users.count > Self.maximumUsers)
        }
        let wanted = assignments.filter { dataClass == nil || $0.dataClass == dataClass }
            .sorted { ($0.dataClass, $0.datasourceID, $0.table, $0.column, $0.tag) < ($1.dataClass, $1.datasourceID, $1.table, $1.column, $1.tag) }
        let set = try await decisions.cache.current(tenant)
        var entries: [Entry] = []
        for assignment in wanted.prefix(Self.maximumColumns) {
            let datasource = datasources[assignment.datasourceID]
            let service = datasource?.config.rangerService.flatMap { set.services[$0] != nil ? $0 : nil }
            var entry = Entry(
                dataClass: assignment.dataClass, tag: assignment.tag, confidence: assignment.confidence,
                datasource: datasource?.name ?? assignment.datasourceID, service: service, database: assignment.database,
                table: assignment.table, column: assignment.column, scanID: assignment.scanID, taggedAt: assignment.assignedAt,
                allowingPolicies: [], maskingPolicies: [], denyingPolicies: [], unmaskedReaders: nil, maskedReaders: nil)
            if let service, !users.isEmpty {
                try await readers(of: assignment, service: service, users: users, in: tenant, into: &entry)
            }
            entries.append(entry)
        }
        return Report(
            generatedAt: services.clock.now(), policyVersion: set.version, users: users.count,
            truncated: usersCut || wanted.count > Self.maximumColumns, entries: entries)
    }

    /// Asks the engine, for every user, whether `select` of the column is allowed and masked.
    private func readers(
        of assignment: TagAssignment, service: String, users: [String], in tenant: TenantID, into entry: inout Entry
    )
        async throws
    {
        let resource = ["database": assignment.database, "table": assignment.table, "column": assignment.column]
        let questions = users.map { DecisionQuestion(service: service, user: $0, resource: resource, accessType: "select") }
        let answers = try await decisions.unrecordedAnswers(questions, tenant: tenant)
        var unmasked: [String] = []
        var masked = 0
        var allowing: Set<Int64> = []
        var masking: Set<Int64> = []
        var denying: Set<Int64> = []
        for (user, answer) in zip(users, answers) {
            guard answer.allowed else {
                if let policy = answer.policyId, policy >= 0 { denying.insert(policy) }
                continue
            }
            if let policy = answer.policyId, policy >= 0 { allowing.insert(policy) }
            if let mask = answer.mask, mask.type != "MASK_NONE" {
                masked += 1
                masking.insert(mask.policyId)
            } else {
                unmasked.append(user)
                if let mask = answer.mask { masking.insert(mask.policyId) }
            }
        }
        entry.allowingPolicies = allowing.sorted()
        entry.maskingPolicies = masking.sorted()
        entry.denyingPolicies = denying.sorted()
        entry.unmaskedReaders = unmasked.sorted()
        entry.maskedReaders = masked
    }
}
