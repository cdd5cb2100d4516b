// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `sso_login_states`.
enum SSOLoginStatesTable: StoredTable {
    static let name = "sso_login_states"
    static let stateHash = Column<SSOLoginState, String>("state_hash") { $0.stateHash }
    static let tenantID = Column<SSOLoginState, String>("tenant_id") { $0.tenantID.rawValue }
    static let providerID = Column<SSOLoginState, String>("provider_id") { $0.providerID }
    static let nonce = Column<SSOLoginState, String>("nonce") { $0.nonce }
    static let codeVerifier = Column<SSOLoginState, String>("code_verifier") { $0.codeVerifier }
    static let redirectURI = Column<SSOLoginState, String>("redirect_uri") { $0.redirectURI }
    static let createdAt = Column<SSOLoginState, Int64>("created_at") { $0.createdAt }
    static let expiresAt = Column<SSOLoginState, Int64>("expires_at") { $0.expiresAt }

    static let columns = [
        AnyColumn(stateHash), AnyColumn(tenantID), AnyColumn(providerID), AnyColumn(nonce), AnyColumn(codeVerifier), AnyColumn(redirectURI),
        AnyColumn(createdAt), AnyColumn(expiresAt),
    ]
    static let key = [AnyColumn(stateHash)]

    static func decode(_ row: any SQLRow) throws -> SSOLoginState {
        SSOLoginState(
            stateHash: try row.decode(stateHash), tenantID: TenantID(try row.decode(tenantID)), providerID: try row.decode(providerID),
            nonce: try row.decode(nonce), codeVerifier: try row.decode(codeVerifier), redirectURI: try row.decode(redirectURI),
            createdAt: try row.decode(createdAt), expiresAt: try row.decode(expiresAt))
    }
}
