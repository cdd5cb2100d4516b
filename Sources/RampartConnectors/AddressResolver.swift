// SPDX-License-Identifier: Apache-2.0

/// Turns a datasource's host and port into the IP address a connector connects to, after the
/// server's outbound address policy has checked every address the host resolves to.
///
/// Throws ``ConnectorError`` with `destination-not-allowed` (refused by the policy) or `dns`
/// (the name does not resolve). Connectors connect to the returned address and never resolve the
/// host themselves, so a second DNS answer cannot redirect them (DNS rebinding).
package typealias AddressResolver = @Sendable (_ host: String, _ port: Int) async throws(ConnectorError) -> String
