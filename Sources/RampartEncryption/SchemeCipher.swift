// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The keyed half of a scheme that needs no storage: FF1 for `ff1`, the tokenizer for `token`.
/// (`aead` is sealed with the tenant's data key and the token vault lives in storage; both are the
/// application layer's.)
package enum SchemeCipher: Sendable {
    case ff1(FormatPreservingCipher)
    case token(KeyedTokenizer)
    case aead

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
            self = .aead
        }
    }

    /// Which characters the scheme's mask hides: the alphabet's for `ff1`, letters and digits otherwise.
    package func isMaskable(_ scalar: Unicode.Scalar) -> Bool {
        if case .ff1(let cipher) = self { return cipher.alphabet.numeral(of: scalar) != nil }
        return ValueMask.isLetterOrDigit(scalar)
    }
}
