/// How far a scan has come, reported through ``DiscoveryScanner``'s progress callback.
public struct DiscoveryProgress: Sendable, Hashable {
    /// Tables fully scanned.
    public var tablesDone: Int
    /// Tables in the scan.
    public var tablesTotal: Int
    /// Rows read so far, over all tables.
    public var rowsRead: Int
    /// UTF-8 bytes of cell values read so far, over all tables.
    public var bytesRead: Int
    /// The table being read, `nil` once all are done.
    public var currentTable: String?

    public init(tablesDone: Int, tablesTotal: Int, rowsRead: Int, bytesRead: Int, currentTable: String?) {
        self.tablesDone = tablesDone
        self.tablesTotal = tablesTotal
        self.rowsRead = rowsRead
        self.bytesRead = bytesRead
        self.currentTable = currentTable
    }
}
