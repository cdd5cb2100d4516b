// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Crypto
import Foundation
import RampartApp
import RampartAuditLog
import RampartCore
import RampartStorage

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify, export and checkpoint the tamper-evident audit log.",
        subcommands: [Verify.self, Export.self, Checkpoint.self])

    /// The platform's own log is addressed as `--tenant platform`.
    static func tenantID(_ selector: String, services: RampartServices) async throws -> TenantID {
        if selector == "platform" { return .platform }
        return try await TenantAdministration(services: services).find(selector).id
    }

    static func printReport(_ report: VerificationReport, label: String) {
        for finding in report.findings { print("FAIL \(finding)") }
        if report.findingsOmitted > 0 { print("FAIL … and \(report.findingsOmitted) more findings") }
        let verdict = report.ok ? "OK" : "TAMPERED"
        print(
            "\(verdict): \(label): \(report.recordsChecked) records, \(report.checkpointsVerified)/\(report.checkpointsChecked) checkpoints verified, signed through seq \(report.verifiedThroughSize)"
        )
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute a tenant's Merkle tree and check every checkpoint signature (or verify an export offline). Exits 1 on any finding.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Tenant slug or id (`platform` for the operator's log).")
        var tenant: String?

        @Option(help: "Verify this export file (from `rampart audit export`) instead of the database.")
        var export: String?

        @Option(name: .customLong("public-key"), help: "Trusted Ed25519 public key (base64, or a file holding it). Required with --export.")
        var publicKey: String?

        func validate() throws {
            if export == nil && tenant == nil { throw ValidationError("give --tenant, or --export with --public-key") }
            if export != nil && publicKey == nil { throw ValidationError("--export needs --public-key") }
        }

        func run() async throws {
            let trusted = try publicKey.map { try [AuditVerification.publicKey(Self.keyText($0))] }
            let report: VerificationReport
            let label: String
            if let export {
                guard let data = FileManager.default.contents(atPath: export) else {
                    throw RampartError(.badRequest, "cannot read export file `\(export)`")
                }
                let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
                report = AuditExport.verify(lines: lines, trustedKeys: trusted ?? [])
                label = "export \(export)"
            } else {
                let selector = tenant ?? ""
                report = try await storage.withServices { services, _ in
                    let id = try await AuditCommand.tenantID(selector, services: services)
                    return try await AuditVerification.verify(store: services.store, tenant: id, trustedKeys: trusted)
                }
                label = "tenant \(selector)"
            }
            AuditCommand.printReport(report, label: label)
            if !report.ok { throw ExitCode(1) }
        }

        static func keyText(_ value: String) -> String {
            if FileManager.default.fileExists(atPath: value), let data = FileManager.default.contents(atPath: value) {
                return String(decoding: data, as: UTF8.self)
            }
            return value
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a tenant's records (by sequence number) as JSON lines with checkpoints and proofs to stdout.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Tenant slug or id (`platform` for the operator's log).")
        var tenant: String

        @Option(help: "First sequence number (default 1).")
        var from: Int64 = 1

        @Option(help: "Last sequence number (default: the newest record).")
        var to: Int64?

        func run() async throws {
            let selector = tenant
            let (from, to) = (self.from, self.to)
            let result = try await storage.withServices { services, _ in
                let id = try await AuditCommand.tenantID(selector, services: services)
                // A checkpoint at the current size first, so the whole range is covered by a signature.
                _ = try await services.auditLog.checkpoint(id)
                let output = FileHandle.standardOutput
                return try await AuditVerification.export(store: services.store, tenant: id, from: from, to: to) { line in
                    output.write(Data((line + "\n").utf8))
                }
            }
            FileHandle.standardError.write(Data("exported \(result.records) records (\(from)...\(result.to))\n".utf8))
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign a checkpoint of a tenant's log now and print it.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Tenant slug or id (`platform` for the operator's log).")
        var tenant: String

        func run() async throws {
            let selector = tenant
            let note = try await storage.withServices { services, _ -> String? in
                let id = try await AuditCommand.tenantID(selector, services: services)
                return try await services.auditLog.checkpoint(id).map { try $0.signedNote() }
            }
            print(note ?? "the log is empty")
        }
    }
}
