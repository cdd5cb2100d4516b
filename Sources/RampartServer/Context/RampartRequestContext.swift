// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import NIOCore
import RampartApp
import RampartCore

/// Per-request state: who is calling, from where, under which request id.
///
/// The tenant a request may touch is always `principal.tenantID`; nothing in the URL or body can
/// widen it.
package struct RampartRequestContext: RequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    package var remoteAddress: SocketAddress?
    package var requestID: String = ""
    package var principal: Principal?
    /// The principal the route's ``RouteAccess`` admitted, set by ``APIRouter`` before the
    /// handler runs: handlers take it from here instead of stating the permission a second time.
    package var admittedPrincipal: Principal?

    /// Textual source IP, without the port: the peer address, or the client address a trusted
    /// proxy forwarded (see ``ClientAddressMiddleware``).
    package var sourceIP: String?

    /// What the request's audit record will say, set by ``AuditMiddleware``; handlers pass it to
    /// the use cases they call. `nil` only for what is not audited (the probes), and before the
    /// middleware has run.
    package var audit: AuditContext?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.sourceIP = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated principal, or 401.
    package func requirePrincipal() throws -> Principal {
        guard let principal else { throw RampartError(.unauthenticated, "authentication required") }
        return principal
    }

    /// The principal the route admitted (``admittedPrincipal``). A route registered without a
    /// principal check has none, and asking is a programming error answered as 401, never as
    /// access.
    package func routePrincipal() throws -> Principal {
        guard let admittedPrincipal else { throw RampartError(.unauthenticated, "authentication required") }
        return admittedPrincipal
    }

    /// The authenticated tenant principal holding `permission`, or 401/403.
    package func require(_ permission: Permission) throws -> Principal {
        let principal = try requirePrincipal()
        guard principal.has(permission) else {
            throw RampartError(.forbidden, "this operation needs the `\(permission.rawValue)` permission")
        }
        return principal
    }

    /// The platform operator, or 401/403.
    package func requireOperator() throws -> OperatorID {
        let principal = try requirePrincipal()
        guard case .operator(let id) = principal.kind else {
            throw RampartError(.forbidden, "this operation is reserved for the platform operator")
        }
        return id
    }
}
