// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The fields of an OpenID Provider's discovery document Rampart uses (OpenID Connect
/// Discovery 1.0 §3).
package struct OIDCDiscovery: Sendable, Equatable {
    package var issuer: String
    package var authorizationEndpoint: String
    package var tokenEndpoint: String
    package var jwksURI: String
    package var tokenEndpointAuthMethods: [String]

    /// Reads the document.
    ///
    /// - Throws: ``SSOFailure/providerUnavailable`` when a required field is missing, and
    ///   ``SSOFailure/discoveryMismatch`` when it names another issuer than the one configured
    ///   (OpenID Connect Discovery §4.3), except for Entra's `{tenantid}` template, which its
    ///   multi-tenant (`common`, `organizations`) endpoints publish instead, on the same origin.
    ///   (Tokens then name an issuer derived from the template, and identity links are keyed by
    ///   it: a document on one host must not claim another host's issuer.)
    package init(_ document: JSONClaim, configuredIssuer: String, policy: OIDCEndpointPolicy) throws {
        guard let issuer = document["issuer"]?.string, let authorization = document["authorization_endpoint"]?.string,
            let token = document["token_endpoint"]?.string, let jwks = document["jwks_uri"]?.string
        else { throw SSOFailure.providerUnavailable }
        guard
            Self.trimmed(issuer) == Self.trimmed(configuredIssuer)
                || (issuer.contains(IDTokenVerifier.tenantPlaceholder) && Self.origin(issuer) == Self.origin(configuredIssuer))
        else {
            throw SSOFailure.discoveryMismatch
        }
        for url in [authorization, token, jwks] where !policy.allows(url) { throw SSOFailure.providerUnavailable }
        self.issuer = issuer
        self.authorizationEndpoint = authorization
        self.tokenEndpoint = token
        self.jwksURI = jwks
        self.tokenEndpointAuthMethods = document["token_endpoint_auth_methods_supported"]?.strings ?? []
    }

    package init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, jwksURI: String, tokenEndpointAuthMethods: [String] = []) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.tokenEndpointAuthMethods = tokenEndpointAuthMethods
    }

    /// Where the discovery document of `issuer` is (Discovery §4.1).
    package static func url(issuer: String) -> String { trimmed(issuer) + "/.well-known/openid-configuration" }

    /// `scheme://host[:port]`, lower-cased, read as text (a template's `{tenantid}` is not a valid
    /// URL character, so URL parsers refuse it).
    package static func origin(_ url: String) -> String {
        url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).prefix(3).joined(separator: "/").lowercased()
    }

    package static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}

/// Which identity provider URLs Rampart will call.
///
/// HTTPS only: the discovery document, keys and token exchange are what sign-in trust rests on.
/// Plain HTTP to a loopback address can be allowed for development and tests
/// (`--sso-allow-http-loopback`), never to another host.
package struct OIDCEndpointPolicy: Sendable {
    package var allowHTTPLoopback: Bool

    package init(allowHTTPLoopback: Bool = false) { self.allowHTTPLoopback = allowHTTPLoopback }

    package func allows(_ url: String) -> Bool {
        guard url.utf8.count <= 2048, let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
            components.user == nil, components.password == nil, components.fragment == nil,
            components.port.map({ (1...65535).contains($0) }) ?? true
        else { return false }
        switch components.scheme?.lowercased() {
        case "https": return true
        case "http": return allowHTTPLoopback && ["127.0.0.1", "localhost", "[::1]", "::1"].contains(host.lowercased())
        default: return false
        }
    }
}
