// SPDX-License-Identifier: Apache-2.0

import Crypto
import CryptoExtras
import Foundation
import RampartCore

/// A public key from an identity provider's JWKS (RFC 7517), ready to verify ID token signatures.
///
/// Only the two algorithms OpenID Connect providers sign ID tokens with are accepted: RS256 (RSA,
/// at least 2048 bits) and ES256 (P-256). The signature checks are swift-crypto's.
package struct JSONWebKey: Sendable {
    package enum Material: Sendable {
        case rsa(_RSA.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
    }

    package var keyID: String?
    package var material: Material

    /// The algorithm this key verifies.
    package var algorithm: JWSAlgorithm {
        switch material {
        case .rsa: .rs256
        case .p256: .es256
        }
    }

    /// Reads one JWK. Returns nil for keys Rampart does not use (encryption keys, other curves,
    /// symmetric keys), so one unusable key does not poison the set.
    package init?(_ jwk: JSONClaim) {
        if let use = jwk["use"]?.string, use != "sig" { return nil }
        keyID = jwk["kid"]?.string
        switch jwk["kty"]?.string {
        case "RSA":
            if let alg = jwk["alg"]?.string, alg != "RS256" { return nil }
            guard let n = jwk["n"]?.string.flatMap(Base64URL.decode), let e = jwk["e"]?.string.flatMap(Base64URL.decode),
                let key = try? _RSA.Signing.PublicKey(n: n, e: e), key.keySizeInBits >= 2048
            else { return nil }
            material = .rsa(key)
        case "EC":
            if let alg = jwk["alg"]?.string, alg != "ES256" { return nil }
            guard jwk["crv"]?.string == "P-256", let x = jwk["x"]?.string.flatMap(Base64URL.decode),
                let y = jwk["y"]?.string.flatMap(Base64URL.decode), x.count == 32, y.count == 32,
                let key = try? P256.Signing.PublicKey(rawRepresentation: x + y)
            else { return nil }
            material = .p256(key)
        default:
            return nil
        }
    }

    /// Every usable key of a JWKS document.
    package static func set(_ document: JSONClaim) -> [JSONWebKey] {
        guard case .array(let keys)? = document["keys"] else { return [] }
        return keys.compactMap(JSONWebKey.init)
    }

    /// Whether `signature` over `input` verifies under this key with `algorithm`.
    package func verifies(_ signature: Data, over input: Data, algorithm: JWSAlgorithm) -> Bool {
        switch (material, algorithm) {
        case (.rsa(let key), .rs256):
            // RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3); swift-crypto names the
            // padding "insecure" to steer new designs to PSS, but it is what RS256 is.
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: input), padding: .insecurePKCS1v1_5)
        case (.p256(let key), .es256):
            // JWS ECDSA signatures are r || s (RFC 7518 §3.4), swift-crypto's raw representation.
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: SHA256.hash(data: input))
        default:
            return false
        }
    }
}

/// The JWS algorithms Rampart accepts on ID tokens. `none` and the HMAC family are refused by
/// construction: an HMAC "signature" keyed with a public key or the client secret proves nothing
/// about the issuer.
package enum JWSAlgorithm: String, Sendable {
    case rs256 = "RS256"
    case es256 = "ES256"
}
