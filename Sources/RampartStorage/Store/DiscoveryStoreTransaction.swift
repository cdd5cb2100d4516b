// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations discovery needs, part of every ``StoreTransaction``.
///
/// Everything is scoped by tenant except the job-queue operations a scan service uses to find
/// work across tenants (``queuedScans(perTenant:limit:)``, ``claimScan(id:instance:at:)``,
/// ``runningScanCounts()``, ``failAbandonedScans(instance:staleBefore:at:message:)``); their
/// results carry the tenant for the caller to keep.
package protocol DiscoveryStoreTransaction: Sendable {
    // MARK: Datasources
    func insertDatasource(_ datasource: Datasource) async throws
    func updateDatasource(_ datasource: Datasource) async throws
    func datasource(id: String, in tenant: TenantID) async throws -> Datasource?
    func datasource(name: String, in tenant: TenantID) async throws -> Datasource?
    func datasources(in tenant: TenantID, page: PageRequest) async throws -> Page<Datasource>
    /// Deletes the datasource with its scans and results; current tags and history stay until
    /// the caller removes them.
    func deleteDatasource(id: String, in tenant: TenantID) async throws -> Bool

    // MARK: Scans
    func insertScan(_ scan: ScanJob) async throws
    func scan(id: String, in tenant: TenantID) async throws -> ScanJob?
    /// Newest first.
    func scans(in tenant: TenantID, datasource: String?, page: PageRequest) async throws -> Page<ScanJob>
    /// Records progress and the heartbeat of a running scan; returns whether cancellation was requested.
    func updateScanProgress(id: String, in tenant: TenantID, progress: ScanProgress, heartbeatAt: Int64) async throws -> Bool
    /// Cancels a queued scan at once, or asks the server running it to stop. Returns the scan as it is now.
    func requestScanCancel(id: String, in tenant: TenantID, at: Int64) async throws -> ScanJob?
    /// Sets a final status unless the scan already has one.
    func finishScan(id: String, in tenant: TenantID, status: ScanJob.Status, error: String?, at: Int64) async throws
    /// Serialises scan claims across servers until the transaction ends (an advisory lock on
    /// PostgreSQL; SQLite writers are serialised already), so the per-tenant limit holds.
    func lockScanQueue() async throws
    /// Platform scope: queued scans taken fairly across tenants: each tenant's oldest first, then
    /// each tenant's second oldest, and so on (at most `perTenant` of one tenant), so a tenant that
    /// queued hundreds of scans does not keep another tenant's single scan waiting.
    func queuedScans(perTenant: Int, limit: Int) async throws -> [ScanJob]
    /// How many scans of `tenant` are queued (not yet running).
    func queuedScanCount(in tenant: TenantID) async throws -> Int
    /// Platform scope: running scans per tenant, and how many of them `instance` runs.
    func runningScanCounts() async throws -> [(tenant: TenantID, instance: String?, count: Int)]
    /// Platform scope: moves a queued scan to running for `instance`; `false` when another server took it.
    func claimScan(id: String, instance: String, at: Int64) async throws -> Bool
    /// Platform scope: fails scans left running by `instance` (when given) or whose heartbeat is older
    /// than `staleBefore`. Returns the scans failed.
    func failAbandonedScans(instance: String?, staleBefore: Int64, at: Int64, message: String) async throws -> [ScanJob]

    // MARK: Results
    func insertColumnResults(_ results: [ScanColumnResult]) async throws
    func columnResults(scanID: String, in tenant: TenantID) async throws -> [ScanColumnResult]

    // MARK: Tagging rules and custom classifiers
    func insertTaggingRule(_ rule: TaggingRule) async throws
    func taggingRules(in tenant: TenantID) async throws -> [TaggingRule]
    func deleteTaggingRule(id: String, in tenant: TenantID) async throws -> Bool
    func insertClassifier(_ classifier: TenantClassifier) async throws
    func classifiers(in tenant: TenantID) async throws -> [TenantClassifier]
    func classifier(name: String, in tenant: TenantID) async throws -> TenantClassifier?
    func deleteClassifier(id: String, in tenant: TenantID) async throws -> Bool

    // MARK: Tags
    func tagAssignments(in tenant: TenantID, datasource: String?) async throws -> [TagAssignment]
    func putTagAssignment(_ assignment: TagAssignment) async throws
    func deleteTagAssignment(_ assignment: TagAssignment) async throws
    func insertTagHistory(_ entry: TagHistoryEntry) async throws
    /// The reviews of a tenant's tags, of one datasource when given, ordered like the tags.
    func tagReviews(in tenant: TenantID, datasource: String?) async throws -> [TagReview]
    /// Records a review, replacing an earlier one of the same tag on the same column.
    func putTagReview(_ review: TagReview) async throws
    /// Removes the review of a tag on a column; `false` when there was none.
    func deleteTagReview(_ review: TagReview) async throws -> Bool
    /// Newest first.
    func tagHistory(in tenant: TenantID, datasource: String?, limit: Int) async throws -> [TagHistoryEntry]
}
