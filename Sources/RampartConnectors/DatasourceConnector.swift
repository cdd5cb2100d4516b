// SPDX-License-Identifier: Apache-2.0

/// Where discovery's samples come from: one implementation per kind of datasource.
///
/// A connector only describes how to reach the data; ``connect()`` opens a session that lists
/// the schema and reads rows as strings, which is all the classifiers need. Sessions are short
/// lived (one test, one schema listing, one scan) and read only.
package protocol DatasourceConnector: Sendable {
    func connect() async throws(ConnectorError) -> any DatasourceSession
}

/// An open connection to a datasource.
package protocol DatasourceSession: Sendable {
    /// Every table, with its columns and a row-count estimate.
    func schema() async throws(ConnectorError) -> [SchemaTable]
    /// Rows of `table`, read a batch at a time, each value as text (`nil` for NULL): at most
    /// `limit` rows picked at random where the engine can, or, when `limit` is `nil`, every row
    /// up to `maximumRows` (a full scan's cap).
    func rows(of table: SchemaTable, limit: Int?, maximumRows: Int) async throws(ConnectorError) -> any RowBatches
    func close() async
}

extension DatasourceConnector {
    /// Opens a session, lists the schema and closes it: what "test connection" means.
    package func test() async throws(ConnectorError) -> Int {
        let session = try await connect()
        do {
            let tables = try await session.schema()
            await session.close()
            return tables.count
        } catch {
            await session.close()
            throw error
        }
    }
}

/// One table of a datasource.
package struct SchemaTable: Sendable, Hashable, Codable {
    /// PostgreSQL schema; `nil` for SQLite and files.
    package var schema: String?
    package var name: String
    package var columns: [SchemaColumn]
    /// Estimated rows (exact for files and SQLite, the planner's estimate on PostgreSQL); `nil` when unknown.
    package var estimatedRows: Int64?

    package init(schema: String?, name: String, columns: [SchemaColumn], estimatedRows: Int64?) {
        self.schema = schema
        self.name = name
        self.columns = columns
        self.estimatedRows = estimatedRows
    }

    /// The table as results and tags name it: `schema.table`, or just `table` for PostgreSQL's
    /// `public` schema and for engines without schemas.
    package var qualifiedName: String {
        guard let schema, schema != "public" else { return name }
        return "\(schema).\(name)"
    }
}

/// One column: its name and the engine's type name.
package struct SchemaColumn: Sendable, Hashable, Codable {
    package var name: String
    package var type: String

    package init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}
