// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartApp
import RampartConnectors
import RampartCore
import RampartStorage

struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants", abstract: "Create and list tenants, and map their file datasources.",
        subcommands: [Create.self, List.self, SetDatasourceRoot.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a tenant, optionally with its first tenant-admin.")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Short unique name: lowercase letters, digits and '-'.")
        var slug: String

        @Option(help: "Display name.")
        var name: String

        @Option(name: .customLong("admin-username"), help: "Create a tenant-admin with this username; its password is printed once.")
        var adminUsername: String?

        @Option(name: .customLong("admin-email"), help: "E-mail of the tenant-admin.")
        var adminEmail: String?

        func run() async throws {
            let slug = self.slug
            let name = self.name
            let admin = adminUsername.map { TenantAdministration.InitialAdmin(username: $0, password: nil, email: adminEmail) }
            let created = try await storage.withServices { services, audit in
                try await TenantAdministration(services: services).create(slug: slug, displayName: name, admin: admin, audit: audit)
            }
            print("created tenant \(created.tenant.slug) (\(created.tenant.id))")
            if let user = created.admin, let password = created.generatedPassword {
                print("tenant-admin \(user.username) password (shown once): \(password.exposedValue)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let tenants = try await storage.withServices { services, _ in
                try await TenantAdministration(services: services).all()
            }
            if tenants.isEmpty {
                print("no tenants")
                return
            }
            print("ID                                    SLUG                 STATUS     NAME")
            for tenant in tenants {
                let slug = tenant.slug.padding(toLength: 20, withPad: " ", startingAt: 0)
                let status = tenant.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                print("\(tenant.id.rawValue)  \(slug) \(status) \(tenant.displayName)")
            }
        }
    }

    struct SetDatasourceRoot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-datasource-root",
            abstract: "Map a tenant's file datasources to a directory of their own.",
            discussion: """
                By default a tenant's file datasources must be under <root>/<tenant slug>/ of each \
                --datasource-root given to `rampart serve`. This maps the tenant to another directory \
                instead (absolute, outside the data directory); --default goes back to the default. \
                The server checks the mapping at every use, so running servers apply it at once.
                """)

        @OptionGroup var storage: StorageOptions

        @Option(help: "The tenant's slug.")
        var tenant: String

        @Argument(help: "An absolute directory path.")
        var directory: String?

        @Flag(name: .customLong("default"), help: "Remove the mapping: back to <root>/<tenant slug>/.")
        var useDefault = false

        func validate() throws {
            guard (directory == nil) != !useDefault else { throw ValidationError("give a directory or --default, not both") }
            if let directory {
                if let problem = DatasourcePath.problem(directory) { throw ValidationError("directory \(problem)") }
            }
        }

        func run() async throws {
            let slug = tenant
            let root = directory.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            let dataDirectory = storage.dataDirectory
            if let root, DatasourcePathPolicy(forbiddenRoots: [dataDirectory]).problem(root) != nil {
                throw ValidationError("directory must not be inside the server's data directory")
            }
            try await storage.withServices { services, audit in
                try await TenantAdministration(services: services).setDatasourceRoot(root, forTenant: slug, audit: audit)
            }
            print(
                root.map { "tenant \(slug): file datasources under \($0)" }
                    ?? "tenant \(slug): file datasources under <root>/\(slug)/ of each --datasource-root")
        }
    }
}
