// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartCore
import RampartServer
import RampartStorage

struct TenantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenants", abstract: "Create and list tenants.", subcommands: [Create.self, List.self])

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
            let created = try await storage.withServices { services in
                try await TenantAdministration(services: services).create(slug: slug, displayName: name, admin: admin)
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
            let tenants = try await storage.withServices { services in
                var all: [Tenant] = []
                var page = PageRequest(limit: PageRequest.maximumLimit)
                while true {
                    let batch = try await services.store.read { [page] in try await $0.tenants(page: page) }
                    all += batch.items
                    guard let next = batch.nextCursor else { break }
                    page.after = next
                }
                return all
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
}
