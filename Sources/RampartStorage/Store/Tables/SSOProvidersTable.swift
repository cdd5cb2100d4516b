// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `sso_providers`.
enum SSOProvidersTable: StoredTable {
    static let name = "sso_providers"
    static let id = Column<SSOProvider, String>("id") { $0.id }
    static let tenantID = Column<SSOProvider, String>("tenant_id") { $0.tenantID.rawValue }
    static let providerName = Column<SSOProvider, String>("name") { $0.name }
    static let displayName = Column<SSOProvider, String?>("display_name") { $0.displayName }
    static let issuer = Column<SSOProvider, String>("issuer") { $0.issuer }
    static let clientID = Column<SSOProvider, String>("client_id") { $0.clientID }
    static let hasClientSecret = Column<SSOProvider, Int64>("has_client_secret") { Int64($0.hasClientSecret ? 1 : 0) }
    static let scopes = Column<SSOProvider, String>("scopes") { $0.scopes.joined(separator: " ") }
    static let usernameClaim = Column<SSOProvider, String>("username_claim") { $0.usernameClaim }
    static let emailClaim = Column<SSOProvider, String>("email_claim") { $0.emailClaim }
    static let groupsClaim = Column<SSOProvider, String>("groups_claim") { $0.groupsClaim }
    static let allowedDomains = Column<SSOProvider, String>("allowed_domains") { $0.allowedDomains.joined(separator: ",") }
    static let jitProvisioning = Column<SSOProvider, Int64>("jit_provisioning") { Int64($0.jitProvisioning ? 1 : 0) }
    static let groupMapping = Column<SSOProvider, String>("group_mapping") { SQLStoreTransaction.encodeMapping($0.groupMapping) }
    static let enabled = Column<SSOProvider, Int64>("enabled") { Int64($0.enabled ? 1 : 0) }
    static let createdAt = Column<SSOProvider, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<SSOProvider, Int64>("updated_at") { $0.updatedAt }
    static let linkExistingUsers = Column<SSOProvider, Int64>("link_existing_users") { Int64($0.linkExistingUsers ? 1 : 0) }
    static let allowedTenantIDs = Column<SSOProvider, String>("allowed_tenant_ids") { $0.allowedTenantIDs.joined(separator: ",") }
    static let trustedAMR = Column<SSOProvider, String>("trusted_amr") { $0.trustedAMR.joined(separator: " ") }
    static let trustedACR = Column<SSOProvider, String>("trusted_acr") { $0.trustedACR.joined(separator: " ") }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(providerName), AnyColumn(displayName), AnyColumn(issuer), AnyColumn(clientID),
        AnyColumn(hasClientSecret), AnyColumn(scopes), AnyColumn(usernameClaim), AnyColumn(emailClaim), AnyColumn(groupsClaim),
        AnyColumn(allowedDomains), AnyColumn(jitProvisioning), AnyColumn(groupMapping), AnyColumn(enabled), AnyColumn(createdAt),
        AnyColumn(updatedAt), AnyColumn(linkExistingUsers), AnyColumn(allowedTenantIDs), AnyColumn(trustedAMR), AnyColumn(trustedACR),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> SSOProvider {
        SSOProvider(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(providerName),
            displayName: try row.decode(displayName), issuer: try row.decode(issuer), clientID: try row.decode(clientID),
            hasClientSecret: try row.decode(hasClientSecret) != 0, scopes: try row.decode(scopes).split(separator: " ").map(String.init),
            usernameClaim: try row.decode(usernameClaim), emailClaim: try row.decode(emailClaim), groupsClaim: try row.decode(groupsClaim),
            allowedDomains: try row.decode(allowedDomains).split(separator: ",").map(String.init),
            jitProvisioning: try row.decode(jitProvisioning) != 0,
            groupMapping: SQLStoreTransaction.decodeMapping(try row.decode(groupMapping)), enabled: try row.decode(enabled) != 0,
            createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt),
            linkExistingUsers: try row.decode(linkExistingUsers) != 0,
            allowedTenantIDs: try row.decode(allowedTenantIDs).split(separator: ",").map(String.init),
            trustedAMR: try row.decode(trustedAMR).split(separator: " ").map(String.init),
            trustedACR: try row.decode(trustedACR).split(separator: " ").map(String.init))
    }
}
