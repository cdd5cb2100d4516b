// SPDX-License-Identifier: Apache-2.0

/// The schema and message URNs of RFC 7643 and RFC 7644.
package enum SCIMURN {
    /// Core User schema (RFC 7643 §4.1).
    package static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    /// Core Group schema (RFC 7643 §4.2).
    package static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    /// Enterprise User extension (RFC 7643 §4.3).
    package static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// Service provider configuration schema (RFC 7643 §5).
    package static let serviceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
    /// Resource type schema (RFC 7643 §6).
    package static let resourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
    /// Schema schema (RFC 7643 §7).
    package static let schema = "urn:ietf:params:scim:schemas:core:2.0:Schema"
    /// List response message (RFC 7644 §3.4.2).
    package static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    /// Search request message (RFC 7644 §3.4.3).
    package static let searchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
    /// PATCH request message (RFC 7644 §3.5.2).
    package static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    /// Error response message (RFC 7644 §3.12).
    package static let error = "urn:ietf:params:scim:api:messages:2.0:Error"
    /// Bulk request message (RFC 7644 §3.7); bulk is not supported.
    package static let bulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"

    /// The media type of every SCIM response body (RFC 7644 §8.1).
    package static let mediaType = "application/scim+json"
}
