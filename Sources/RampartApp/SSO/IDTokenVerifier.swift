// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// A compact JWS split into its parts (RFC 7515 §7.1), before any check.
package struct CompactJWS: Sendable {
    package var header: JSONClaim
    package var claims: JSONClaim
    package var signingInput: Data
    package var signature: Data

    package var algorithmName: String? { header["alg"]?.string }
    package var keyID: String? { header["kid"]?.string }

    /// - Throws: ``SSOFailure/malformedToken`` unless `token` is three base64url parts whose first
    ///   two are JSON objects.
    package init(_ token: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 16_384, parts.count == 3,
            let headerData = Base64URL.decode(String(parts[0])), let claimsData = Base64URL.decode(String(parts[1])),
            let signature = Base64URL.decode(String(parts[2])),
            case .object = try? JSONDecoder().decode(JSONClaim.self, from: headerData),
            case .object = try? JSONDecoder().decode(JSONClaim.self, from: claimsData)
        else { throw SSOFailure.malformedToken }
        self.header = (try? JSONDecoder().decode(JSONClaim.self, from: headerData)) ?? .null
        self.claims = (try? JSONDecoder().decode(JSONClaim.self, from: claimsData)) ?? .null
        self.signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        self.signature = signature
    }

    /// The algorithm, when it is one Rampart accepts.
    ///
    /// - Throws: ``SSOFailure/unsupportedAlgorithm`` for `none`, the HMAC family and anything else
    ///   that is not RS256 or ES256. This is decided from the header alone, before any key is
    ///   looked up, so a token cannot choose how it is checked.
    package func algorithm() throws -> JWSAlgorithm {
        guard let name = algorithmName, let algorithm = JWSAlgorithm(rawValue: name) else { throw SSOFailure.unsupportedAlgorithm }
        return algorithm
    }
}

/// Checks an ID token the way OpenID Connect Core §3.1.3.7 says a client must: the signature
/// under one of the issuer's keys, then `iss`, `aud` (and `azp` when there are several
/// audiences), `exp`, `iat` and the `nonce` of this sign-in.
package struct IDTokenVerifier: Sendable {
    /// The issuer from the provider's discovery document. Entra's multi-tenant endpoints publish
    /// `https://login.microsoftonline.com/{tenantid}/v2.0`: the token's `tid` claim fills it in.
    package var issuer: String
    package var clientID: String
    package var nonce: String
    /// Seconds since 1970.
    package var now: Int64
    /// Clock difference tolerated between Rampart and the provider, in seconds.
    package var skew: Int64 = 120
    /// The `tid` values accepted when ``issuer`` is the `{tenantid}` template, lower-case. A
    /// multi-tenant endpoint signs tokens for every Entra organisation with the same keys, so
    /// without this list any organisation's accounts would pass; an empty list accepts none.
    package var allowedTenantIDs: [String]

    package init(issuer: String, clientID: String, nonce: String, now: Int64, allowedTenantIDs: [String] = []) {
        self.issuer = issuer
        self.clientID = clientID
        self.nonce = nonce
        self.now = now
        self.allowedTenantIDs = allowedTenantIDs
    }

    package static let tenantPlaceholder = SSOProvider.tenantPlaceholder

    /// Verifies `token` against `keys` and returns its claims.
    ///
    /// - Throws: an ``SSOFailure``; ``SSOFailure/tenantNotAllowed`` when the issuer is the Entra
    ///   template and the token's `tid` is not one of ``allowedTenantIDs``.
    package func verify(_ token: CompactJWS, keys: [JSONWebKey]) throws -> JSONClaim {
        let algorithm = try token.algorithm()
        let candidates = keys.filter { key in key.algorithm == algorithm && (token.keyID == nil || key.keyID == token.keyID) }
        guard !candidates.isEmpty else { throw SSOFailure.unknownKey }
        guard candidates.contains(where: { $0.verifies(token.signature, over: token.signingInput, algorithm: algorithm) }) else {
            throw SSOFailure.badSignature
        }
        let claims = token.claims
        guard let iss = claims["iss"]?.string, let expected = expectedIssuer(claims) else { throw SSOFailure.wrongIssuer }
        guard iss == expected else { throw SSOFailure.wrongIssuer }
        if issuer.contains(Self.tenantPlaceholder) {
            // `iss` now names the `tid` (checked above); that organisation must be one the
            // provider was configured for.
            guard let tid = claims["tid"]?.string?.lowercased(), allowedTenantIDs.contains(tid) else { throw SSOFailure.tenantNotAllowed }
        }
        let audiences = claims["aud"]?.strings ?? []
        guard audiences.contains(clientID) else { throw SSOFailure.wrongAudience }
        if audiences.count > 1, claims["azp"]?.string != clientID { throw SSOFailure.wrongAudience }
        if let azp = claims["azp"]?.string, azp != clientID { throw SSOFailure.wrongAudience }
        // NumericDate (RFC 7519 §2) arrives as a JSON number: anything that is not a whole number of
        // seconds within the year-9999 range is malformed, and is refused before any arithmetic so
        // a provider's `exp: 1e300` cannot trap the process.
        guard let exp = claims["exp"]?.number else { throw SSOFailure.expired }
        guard let iat = claims["iat"]?.number else { throw SSOFailure.issuedInFuture }
        guard let expires = Self.numericDate(exp), let issued = Self.numericDate(iat) else { throw SSOFailure.invalidToken }
        guard expires.addingSaturating(skew) > now else { throw SSOFailure.expired }
        guard issued <= now.addingSaturating(skew) else { throw SSOFailure.issuedInFuture }
        guard let tokenNonce = claims["nonce"]?.string,
            ConstantTime.equals(tokenNonce, nonce)
        else { throw SSOFailure.nonceMismatch }
        return claims
    }

    /// The latest NumericDate accepted: 9999-12-31T23:59:59Z.
    package static let latestNumericDate: Int64 = 253_402_300_799

    /// A NumericDate claim as whole seconds, or `nil` when it is fractional-but-not-integral, not
    /// finite, negative or past ``latestNumericDate``. Fractions are allowed by RFC 7519 and
    /// dropped, as other verifiers do.
    package static func numericDate(_ value: Double) -> Int64? {
        guard value.isFinite, value >= 0, value <= Double(latestNumericDate) else { return nil }
        return Int64(value.rounded(.down))
    }

    /// The issuer this token must name: the discovery issuer, with Entra's `{tenantid}` replaced
    /// by the token's `tid` when the discovery issuer is that template.
    package func expectedIssuer(_ claims: JSONClaim) -> String? {
        guard issuer.contains(Self.tenantPlaceholder) else { return issuer }
        guard let tid = claims["tid"]?.string, (1...64).contains(tid.utf8.count),
            tid.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D })
        else { return nil }
        return issuer.replacingOccurrences(of: Self.tenantPlaceholder, with: tid)
    }
}
