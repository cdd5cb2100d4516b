// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore
import RampartEncryption

/// An encryption scheme as the API shows it: its settings, never its key.
struct EncryptionSchemeResponse: Encodable {
    var id: String
    var name: String
    var description: String
    var algorithm: String
    var alphabet: String?
    var customAlphabet: String?
    var keepFirst: Int?
    var keepLast: Int?
    var tweak: String?
    var fixedTweak: String?
    var reversible: Bool?
    var tokenPrefix: String?
    var mask: ValueMask?
    /// For `ff1`: the fewest characters of the alphabet a value must have.
    var minimumLength: Int?
    var createdAt: String

    init(_ described: EncryptionSchemes.Described) {
        let scheme = described.scheme
        let definition = described.definition
        id = scheme.id
        name = scheme.name
        description = scheme.description
        algorithm = definition.algorithm.rawValue
        alphabet = definition.alphabet?.rawValue
        customAlphabet = definition.customAlphabet
        keepFirst = definition.keepFirst
        keepLast = definition.keepLast
        tweak = definition.tweak?.rawValue
        fixedTweak = definition.fixedTweak
        reversible = definition.reversible
        tokenPrefix = definition.tokenPrefix
        mask = definition.mask
        if definition.algorithm == .ff1, let alphabet = try? definition.resolvedAlphabet() {
            minimumLength = (definition.keepFirst ?? 0) + (definition.keepLast ?? 0) + FF1.minimumLength(radix: alphabet.radix)
        }
        createdAt = Timestamp.rfc3339(milliseconds: scheme.createdAt)
    }
}
