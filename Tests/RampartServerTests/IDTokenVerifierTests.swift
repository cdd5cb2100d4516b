// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartApp
import RampartCore
import RampartServer
import Testing

/// The ID token checks without any I/O: tokens are built and signed here with swift-crypto.
@Suite struct IDTokenVerifierTests {
    static let key = P256.Signing.PrivateKey()
    static let now: Int64 = 1_800_000_000

    static var jwk: JSONWebKey? {
        let raw = key.publicKey.rawRepresentation
        return JSONWebKey(
            .object([
                "kty": .string("EC"), "crv": .string("P-256"), "kid": .string("k1"), "use": .string("sig"),
                "x": .string(Base64URL.encode(raw.prefix(32))), "y": .string(Base64URL.encode(raw.suffix(32))),
            ]))
    }

    static func token(header: [String: Any] = ["alg": "ES256", "kid": "k1"], claims overrides: [String: Any] = [:]) throws -> CompactJWS {
        var claims: [String: Any] = ["iss": "https://idp.example", "aud": "client", "exp": now + 60, "iat": now, "nonce": "n-1", "sub": "s"]
        for (name, value) in overrides { claims[name] = value }
        let input =
            Base64URL.encode(try JSONSerialization.data(withJSONObject: header)) + "."
            + Base64URL.encode(try JSONSerialization.data(withJSONObject: claims))
        let signature = try key.signature(for: Data(input.utf8)).rawRepresentation
        return try CompactJWS(input + "." + Base64URL.encode(signature))
    }

