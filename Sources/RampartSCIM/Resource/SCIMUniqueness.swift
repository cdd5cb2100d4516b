// SPDX-License-Identifier: Apache-2.0

/// Uniqueness of attributes declared `uniqueness: server` or `global` (RFC 7643 §7), such as
/// `userName`, compared as the attribute's `caseExact` says (so `Alice` and `alice` collide).
extension SCIMResourceType {
    /// One unique value of a resource, normalised for comparison and for a database index.
    package struct UniqueKey: Sendable, Hashable {
        /// The attribute's canonical name, such as `userName`.
        package var attribute: String
        /// The value, lower-cased unless the attribute is `caseExact`.
        package var key: String

        /// Creates a key.
        package init(attribute: String, key: String) {
            self.attribute = attribute
            self.key = key
        }
    }

    /// The unique values `attributes` holds. A server can keep these in a unique index and turn
    /// a constraint violation into ``SCIMError/Code/uniqueness``.
    package func uniqueKeys(of attributes: SCIMObject) -> [UniqueKey] {
        var keys: [UniqueKey] = []
        for attribute in schema.attributes where attribute.uniqueness != .none && !attribute.multiValued {
            guard case .string(let s)? = attributes.value(forAttribute: attribute.name) else { continue }
            keys.append(UniqueKey(attribute: attribute.name, key: attribute.caseExact ? s : s.lowercased()))
        }
        return keys
    }

    /// Checks that no other resource holds one of `attributes`' unique values.
    ///
    /// - Parameter others: the stored attributes of the tenant's other resources of this type
    ///   (leave out the resource being replaced or patched).
    /// - Throws: ``SCIMError`` `uniqueness` (409).
    package func checkUniqueness(_ attributes: SCIMObject, against others: some Sequence<SCIMObject>) throws(SCIMError) {
        let mine = uniqueKeys(of: attributes)
        guard !mine.isEmpty else { return }
        let wanted = Set(mine)
        for other in others {
            for key in uniqueKeys(of: other) where wanted.contains(key) {
                throw SCIMError(.uniqueness, "\(SCIMError.quote(key.attribute)) is already taken")
            }
        }
    }
}
