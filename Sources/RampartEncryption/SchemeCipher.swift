// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The keyed half of a scheme: FF1 for `ff1`, the tokenizer for `token`, the key material `aead`
/// derives its sealing keys from (with the tenant's data key, which the application layer holds,
/// as it holds the token vault).
package enum SchemeCipher: Sendable {
    case ff1(FormatPreservingCipher)
    case token(KeyedTokenizer)
    /// The scheme's key material: sealing keys derive from it and the tenant's data key version
    /// (``SchemeKeys/aeadKey(material:dataKey:schemeID:)``).
    case aead(SymmetricKey)

    /// - Parameter definition: a definition ``EncryptionSchemeDefinition/validated()`` returned.
    package init(definition: EncryptionSchemeDefinition, schemeID: String, material: SymmetricKey) throws {
        switch definition.algorithm {
        case .ff1:
            let tweak: FormatPreservingCipher.TweakSource =
                switch definition.tweak ?? .none {
                case .none: .none
                case .fixed: .fixed(Array((definition.fixedTweak ?? "").utf8))
                case .kept: .keptCharacters
                }
            self = .ff1(
                try FormatPreservingCipher(
                    key: SchemeKeys.ff1Key(material: material, schemeID: schemeID), alphabet: try definition.resolvedAlphabet(),
                    keepFirst: definition.keepFirst ?? 0, keepLast: definition.keepLast ?? 0, tweak: tweak))
        case .token:
            self = .token(
                try KeyedTokenizer(key: SchemeKeys.tokenKey(material: material, schemeID: schemeID), prefix: definition.tokenPrefix ?? "tok_"))
        case .aead:
            self = .aead(material)
        }
    }

    /// Which characters the scheme's mask hides: the alphabet's for `ff1`, letters and digits otherwise.
    package func isMaskable(_ scalar: Unicode.Scalar) -> Bool {
        if case .ff1(let cipher) = self { return cipher.alphabet.numeral(of: scalar) != nil }
        return ValueMask.isLetterOrDigit(scalar)
    }
}
