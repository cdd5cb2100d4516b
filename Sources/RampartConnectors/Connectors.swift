// SPDX-License-Identifier: Apache-2.0

/// The explicit list of connectors, by datasource kind name, so the server and the CLI build
/// them the same way.
package enum Connectors {
    package static func sqlite(path: String) -> any DatasourceConnector { SQLiteConnector(path: path) }
    package static func csvDirectory(_ path: String) -> any DatasourceConnector { FileDirectoryConnector(directory: path, format: .csv) }
    package static func jsonlDirectory(_ path: String) -> any DatasourceConnector { FileDirectoryConnector(directory: path, format: .jsonLines) }
    package static func postgres(
        _ settings: PostgresConnector.Settings, password: String?, resolve: AddressResolver? = nil
    )
        -> any DatasourceConnector
    {
        PostgresConnector(settings: settings, password: password, resolve: resolve)
    }
}