    static func verify(_ token: CompactJWS, issuer: String = "https://idp.example", tenants: [String] = []) throws -> JSONClaim {
        let keys = [try #require(jwk)]
        return try IDTokenVerifier(issuer: issuer, clientID: "client", nonce: "n-1", now: now, allowedTenantIDs: tenants).verify(token, keys: keys)
    }

    @Test func acceptsAGoodToken() throws {
        #expect(try Self.verify(try Self.token())["sub"]?.string == "s")
    }

    @Test func refusesEachBrokenClaim() throws {
        let cases: [([String: Any], SSOFailure)] = [
            (["aud": "other"], .wrongAudience), (["aud": ["client", "other"]], .wrongAudience),
            (["aud": ["client", "other"], "azp": "other"], .wrongAudience), (["iss": "https://evil.example"], .wrongIssuer),
            (["exp": Self.now - 300], .expired), (["iat": Self.now + 600], .issuedInFuture), (["nonce": "n-2"], .nonceMismatch),
        ]
        for (claims, failure) in cases {
            #expect(throws: failure, "\(claims)") { try Self.verify(try Self.token(claims: claims)) }
        }
        // Within the allowed clock skew, a just-expired token still passes.
        #expect(try Self.verify(try Self.token(claims: ["exp": Self.now - 30]))["sub"] != nil)
        #expect(try Self.verify(try Self.token(claims: ["aud": ["client", "other"], "azp": "client"]))["sub"] != nil)
    }

    /// Issue 17, item 2: `exp: 1e300` trapped the process in `Int64(Double)`.
    @Test func outOfRangeNumericClaimsAreInvalidNotATrap() throws {
        let cases: [[String: Any]] = [
            ["exp": 1e300], ["iat": 1e300], ["exp": -1e300], ["iat": -1], ["exp": 9.3e18], ["exp": 253_402_300_800],
        ]
        for claims in cases {
            #expect(throws: SSOFailure.invalidToken, "\(claims)") { try Self.verify(try Self.token(claims: claims)) }
        }
        // A fractional NumericDate is allowed by RFC 7519 and read as its whole seconds.
        #expect(try Self.verify(try Self.token(claims: ["exp": Double(Self.now) + 60.5]))["sub"] != nil)
        #expect(throws: SSOFailure.expired) { try Self.verify(try Self.token(claims: ["exp": "tomorrow"])) }
    }

    @Test func refusesAlgorithmsAndKeysItDoesNotTrust() throws {
        for alg in ["none", "HS256", "RS384", "PS256"] {
            #expect(throws: SSOFailure.unsupportedAlgorithm) { try Self.verify(try Self.token(header: ["alg": alg, "kid": "k1"])) }
        }
        #expect(throws: SSOFailure.unknownKey) { try Self.verify(try Self.token(header: ["alg": "ES256", "kid": "k2"])) }
        // RS256 claimed over an EC key: no key of that algorithm.
        #expect(throws: SSOFailure.unknownKey) { try Self.verify(try Self.token(header: ["alg": "RS256", "kid": "k1"])) }
        let good = try Self.token()
        var forged = good
        forged.signingInput = Data((String(decoding: good.signingInput, as: UTF8.self) + "x").utf8)
        #expect(throws: SSOFailure.badSignature) { try Self.verify(forged) }
        for junk in ["", "a.b", "a.b.c.d", "!!.??.##", String(repeating: "A", count: 20_000)] {
            #expect(throws: SSOFailure.malformedToken) { try CompactJWS(junk) }
        }
    }

    @Test func entraTenantPlaceholderIsFilledFromTid() throws {
        let template = "https://login.microsoftonline.com/{tenantid}/v2.0"
        let tid = "9188040d-6c67-4c5b-b112-36a304b66dad"
        let good = try Self.token(claims: ["iss": "https://login.microsoftonline.com/\(tid)/v2.0", "tid": tid])
        #expect(try Self.verify(good, issuer: template, tenants: [tid])["tid"]?.string == tid)
        let mismatched = try Self.token(claims: ["iss": "https://login.microsoftonline.com/\(tid)/v2.0", "tid": "another-tenant"])
        #expect(throws: SSOFailure.wrongIssuer) { try Self.verify(mismatched, issuer: template, tenants: [tid, "another-tenant"]) }
        let missing = try Self.token(claims: ["iss": "https://login.microsoftonline.com/\(tid)/v2.0"])
        #expect(throws: SSOFailure.wrongIssuer) { try Self.verify(missing, issuer: template, tenants: [tid]) }
        // A well-formed token of an organisation the provider does not list; and no list at all.
        let other = "0b6e4f5a-1111-4222-8333-944455556666"
        let foreign = try Self.token(claims: ["iss": "https://login.microsoftonline.com/\(other)/v2.0", "tid": other])
        #expect(throws: SSOFailure.tenantNotAllowed) { try Self.verify(foreign, issuer: template, tenants: [tid]) }
        #expect(throws: SSOFailure.tenantNotAllowed) { try Self.verify(good, issuer: template) }
        // A tid in upper case is the same tenant.
        let upper = try Self.token(claims: ["iss": "https://login.microsoftonline.com/\(tid.uppercased())/v2.0", "tid": tid.uppercased()])
        #expect(try Self.verify(upper, issuer: template, tenants: [tid])["tid"] != nil)
        // The list only matters for the template: a single-tenant issuer ignores it.
        #expect(try Self.verify(try Self.token())["sub"]?.string == "s")
    }

    @Test func aDiscoveryTemplateMustBeOnTheConfiguredOrigin() throws {
        func document(_ issuer: String) -> JSONClaim {
            .object([
                "issuer": .string(issuer), "authorization_endpoint": .string("https://login.microsoftonline.com/a"),
                "token_endpoint": .string("https://login.microsoftonline.com/t"), "jwks_uri": .string("https://login.microsoftonline.com/k"),
            ])
        }
        let configured = "https://login.microsoftonline.com/common/v2.0"
        let good = try OIDCDiscovery(document("https://login.microsoftonline.com/{tenantid}/v2.0"), configuredIssuer: configured, policy: .init())
        #expect(good.issuer.contains("{tenantid}"))
        #expect(throws: SSOFailure.discoveryMismatch) {
            try OIDCDiscovery(
                document("https://login.microsoftonline.com/{tenantid}/v2.0"), configuredIssuer: "https://evil.example/common/v2.0", policy: .init())
        }
        #expect(throws: SSOFailure.discoveryMismatch) {
            try OIDCDiscovery(document("https://other.example/x"), configuredIssuer: configured, policy: .init())
        }
    }

    @Test func multiTenantIssuersAreRecognised() {
        for issuer in [
            "https://login.microsoftonline.com/common/v2.0", "https://login.microsoftonline.com/organizations/v2.0/",
            "https://login.microsoftonline.com/{tenantid}/v2.0", "http://127.0.0.1:9/common/v2.0",
        ] {
            #expect(SSOProvider.isMultiTenantIssuer(issuer), "\(issuer)")
        }
        for issuer in [
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0", "https://idp.example/common", "https://idp.example",
        ] {
            #expect(!SSOProvider.isMultiTenantIssuer(issuer), "\(issuer)")
        }
    }

    @Test func endpointPolicyIsHTTPSOnly() {
        let strict = OIDCEndpointPolicy()
        let loose = OIDCEndpointPolicy(allowHTTPLoopback: true)
        #expect(strict.allows("https://idp.example/token"))
        #expect(!strict.allows("http://127.0.0.1:9000/token"))
        #expect(loose.allows("http://127.0.0.1:9000/token"))
        for url in ["http://idp.example/token", "http://10.0.0.1/", "file:///etc/passwd", "https://user:pw@idp.example/", "gopher://x"] {
            #expect(!loose.allows(url), "\(url)")
        }
    }
}
