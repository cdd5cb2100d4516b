// SPDX-License-Identifier: Apache-2.0

/// Where a tenant's data lives, for discovery scans to read.
///
/// Only non-secret settings are part of the value. The password (or the whole connection
/// password of a PostgreSQL URL) is a tenant secret named ``credentialName``, encrypted with the
/// tenant's data key, so key rotation re-encrypts it and the API can never read it back out.
package struct Datasource: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    /// Unique in the tenant; slug rules.
    package var name: String
    package var kind: DatasourceKind
    package var config: DatasourceConfig
    package var hasCredentials: Bool
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        id: String, tenantID: TenantID, name: String, kind: DatasourceKind, config: DatasourceConfig, hasCredentials: Bool,
        createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.kind = kind
        self.config = config
        self.hasCredentials = hasCredentials
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The tenant secret holding this datasource's password.
    package var credentialName: String { Self.credentialName(id) }

    package static func credentialName(_ id: String) -> String { "datasource-credential:\(id)" }

    /// The keyring name of the datasource's `MASK_HASH` key.
    package static func maskKeyName(_ id: String) -> String { "datasource-mask-key:\(id)" }

    /// The `database` resource element tags are attached under (Ranger's Hive-style
    /// database/table/column): the configured name, or the datasource's own name.
    package var rangerDatabase: String { config.rangerDatabase ?? name }
}

/// The kinds of datasource discovery can read.
package enum DatasourceKind: String, Sendable, Codable, CaseIterable {
    case postgres
    case sqlite
    /// A directory of `.csv` files, one table per file.
    case csvDirectory = "csv-dir"
    /// A directory of `.jsonl` files, one table per file.
    case jsonlDirectory = "jsonl-dir"
}

/// The non-secret settings of a datasource, stored as JSON. Which fields apply depends on the kind.
package struct DatasourceConfig: Sendable, Equatable, Codable {
    /// SQLite file or directory of files: an absolute path.
    package var path: String?
    /// PostgreSQL connection fields (a URL given at creation is split into these and a password).
    package var host: String?
    package var port: Int?
    package var database: String?
    package var username: String?
    /// `disable`, `prefer`, `require` (encrypt, verify the certificate and host name).
    package var tls: String?
    /// The Ranger service (e.g. a `hive` service) whose resources this datasource's tables are;
    /// tags go to that service's tag service.
    package var rangerService: String?
    /// The value of the `database` resource element for this datasource's tables.
    package var rangerDatabase: String?
    /// Enforcement inside the database (PostgreSQL only); `nil` until set.
    package var sync: DatasourceSyncSettings?

    package init(
        path: String? = nil, host: String? = nil, port: Int? = nil, database: String? = nil, username: String? = nil, tls: String? = nil,
        rangerService: String? = nil, rangerDatabase: String? = nil, sync: DatasourceSyncSettings? = nil
    ) {
        self.path = path
        self.host = host
        self.port = port
        self.database = database
        self.username = username
        self.tls = tls
        self.rangerService = rangerService
        self.rangerDatabase = rangerDatabase
        self.sync = sync
    }
}
