// SPDX-License-Identifier: Apache-2.0

/// `POST /v1/datasources/{id}/sync/mask-key/rotate`: which datasource's key was replaced, and a
/// digest of the new key (what the database's catalog will show of it), never the key.
struct MaskKeyRotationResponse: Encodable {
    var datasource: String
    var keyFingerprint: String
    /// When the database gets the new key.
    var appliesAt = "next-apply"
}
