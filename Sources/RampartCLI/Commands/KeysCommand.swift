// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartApp
import RampartCore
import RampartStorage

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Rotate and re-wrap encryption keys.", subcommands: [Rotate.self, Rewrap.self])

    /// Resolves `--tenant` (slug or id) to one tenant, or every tenant when absent.
    static func tenants(_ selector: String?, services: RampartServices) async throws -> [Tenant] {
        if let selector { return [try await TenantAdministration(services: services).find(selector)] }
        return try await TenantAdministration(services: services).all()
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a new data-key version (one tenant, or all) and re-encrypt secrets and the token vault under it. Old data stays readable.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Tenant slug or id; all tenants when omitted.")
        var tenant: String?

        @Flag(help: "No progress lines on standard error.")
        var quiet = false

        func run() async throws {
            let selector = tenant
            let quiet = self.quiet
            let results = try await storage.withServices { services, audit in
                var results: [(String, Int, Int, Int)] = []
                for tenant in try await KeysCommand.tenants(selector, services: services) {
                    let keys = TenantKeys(services: services)
                    let (version, secrets) = try await keys.rotate(tenant.id, rewrappingSecrets: true, audit: audit)
                    // The token vault may be large: batches of their own, so servers keep
                    // protecting and unprotecting meanwhile (an entry opens under either version).
                    let slug = tenant.slug
                    let vault = try await keys.reencryptVault(of: tenant.id) { done, total in
                        guard !quiet, total > 0 else { return }
                        FileHandle.standardError.write(Data("\(slug): token vault \(done)/\(total) re-encrypted\n".utf8))
                    }
                    results.append((tenant.slug, version, secrets, vault))
                }
                return results
            }
            if results.isEmpty { print("no tenants") }
            for (slug, version, secrets, vault) in results {
                print("\(slug): data key version \(version); \(secrets) secret(s) and \(vault) token-vault entrie(s) re-encrypted")
            }
        }
    }

    struct Rewrap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-encrypt stored secrets with the newest data key; with --new-master-key-file, re-wrap data keys under a new master key.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Tenant slug or id; all tenants when omitted.")
        var tenant: String?

        @Option(
            name: .customLong("new-master-key-file"),
            help: "File holding the new base64 master key (created with mode 0600 if missing). Restart the server with it afterwards.")
        var newMasterKeyFile: String?

        func run() async throws {
            let selector = tenant
            var newMaster: MasterKey?
            if let path = newMasterKeyFile {
                let directory = (path as NSString).deletingLastPathComponent
                let loaded = try MasterKeySource.load(
                    dataDirectory: directory.isEmpty ? "." : directory,
                    environment: [:], fileName: (path as NSString).lastPathComponent)
                newMaster = loaded.key
                print("\(loaded.created ? "created" : "using") new master key file \(path)")
            }
            let master = newMaster
            let summary = try await storage.withServices { services, audit in
                var lines: [String] = []
                for tenant in try await KeysCommand.tenants(selector, services: services) {
                    let count = try await TenantKeys(services: services).rewrapSecrets(of: tenant.id, audit: audit)
                    lines.append("\(tenant.slug): \(count) secret(s) re-encrypted")
                }
                if let master {
                    let count = try await TenantKeys(services: services).rewrapDataKeys(under: master, audit: audit)
                    lines.append("\(count) data key(s) re-wrapped under the new master key (fingerprint \(master.fingerprint))")
                }
                return lines
            }
            for line in summary { print(line) }
        }
    }
}
