// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A PostgreSQL database, read through one connection per session whose transactions are read-only.
///
/// Samples use `TABLESAMPLE SYSTEM` on large tables (cheap, block-level) topped up with
/// `ORDER BY random() LIMIT n`, so a sample is random without reading the whole table. Failures
/// are mapped to ``ConnectorError`` codes: DNS, refused, auth, TLS, permission, timeout.
package struct PostgresConnector: DatasourceConnector {
    package enum TLSMode: String, Sendable, CaseIterable {
        case disable
        case prefer
        /// Encrypt and verify the certificate and host name.
        case require
    }

    package struct Settings: Sendable {
        package var host: String
        package var port: Int
        package var username: String
        package var database: String
        package var tls: TLSMode

        package init(host: String, port: Int = 5432, username: String, database: String, tls: TLSMode = .prefer) {
            self.host = host
            self.port = port
            self.username = username
            self.database = database
            self.tls = tls
        }
    }

    package let settings: Settings
    let password: String?
    package let timeout: Duration
    /// Where to connect for `settings.host`: resolves it once, checks the addresses and returns
    /// the one to use (an IP address), or throws (`destination-not-allowed`, `dns`). `nil`
    /// connects to the host as given (the operator's own CLI).
    package let resolve: AddressResolver?

    package init(settings: Settings, password: String?, timeout: Duration = .seconds(10), resolve: AddressResolver? = nil) {
        self.settings = settings
        self.password = password
        self.timeout = timeout
        self.resolve = resolve
    }

    /// Splits a `postgres://user:password@host:port/database?sslmode=…` URL into settings and a
    /// password, so the password can be stored apart (encrypted) from the rest.
    package static func parse(url: String) -> (settings: Settings, password: String?)? {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty,
            components.port.map({ (1...65535).contains($0) }) ?? true
        else { return nil }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var tls = TLSMode.prefer
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            switch mode {
            case "disable": tls = .disable
            case "allow", "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: return nil
            }
        }
        return (
            Settings(host: host, port: components.port ?? 5432, username: user, database: database.isEmpty ? user : database, tls: tls),
            components.password
        )
    }

    package func connect() async throws(ConnectorError) -> any DatasourceSession {
        let (connection, logger) = try await open()
        let session = Session(connection: connection, logger: logger, settings: settings)
        do {
            // Discovery only reads; a sample query that runs away is stopped by the server.
            _ = try await session.query("SET default_transaction_read_only = on")
            _ = try await session.query("SET statement_timeout = '10min'")
        } catch {
            await session.close()
            throw error
        }
        return session
    }

    /// A read-write session for enforcement: reads the catalog and applies a plan.
    package func connectForEnforcement() async throws(ConnectorError) -> PostgresEnforcementSession {
        let (connection, logger) = try await open()
        // Every statement of a sync, planning included (the catalog, the filters' EXPLAIN), gives up
        // on a lock someone holds after the lock timeout: syncs run one at a time, and a table a
        // DBA keeps locked must not stall the others for longer than that.
        do {
            for setting in [
                "SET lock_timeout = '\(PostgresEnforcementSession.lockTimeout)'",
                "SET statement_timeout = '\(PostgresEnforcementSession.statementTimeout)'",
            ] {
                _ = try await connection.query(PostgresQuery(unsafeSQL: setting), logger: logger).collect()
            }
        } catch {
            try? await connection.close()
            throw Self.map(error, settings: settings)
        }
        return PostgresEnforcementSession(connection: connection, logger: logger, settings: settings)
    }

    /// Opens an authenticated connection to the checked address, refusing to send a password in
    /// the clear.
    func open() async throws(ConnectorError) -> (PostgresConnection, Logger) {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch settings.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw ConnectorError(.tls, "cannot set up TLS: \(error)")
        }
        // The driver would resolve the host again; given the checked address instead, it cannot be
        // sent elsewhere by a second DNS answer. TLS still verifies (and sends SNI for) the name.
        let address = try await resolve?(settings.host, settings.port) ?? settings.host
        // The channel is opened here, with the password guard first in its pipeline, and handed
        // to the driver, which adds TLS (after the guard) and its own handlers.
        let passwordGuard = PasswordAuthenticationGuard(requestsTLS: settings.tls != .disable)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(timeout.components.seconds)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(passwordGuard) }
                }
                .connect(host: address, port: settings.port).get()
        } catch {
            throw Self.map(error, settings: settings)
        }
        var configuration = PostgresConnection.Configuration(
            establishedChannel: channel, tls: tls, username: settings.username, password: password, database: settings.database)
        if !Self.isIPAddress(settings.host) { configuration.options.tlsServerName = settings.host }
        // The driver's own logging stays off: its connection state includes the password.
        let logger = Logger(label: "rampart-discovery-postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresConnection.connect(on: channel.eventLoop, configuration: configuration, id: 1, logger: logger)
            return (connection, logger)
        } catch {
            if let refusal = passwordGuard.refusal {
                throw ConnectorError(
                    .auth,
                    "\(settings.host):\(settings.port) asked for \(refusal.rawValue) over a connection without TLS; refused without "
                        + "sending it (use SCRAM-SHA-256 on the server, or tls=require with a trusted certificate)")
            }
            channel.close(promise: nil)
            throw Self.map(error, settings: settings)
        }
    }

    /// Runs one statement and returns its rows as text (`nil` for SQL NULL); failures as
    /// ``ConnectorError``s.
    static func rows(
        of text: String, on connection: PostgresConnection, logger: Logger, settings: Settings
    ) async throws(ConnectorError) -> [[String?]] {
        do {
            var out: [[String?]] = []
            let rows = try await connection.query(PostgresQuery(unsafeSQL: text), logger: logger)
            for try await row in rows {
                out.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
            }
            return out
        } catch {
            throw map(error, settings: settings)
        }
    }

    static func isIPAddress(_ host: String) -> Bool { (try? SocketAddress(ipAddress: host, port: 0)) != nil }

    /// The stable code for a connection or query failure. The message names the host, never the password.
    static func map(_ error: any Error, settings: Settings) -> ConnectorError {
        let place = "\(settings.host):\(settings.port)"
        if let error = error as? ConnectorError { return error }
        if let psql = error as? PSQLError {
            if psql.code == .server, let state = psql.serverInfo?[.sqlState] {
                let message = psql.serverInfo?[.message] ?? "server error"
                switch state {
                case "28P01", "28000": return ConnectorError(.auth, "authentication failed for user \(settings.username) at \(place)")
                case "42501": return ConnectorError(.permission, "permission denied: \(message)")
                case "3D000": return ConnectorError(.notFound, "database \(settings.database) does not exist at \(place)")
                case "57014": return ConnectorError(.timeout, "the query was cancelled after the timeout")
                default: return ConnectorError(.invalidData, "server error \(state): \(message)")
                }
            }
            if psql.code == .sslUnsupported { return ConnectorError(.tls, "\(place) does not support TLS") }
            if psql.code == .failedToAddSSLHandler { return ConnectorError(.tls, "TLS setup with \(place) failed") }
            if psql.code == .authMechanismRequiresPassword { return ConnectorError(.auth, "\(place) asks for a password and none is stored") }
            if psql.code == .unsupportedAuthMechanism || psql.code == .saslError {
                return ConnectorError(.auth, "authentication with \(place) failed")
            }
            if let underlying = psql.underlying { return map(underlying, settings: settings) }
            if psql.code == .serverClosedConnection || psql.code == .uncleanShutdown {
                return ConnectorError(.refused, "\(place) closed the connection")
            }
            return ConnectorError(.refused, "cannot connect to \(place) (\(psql.code))")
        }
        if let connect = error as? NIOConnectionError {
            if connect.connectionErrors.isEmpty && (connect.dnsAError != nil || connect.dnsAAAAError != nil) {
                return ConnectorError(.dns, "cannot resolve host \(settings.host)")
            }
            if let first = connect.connectionErrors.first { return map(first.error, settings: settings) }
            return ConnectorError(.dns, "cannot resolve host \(settings.host)")
        }
        if error is NIOSSLError || error is BoringSSLError || String(describing: type(of: error)).contains("SSL") {
            return ConnectorError(.tls, "TLS with \(place) failed (certificate not trusted or handshake refused)")
        }
        if case .connectTimeout? = error as? ChannelError {
            return ConnectorError(.timeout, "no answer from \(place) in time")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH: return ConnectorError(.refused, "connection refused by \(place)")
            case ETIMEDOUT: return ConnectorError(.timeout, "no answer from \(place) in time")
            default: return ConnectorError(.refused, "cannot connect to \(place) (errno \(io.errnoCode))")
            }
        }
        if error is SocketAddressError { return ConnectorError(.dns, "cannot resolve host \(settings.host)") }
        return ConnectorError(.refused, "cannot connect to \(place)")
    }

    struct Session: DatasourceSession {
        let connection: PostgresConnection
        let logger: Logger
        let settings: Settings

        func query(_ text: String) async throws(ConnectorError) -> [[String?]] {
            try await PostgresConnector.rows(of: text, on: connection, logger: logger, settings: settings)
        }

        func schema() async throws(ConnectorError) -> [SchemaTable] {
            let columns = try await query(
                """
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE t.table_type IN ('BASE TABLE', 'VIEW') AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY c.table_schema, c.table_name, c.ordinal_position
                """)
            let estimates = try await query(
                """
                SELECT n.nspname, c.relname, c.reltuples::bigint::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                """)
            var estimate: [String: Int64] = [:]
            for row in estimates where row.count == 3 {
                // -1: never analysed, so unknown.
                if let schema = row[0], let name = row[1], let value = row[2].flatMap({ Int64($0) }), value >= 0 {
                    estimate["\(schema).\(name)"] = value
                }
            }
            var tables: [SchemaTable] = []
            for row in columns where row.count == 4 {
                guard let schema = row[0], let name = row[1], let column = row[2] else { continue }
                let entry = SchemaColumn(name: column, type: row[3] ?? "")
                if let last = tables.last, last.schema == schema, last.name == name {
                    tables[tables.count - 1].columns.append(entry)
                } else {
                    tables.append(SchemaTable(schema: schema, name: name, columns: [entry], estimatedRows: estimate["\(schema).\(name)"]))
                }
            }
            return tables
        }

        /// The rows of `table`, with the documents of its `json` and `jsonb` columns spread into
        /// one column per key path (`profile.contact.email`).
        func rows(of table: SchemaTable, limit: Int?, maximumRows: Int) async throws(ConnectorError) -> any RowBatches {
            let batches = try await plainRows(of: table, limit: limit, maximumRows: maximumRows)
            let jsonColumns = JSONExpandingRowBatches.jsonColumns(of: table)
            guard !jsonColumns.isEmpty else { return batches }
            return JSONExpandingRowBatches(batches, jsonColumns: jsonColumns)
        }

        private func plainRows(of table: SchemaTable, limit: Int?, maximumRows: Int) async throws(ConnectorError) -> any RowBatches {
            let columns = table.columns.map(\.name)
            guard !table.columns.isEmpty else { return ArrayRowBatches(columns: columns, rows: []) }
            let projection = table.columns.map { "\(Self.quote($0.name))::text" }.joined(separator: ", ")
            let source = "\(Self.quote(table.schema ?? "public")).\(Self.quote(table.name))"
            guard let limit else {
                // A full scan streams: rows arrive as the batches are consumed, up to the cap.
                do {
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT \(projection) FROM \(source) LIMIT \(maximumRows)"), logger: logger)
                    return Stream(iterator: rows.makeAsyncIterator(), columns: columns, settings: settings)
                } catch {
                    throw PostgresConnector.map(error, settings: settings)
                }
            }
            // On a large table, a block sample sized for about twice the rows wanted keeps the read
            // small; random order over it then picks the sample. A sample is bounded by the caller.
            if let estimate = table.estimatedRows, estimate > Int64(limit) * 10 {
                let percent = min(100, max(0.01, Double(limit) * 2 * 100 / Double(estimate)))
                let sampled = try await query(
                    "SELECT \(projection) FROM \(source) TABLESAMPLE SYSTEM (\(String(format: "%.4f", percent))) ORDER BY random() LIMIT \(limit)")
                if sampled.count >= limit / 2 { return ArrayRowBatches(columns: columns, rows: sampled) }
            }
            return ArrayRowBatches(columns: columns, rows: try await query("SELECT \(projection) FROM \(source) ORDER BY random() LIMIT \(limit)"))
        }

        /// A streamed result, handed out a batch at a time.
        struct Stream: RowBatches {
            var iterator: PostgresRowSequence.AsyncIterator
            let columns: [String]
            let settings: Settings
            static let batchRows = 10_000

            mutating func next() async throws(ConnectorError) -> [[String?]]? {
                var batch: [[String?]] = []
                do {
                    while batch.count < Self.batchRows, let row = try await iterator.next() {
                        batch.append(row.map { cell in cell.bytes.map { String(buffer: $0) } })
                    }
                } catch {
                    throw PostgresConnector.map(error, settings: settings)
                }
                return batch.isEmpty ? nil : batch
            }
        }

        func close() async { try? await connection.close() }

        static func quote(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }
}
