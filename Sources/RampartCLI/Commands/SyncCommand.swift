// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartApp
import RampartConnectors
import RampartCore

/// `rampart sync plan|apply|rotate-mask-key`: enforcement of a tenant's policies inside one of its PostgreSQL
/// datasources, through the same use case as `/v1/datasources/{id}/sync/*`.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Enforce a tenant's policies inside a PostgreSQL datasource (grants, row security, masking views).",
        subcommands: [Plan.self, Apply.self, RotateMaskKey.self])

    /// The sync use case over the command's services, as `serve` builds it.
    static func policySync(_ services: RampartServices, outbound: OutboundAddressPolicy) -> PolicySync {
        PolicySync(
            services: services, policies: PolicySnapshotCache(store: services.store, logger: Logger(label: "rampart.sync")),
            paths: DatasourcePathPolicy(), destinations: OutboundDestinations(policy: outbound))
    }

    struct Target: ParsableArguments {
        @OptionGroup var storage: StorageOptions

        @Option(help: "The tenant's slug.")
        var tenant: String

        @Option(help: "The datasource's name.")
        var datasource: String

        @Option(
            name: .customLong("outbound-allow"),
            help: "A network (CIDR) the datasource may be on although internal (repeatable; also RAMPART_OUTBOUND_ALLOW).")
        var outboundAllow: [String] = []

        @Flag(help: "Print the plan as JSON.")
        var json = false

        /// Runs the plan or the apply and prints it.
        func run(applying: Bool) async throws {
            let policy = try ServeCommand.outboundPolicy(flags: outboundAllow, environment: ProcessInfo.processInfo.environment)
            let tenantReference = tenant
            let name = datasource
            let result = try await storage.withServices { services, audit in
                let sync = SyncCommand.policySync(services, outbound: policy)
                let tenant = try await TenantAdministration(services: services).find(tenantReference)
                let datasource = try await sync.datasource(named: name, in: tenant.id)
                guard applying else { return try await sync.plan(datasource.id, in: tenant.id) }
                let facts = audit.current
                return try await sync.apply(datasource.id, in: tenant.id, by: AuditActor(type: facts.actorType, id: facts.actorID))
            }
            let report = EnforcementReport(result)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            for statement in report.statements { print(statement.sql + ";") }
            for finding in report.findings {
                let place = [finding.table, finding.role.map { "role \($0)" }, finding.policyId.map { "policy \($0)" }].compactMap { $0 }
                print("-- \(finding.code)\(place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"): \(finding.message)")
            }
            let counts = report.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let verb = applying ? (report.statements.isEmpty ? "nothing to apply" : "applied") : (report.statements.isEmpty ? "no changes" : "plan")
            print(
                "\(verb): \(report.statements.count) statements\(counts.isEmpty ? "" : " (\(counts))"), \(report.findings.count) findings; "
                    + "\(report.tables) tables, \(report.roles) roles, policy version \(report.policyVersion)")
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the SQL that would bring the database in line with the policies.")
        @OptionGroup var target: Target
        func run() async throws { try await target.run(applying: false) }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the plan in one transaction: all of it takes effect or none.")
        @OptionGroup var target: Target
        func run() async throws { try await target.run(applying: true) }
    }

    struct RotateMaskKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-mask-key",
            abstract: "Replace the datasource's MASK_HASH key with a fresh one; the database gets it at the next apply.")
        @OptionGroup var storage: StorageOptions

        @Option(help: "The tenant's slug.")
        var tenant: String

        @Option(help: "The datasource's name.")
        var datasource: String

        func run() async throws {
            let tenantReference = tenant
            let name = datasource
            let rotated = try await storage.withServices { services, audit in
                // A rotation writes the keyring only; it connects to nothing.
                let sync = SyncCommand.policySync(services, outbound: .init())
                let tenant = try await TenantAdministration(services: services).find(tenantReference)
                let datasource = try await sync.datasource(named: name, in: tenant.id)
                let facts = audit.current
                return try await sync.rotateMaskKey(datasource.id, in: tenant.id, by: AuditActor(type: facts.actorType, id: facts.actorID))
            }
            print(
                "rotated the masking key of datasource \(name) (new key \(rotated.fingerprint)); "
                    + "the database gets it at the next `rampart sync apply`")
        }
    }
}
