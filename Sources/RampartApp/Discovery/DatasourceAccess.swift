// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartConnectors
import RampartCore
import RampartStorage

/// Builds the connector of a stored datasource, decrypting its password on the way: the one
/// place a datasource credential is read back out of the keyring.
package enum DatasourceAccess {
    /// The datasource `id` of `tenant` and a connector for it; 404 when there is none, a
    /// ``ConnectorError`` (`permission`) when its path is no longer allowed.
    package static func load(
        _ id: String, tenant: TenantID, store: any Store, keyring: Keyring, paths: DatasourcePathPolicy, destinations: OutboundDestinations
    ) async throws -> (Datasource, any DatasourceConnector) {
        let loaded: (Datasource, Secret<String>?, DatasourcePathPolicy)? = try await store.read { tx in
            guard let datasource = try await tx.datasource(id: id, in: tenant) else { return nil }
            let secret = try await keyring.secret(datasource.credentialName, tenant: tenant, in: tx)
            return (datasource, secret.map { Secret(String(decoding: $0.exposedValue, as: UTF8.self)) }, try await paths.forTenant(tenant, in: tx))
        }
        guard let (datasource, password, tenantPaths) = loaded else { throw RampartError.notFound("datasource") }
        // Checked again at every use: the path may have become a link to somewhere refused, or
        // the operator may have mapped the tenant elsewhere.
        if datasource.kind != .postgres, let problem = tenantPaths.problem(datasource.config.path ?? "") {
            throw ConnectorError(.permission, "path \(problem)")
        }
        return (datasource, connector(for: datasource, password: password, destinations: destinations))
    }

    package static func connector(
        for datasource: Datasource, password: Secret<String>?, destinations: OutboundDestinations
    ) -> any DatasourceConnector {
        let config = datasource.config
        switch datasource.kind {
        case .sqlite: return Connectors.sqlite(path: config.path ?? "")
        case .csvDirectory: return Connectors.csvDirectory(config.path ?? "")
        case .jsonlDirectory: return Connectors.jsonlDirectory(config.path ?? "")
        case .postgres:
            let settings = PostgresConnector.Settings(
                host: config.host ?? "", port: config.port ?? 5432, username: config.username ?? "",
                database: config.database ?? config.username ?? "", tls: PostgresConnector.TLSMode(rawValue: config.tls ?? "") ?? .prefer)
            return Connectors.postgres(settings, password: password?.exposedValue, resolve: destinations.connectorResolver)
        }
    }

    /// A connector failure as an API error (502, `datasource-failed`), the code first.
    package static func error(_ error: ConnectorError) -> RampartError {
        RampartError(.datasourceFailed, "\(error.code.rawValue): \(error.message)")
    }
}
