// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartApp
import RampartCore
import RampartPolicyConformance

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Policy engine tools.", subcommands: [Conformance.self, Import.self])

    struct Conformance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Apache Ranger's policy-engine test files found under DIR; exit 1 on any failure.")

        @Argument(help: "Directory holding Ranger test files (test_policyengine_*.json, test_resourcematcher_*.json, …).")
        var directory: String

        func run() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("`\(directory)` is not a directory")
            }
            let report = ConformanceRunner.run(directory: URL(fileURLWithPath: directory).standardizedFileURL)
            print(report.rendered())
            if report.failed > 0 { throw ExitCode(1) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a Ranger policy export (with its serviceDef) into a tenant; the service's version is bumped.")

        @OptionGroup var storage: StorageOptions

        @Argument(help: "Ranger export JSON: {\"serviceDef\": {...}, \"service\": ..., \"policies\": [...]}.")
        var file: String

        @Option(help: "Tenant slug or id.")
        var tenant: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let selector = tenant
            let result = try await storage.withServices { services, audit in
                let tenant = try await TenantAdministration(services: services).find(selector)
                let administration = PolicyAdministration(
                    store: services.store, clock: services.clock, cache: nil, logger: Logger(label: "rampart-cli"))
                return try await PolicyImport.run(data, tenant: tenant.id, administration: administration, audit: audit)
            }
            print("imported \(result.policies) policies into service \(result.service) (version \(result.version))")
        }
    }
}
