// SPDX-License-Identifier: Apache-2.0

/// What one scan found in one column. Raw values are never part of it: the few examples kept
/// are masked (`j***@example.com`) and, on top of that, encrypted with the tenant's data key.
package struct ScanColumnResult: Sendable, Equatable {
    package var scanID: String
    package var tenantID: TenantID
    /// `table`, or `schema.table` outside PostgreSQL's `public` schema.
    package var table: String
    package var column: String
    /// Class ids, most confident first.
    package var classes: [String]
    package var confidence: [String: Double]
    package var prevalence: [String: Double]
    package var rowsScanned: Int64
    /// JSON `{class: [masked sample]}` sealed with the tenant key; `nil` when there are none.
    package var sealedSamples: String?

    package init(
        scanID: String, tenantID: TenantID, table: String, column: String, classes: [String], confidence: [String: Double],
        prevalence: [String: Double], rowsScanned: Int64, sealedSamples: String?
    ) {
        self.scanID = scanID
        self.tenantID = tenantID
        self.table = table
        self.column = column
        self.classes = classes
        self.confidence = confidence
        self.prevalence = prevalence
        self.rowsScanned = rowsScanned
        self.sealedSamples = sealedSamples
    }

    /// The envelope purpose the masked samples of `scanID` are sealed under.
    package static func samplesPurpose(scanID: String) -> String { "discovery-samples:\(scanID)" }
}
