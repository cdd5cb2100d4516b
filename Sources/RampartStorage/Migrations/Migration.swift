// SPDX-License-Identifier: Apache-2.0

import SQLKit

/// One step of the schema, applied once, in order, inside a transaction.
package protocol Migration: Sendable {
    /// Stable, sortable id, e.g. `0001_foundation`. Never renamed once released.
    var id: String { get }
    /// The statements for `engine`. DDL differences between engines live here and nowhere else.
    func statements(for engine: DatabaseEngine) -> [String]
    /// Data changes that need code rather than SQL (reshaping JSON documents), run after
    /// ``statements(for:)`` in the same transaction. Most migrations have none.
    func migrateData(_ sql: any SQLDatabase, engine: DatabaseEngine) async throws
}

extension Migration {
    package func migrateData(_ sql: any SQLDatabase, engine: DatabaseEngine) async throws {}
}

/// The explicit, ordered list of migrations.
package enum Migrations {
    package static let all: [any Migration] = [
        M0001Foundation(),
        M0002PolicyServices(),
        M0003PolicyAdministration(),
        M0004Audit(),
        M0006IdentitySecurity(),
        M0007SCIM(),
        M0008SSO(),
        M0009Discovery(),
        M0010AlertEmail(),
        M0011SSOIdentityLinks(),
        M0012TenantDatasourceRoot(),
        M0013SSOTrustedMFA(),
        M0014DatasourceSync(),
        M0015ApiKeyDecisionRate(),
        M0016DirectoryEpochs(),
        M0017AuditAppends(),
        M0018EncryptionSchemes(),
        M0019AccessRequests(),
        M0020ChangeRequests(),
        M0021AccessReviews(),
        M0022AccessRequestEscalation(),
        M0023ClusterCoordination(),
        M0024WorkflowUserIDs(),
        M0025AlertParticipants(),
        M0026ListIndexes(),
        M0027TagReviews(),
    ]
}
