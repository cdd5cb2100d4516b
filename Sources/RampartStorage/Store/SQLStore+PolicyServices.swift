// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// A tenant's Ranger service as stored: three JSON documents and a version.
package struct StoredPolicyService: Sendable, Equatable {
    package var name: String
    package var serviceDefJSON: String
    package var serviceJSON: String
    package var policiesJSON: String
    package var version: Int64
    package var updatedAt: Int64

    package init(name: String, serviceDefJSON: String, serviceJSON: String, policiesJSON: String, version: Int64, updatedAt: Int64) {
        self.name = name
        self.serviceDefJSON = serviceDefJSON
        self.serviceJSON = serviceJSON
        self.policiesJSON = policiesJSON
        self.version = version
        self.updatedAt = updatedAt
    }
}

extension SQLStoreTransaction {
    func putPolicyService(_ service: StoredPolicyService, in tenant: TenantID) async throws -> Int64 {
        let current = try await policyServiceVersion(service.name, in: tenant)
        let version = (current ?? 0) + 1
        if current == nil {
            try await sql.raw(
                """
                INSERT INTO policy_services (tenant_id, name, service_def, service, policies, version, updated_at)
                VALUES (\(bind: tenant.rawValue), \(bind: service.name), \(bind: service.serviceDefJSON), \(bind: service.serviceJSON),
                        \(bind: service.policiesJSON), \(bind: version), \(bind: service.updatedAt))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE policy_services SET service_def = \(bind: service.serviceDefJSON), service = \(bind: service.serviceJSON),
                    policies = \(bind: service.policiesJSON), version = \(bind: version), updated_at = \(bind: service.updatedAt)
                WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: service.name)
                """
            ).run()
        }
        return version
    }

    func policyServiceVersion(_ name: String, in tenant: TenantID) async throws -> Int64? {
        try await sql.raw(
            "SELECT version FROM policy_services WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first()?.decode(column: "version", as: Int64.self)
    }

    func policyService(_ name: String, in tenant: TenantID) async throws -> StoredPolicyService? {
        guard let row = try await sql.raw(
            "SELECT * FROM policy_services WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first() else { return nil }
        return StoredPolicyService(
            name: try row.decode(column: "name", as: String.self),
            serviceDefJSON: try row.decode(column: "service_def", as: String.self),
            serviceJSON: try row.decode(column: "service", as: String.self),
            policiesJSON: try row.decode(column: "policies", as: String.self),
            version: try row.decode(column: "version", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }
}
