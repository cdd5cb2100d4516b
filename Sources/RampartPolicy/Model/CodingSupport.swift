// SPDX-License-Identifier: Apache-2.0

/// A coding key made from any string, so model types can name Ranger's JSON fields directly.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

// Ranger's JSON comes from Jackson and Gson writers that disagree on small things (booleans as
// strings, numbers as strings, null lists). The model reads every field through these tolerant
// accessors so that one odd field never rejects a whole export.
extension KeyedDecodingContainer where Key == AnyKey {
    func value(_ key: String) -> JSONValue? {
        guard let v = try? decodeIfPresent(JSONValue.self, forKey: AnyKey(key)), !v.isNull else { return nil }
        return v
    }

    func string(_ key: String) -> String? { value(key)?.stringValue }

    func bool(_ key: String) -> Bool? { value(key)?.boolValue }

    func bool(_ key: String, default d: Bool) -> Bool { value(key)?.boolValue ?? d }

    func int64(_ key: String) -> Int64? { value(key)?.int64Value }

    func int(_ key: String) -> Int? { value(key)?.int64Value.map { Int(truncatingIfNeeded: $0) } }

    func strings(_ key: String) -> [String] {
        switch value(key) {
        case .array(let a)?: return a.compactMap { $0.stringValue }
        case .string(let s)?: return [s]
        default: return []
        }
    }

    func stringMap(_ key: String) -> [String: String] {
        guard case .object(let o)? = value(key) else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in o {
            if let s = v.stringValue { out[k] = s }
        }
        return out
    }

    func decode<T: Decodable>(_ type: T.Type, _ key: String) -> T? {
        guard contains(AnyKey(key)) else { return nil }
        return try? decodeIfPresent(T.self, forKey: AnyKey(key))
    }

    func list<T: Decodable>(_ type: T.Type, _ key: String) -> [T] {
        guard contains(AnyKey(key)), let a = try? decodeIfPresent([T?].self, forKey: AnyKey(key)) else { return [] }
        return a.compactMap { $0 }
    }

    func map<T: Decodable>(_ type: T.Type, _ key: String) -> [String: T] {
        guard contains(AnyKey(key)), let m = try? decodeIfPresent([String: T?].self, forKey: AnyKey(key)) else {
            return [:]
        }
        return m.compactMapValues { $0 }
    }
}

extension KeyedEncodingContainer where Key == AnyKey {
    mutating func put<T: Encodable>(_ v: T, _ key: String) throws {
        try encode(v, forKey: AnyKey(key))
    }

    mutating func putIfPresent<T: Encodable>(_ v: T?, _ key: String) throws {
        if let v { try encode(v, forKey: AnyKey(key)) }
    }
}
