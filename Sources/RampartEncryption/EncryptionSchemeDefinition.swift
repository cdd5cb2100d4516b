// SPDX-License-Identifier: Apache-2.0

/// What an encryption scheme does to values, as a tenant writes it (`/v1/encryption-schemes`);
/// the scheme's name and key live beside it.
///
/// - `ff1`: format-preserving encryption (NIST SP 800-38G FF1) over an alphabet, some characters
///   kept in clear, with an optional tweak.
/// - `token`: deterministic keyed tokens; reversible only through the tenant's token vault.
/// - `aead`: AES-256-GCM, randomized, for free text; the ciphertext names its key version.
package struct EncryptionSchemeDefinition: Codable, Sendable, Equatable {
    package enum Algorithm: String, Codable, Sendable, CaseIterable {
        case ff1, token, aead
    }

    package enum AlphabetName: String, Codable, Sendable, CaseIterable {
        case digits
        case lowercaseAlphanumeric = "lowercase-alphanumeric"
        case alphanumeric
        case custom
    }

    package enum TweakKind: String, Codable, Sendable, CaseIterable {
        /// No tweak.
        case none
        /// `fixedTweak`, the same for every value.
        case fixed
        /// The characters kept in clear.
        case kept
    }

    package var algorithm: Algorithm
    package var alphabet: AlphabetName?
    package var customAlphabet: String?
    package var keepFirst: Int?
    package var keepLast: Int?
    package var tweak: TweakKind?
    package var fixedTweak: String?
    package var reversible: Bool?
    package var tokenPrefix: String?
    /// The masked form `unprotect-masked` returns.
    package var mask: ValueMask?

    package init(
        algorithm: Algorithm, alphabet: AlphabetName? = nil, customAlphabet: String? = nil, keepFirst: Int? = nil, keepLast: Int? = nil,
        tweak: TweakKind? = nil, fixedTweak: String? = nil, reversible: Bool? = nil, tokenPrefix: String? = nil, mask: ValueMask? = nil
    ) {
        self.algorithm = algorithm
        self.alphabet = alphabet
        self.customAlphabet = customAlphabet
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.tweak = tweak
        self.fixedTweak = fixedTweak
        self.reversible = reversible
        self.tokenPrefix = tokenPrefix
        self.mask = mask
    }

    /// The definition with every default filled in, or an error naming the first wrong setting.
    /// Settings of another algorithm are refused, not ignored, so a typo cannot pass for a choice.
    package func validated() throws -> EncryptionSchemeDefinition {
        var out = self
        let mask = self.mask ?? ValueMask()
        guard (0...ValueMask.maximumShown).contains(mask.showFirst) else {
            throw EncryptionError(.invalidScheme, "0 to \(ValueMask.maximumShown)", field: "mask.showFirst")
        }
        guard (0...ValueMask.maximumShown).contains(mask.showLast) else {
            throw EncryptionError(.invalidScheme, "0 to \(ValueMask.maximumShown)", field: "mask.showLast")
        }
        out.mask = mask
        switch algorithm {
        case .ff1:
            try refuse(reversible, "reversible", for: "token")
            try refuse(tokenPrefix, "tokenPrefix", for: "token")
            let alphabet = self.alphabet ?? .digits
            out.alphabet = alphabet
            if alphabet == .custom {
                guard let custom = customAlphabet else {
                    throw EncryptionError(.invalidScheme, "a custom alphabet names its characters", field: "customAlphabet")
                }
                do { _ = try Alphabet(custom) } catch let error as EncryptionError {
                    throw EncryptionError(.invalidScheme, error.message, field: "customAlphabet")
                }
            } else if customAlphabet != nil {
                throw EncryptionError(.invalidScheme, "only with alphabet `custom`", field: "customAlphabet")
            }
            for (name, value) in [("keepFirst", keepFirst), ("keepLast", keepLast)] {
                guard (0...FormatPreservingCipher.maximumKept).contains(value ?? 0) else {
                    throw EncryptionError(.invalidScheme, "0 to \(FormatPreservingCipher.maximumKept)", field: name)
                }
            }
            out.keepFirst = keepFirst ?? 0
            out.keepLast = keepLast ?? 0
            let tweak = self.tweak ?? .none
            out.tweak = tweak
            switch tweak {
            case .fixed:
                guard let fixed = fixedTweak, !fixed.isEmpty, fixed.utf8.count <= FF1.maximumTweakLength else {
                    throw EncryptionError(.invalidScheme, "1 to \(FF1.maximumTweakLength) bytes with tweak `fixed`", field: "fixedTweak")
                }
            case .none, .kept:
                if fixedTweak != nil { throw EncryptionError(.invalidScheme, "only with tweak `fixed`", field: "fixedTweak") }
            }
            if tweak == .kept, (out.keepFirst ?? 0) + (out.keepLast ?? 0) == 0 {
                throw EncryptionError(.invalidScheme, "tweak `kept` needs keepFirst or keepLast", field: "tweak")
            }
        case .token, .aead:
            try refuse(alphabet, "alphabet", for: "ff1")
            try refuse(customAlphabet, "customAlphabet", for: "ff1")
            try refuse(keepFirst, "keepFirst", for: "ff1")
            try refuse(keepLast, "keepLast", for: "ff1")
            try refuse(tweak, "tweak", for: "ff1")
            try refuse(fixedTweak, "fixedTweak", for: "ff1")
            if algorithm == .token {
                out.reversible = reversible ?? false
                let prefix = tokenPrefix ?? "tok_"
                out.tokenPrefix = prefix
                guard prefix.utf8.count <= 16, prefix.utf8.allSatisfy({ $0 < 0x80 && KeyedTokenizer.isPrefixCharacter($0) }) else {
                    throw EncryptionError(.invalidScheme, "up to 16 characters of A-Z, a-z, 0-9, _ and -", field: "tokenPrefix")
                }
            } else {
                try refuse(reversible, "reversible", for: "token")
                try refuse(tokenPrefix, "tokenPrefix", for: "token")
            }
        }
        return out
    }

    /// The alphabet of an `ff1` scheme.
    package func resolvedAlphabet() throws -> Alphabet {
        switch alphabet ?? .digits {
        case .digits: .digits
        case .lowercaseAlphanumeric: .lowercaseAlphanumeric
        case .alphanumeric: .alphanumeric
        case .custom: try Alphabet(customAlphabet ?? "")
        }
    }

    private func refuse(_ value: (some Any)?, _ field: String, for algorithm: String) throws {
        if value != nil { throw EncryptionError(.invalidScheme, "only for algorithm `\(algorithm)`", field: field) }
    }
}
