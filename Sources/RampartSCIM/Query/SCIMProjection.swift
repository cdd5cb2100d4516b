// SPDX-License-Identifier: Apache-2.0

/// The `attributes` / `excludedAttributes` parameters (RFC 7644 §3.4.2.5, §3.9) and the
/// `returned` characteristic of each attribute (RFC 7643 §7).
///
/// - `always` attributes (`id`, plus `schemas`) are returned even when not requested or excluded;
/// - `never` attributes (`password`) are never returned;
/// - `request` attributes only when `attributes` names them;
/// - `default` attributes unless `attributes` names others or `excludedAttributes` names them.
///
/// Names may be sub-attributes (`name.givenName`, `emails.value`), URN-qualified
/// (`urn:…:enterprise:2.0:User:department`) or a whole extension URN. Unknown names are
/// ignored. When both parameters are given, `attributes` wins.
package struct SCIMProjection: Sendable, Hashable {
    /// The `attributes` list.
    package var attributes: [String]
    /// The `excludedAttributes` list.
    package var excludedAttributes: [String]

    /// No projection: the default representation.
    package static let none = SCIMProjection(attributes: [], excludedAttributes: [])

    /// Creates a projection from parsed lists.
    package init(attributes: [String], excludedAttributes: [String]) {
        self.attributes = attributes
        self.excludedAttributes = excludedAttributes
    }

    /// Creates a projection from the comma-separated query parameters.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` when a list is longer than `limits.maxPathLength`
    ///   bytes per name times 64 names.
    package init(attributes: String?, excludedAttributes: String?, limits: SCIMLimits = .default) throws(SCIMError) {
        self.attributes = try Self.split(attributes, limits: limits)
        self.excludedAttributes = try Self.split(excludedAttributes, limits: limits)
    }

    static func split(_ list: String?, limits: SCIMLimits) throws(SCIMError) -> [String] {
        guard let list else { return [] }
        guard list.utf8.count <= limits.maxPathLength * 64 else {
            throw SCIMError(.invalidValue, "attribute list longer than \(limits.maxPathLength * 64) bytes")
        }
        return list.split(separator: ",").map { String($0.trimmingSpacesSubstring) }.filter { !$0.isEmpty }
    }

    /// Applies the projection to a rendered resource of `type`.
    package func apply(to resource: SCIMObject, type: SCIMResourceType) -> SCIMObject {
        let selection = Selection(names: attributes.isEmpty ? excludedAttributes : attributes, type: type)
        let including = !attributes.isEmpty
        let excluding = !including && !excludedAttributes.isEmpty
        var out = SCIMObject()
        for member in resource {
            if scimNamesEqual(member.key, "schemas") {
                out[member.key] = member.value
                continue
            }
            if let ext = type.extensionSchema(member.key), case .object(let extObject) = member.value {
                let wholeExtension = selection.extensions.contains(ext.id.lowercased())
                var extOut = SCIMObject()
                for extMember in extObject {
                    let definition = ext.attribute(extMember.key)
                    if let v = project(extMember, definition, key: ext.id.lowercased() + ":", selection, including, excluding, whole: wholeExtension)
                    {
                        extOut[extMember.key] = v
                    }
                }
                if !extOut.isEmpty { out[member.key] = .object(extOut) }
                continue
            }
            let definition = type.attribute(named: member.key, extensionURN: nil)
            if let v = project(member, definition, key: "", selection, including, excluding, whole: false) {
                out[member.key] = v
            }
        }
        return out
    }

    private func project(
        _ member: SCIMObject.Member, _ definition: SCIMAttribute?, key prefix: String, _ selection: Selection,
        _ including: Bool, _ excluding: Bool, whole: Bool
    ) -> SCIMValue? {
        let returned = definition?.returned ?? .default
        if returned == .never { return nil }
        if returned == .always { return member.value }
        let key = prefix + (definition?.name ?? member.key).lowercased()
        if including {
            if whole || selection.whole.contains(key) { return member.value }
            if let subs = selection.subAttributes[key] { return keep(member.value, only: subs) }
            return nil
        }
        if returned == .request { return nil }
        if excluding {
            if whole || selection.whole.contains(key) { return nil }
            if let subs = selection.subAttributes[key] { return drop(member.value, subs) }
        }
        return member.value
    }

    private func keep(_ value: SCIMValue, only subs: Set<String>) -> SCIMValue? {
        switch value {
        case .object(let o):
            var out = SCIMObject()
            for m in o where subs.contains(m.key.lowercased()) { out[m.key] = m.value }
            return out.isEmpty ? nil : .object(out)
        case .array(let a):
            let kept = a.compactMap { keep($0, only: subs) }
            return kept.isEmpty ? nil : .array(kept)
        default:
            return nil
        }
    }

    private func drop(_ value: SCIMValue, _ subs: Set<String>) -> SCIMValue? {
        switch value {
        case .object(let o):
            var out = SCIMObject()
            for m in o where !subs.contains(m.key.lowercased()) { out[m.key] = m.value }
            return out.isEmpty ? nil : .object(out)
        case .array(let a):
            let kept = a.compactMap { drop($0, subs) }
            return kept.isEmpty ? nil : .array(kept)
        default:
            return value
        }
    }

    /// The requested names, resolved and lower-cased: `attr` or `urn:attr` keys.
    private struct Selection {
        var whole: Set<String> = []
        var subAttributes: [String: Set<String>] = [:]
        var extensions: Set<String> = []

        init(names: [String], type: SCIMResourceType) {
            for name in names {
                guard let path = SCIMAttributePath.parse(name) else { continue }
                switch type.resolve(path) {
                case .extensionRoot(let ext)?:
                    extensions.insert(ext.id.lowercased())
                case .attribute(let r)?:
                    let key = (r.extensionURN.map { $0.lowercased() + ":" } ?? "") + r.attribute.name.lowercased()
                    if let sub = r.subAttribute {
                        subAttributes[key, default: []].insert(sub.name.lowercased())
                    } else {
                        whole.insert(key)
                    }
                case nil:
                    continue
                }
            }
        }
    }
}
