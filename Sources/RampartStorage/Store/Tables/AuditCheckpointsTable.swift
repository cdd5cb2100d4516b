// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import SQLKit

/// `audit_checkpoints`.
enum AuditCheckpointsTable: StoredTable {
    static let name = "audit_checkpoints"
    static let tenantID = Column<SignedCheckpoint, String>("tenant_id") { $0.checkpoint.tenantID }
    static let treeSize = Column<SignedCheckpoint, Int64>("tree_size") { $0.checkpoint.treeSize }
    static let rootHash = Column<SignedCheckpoint, String>("root_hash") { $0.checkpoint.rootHash.hex }
    static let timestamp = Column<SignedCheckpoint, Int64>("time_us") { $0.checkpoint.timestamp }
    static let keyID = Column<SignedCheckpoint, String>("key_id") { $0.keyID }
    static let signature = Column<SignedCheckpoint, String>("signature") { Data($0.signature).base64EncodedString() }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(treeSize), AnyColumn(rootHash), AnyColumn(timestamp), AnyColumn(keyID), AnyColumn(signature),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(treeSize)]

    static func decode(_ row: any SQLRow) throws -> SignedCheckpoint {
        guard let signatureBytes = Data(base64Encoded: try row.decode(signature)) else {
            throw RampartError(.storage, "a stored checkpoint signature is malformed")
        }
        return SignedCheckpoint(
            checkpoint: Checkpoint(
                tenantID: try row.decode(tenantID), treeSize: try row.decode(treeSize),
                rootHash: try SQLStoreTransaction.hash(try row.decode(rootHash)), timestamp: try row.decode(timestamp)),
            keyID: try row.decode(keyID), signature: Array(signatureBytes))
    }
}
