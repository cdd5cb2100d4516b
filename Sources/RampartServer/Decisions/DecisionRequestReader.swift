// SPDX-License-Identifier: Apache-2.0

import RampartApp

/// Reads decision request bodies without Foundation's `JSONDecoder`, which took about a fifth of
/// the server's time under a full load of 1,000-request batches.
///
/// It is strict and small on purpose: it reads exactly the shape of ``DecisionsController/DecisionRequest``
/// and gives up (returns `nil`) on anything it does not fully understand — a duplicate key, a
/// number where a string belongs, an unusual escape, nesting deeper than 64. The caller then
/// decodes the same bytes with `JSONDecoder`, so malformed bodies get exactly the errors every
/// other route gives, and this reader never accepts what the general decoder would refuse.
struct DecisionRequestReader {
    private struct GiveUp: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// A `{"requests": [...]}` batch body, or `nil` when the general decoder must judge it.
    static func batch(_ bytes: UnsafeRawBufferPointer) -> [DecisionsController.DecisionRequest]? {
        var reader = DecisionRequestReader(bytes: bytes)
        do {
            var requests: [DecisionsController.DecisionRequest]?
            try reader.readObject { reader, key throws(GiveUp) in
                guard key == "requests", requests == nil else {
                    if key == "requests" { throw GiveUp() }
                    return try reader.skipValue(depth: 1)
                }
                var list: [DecisionsController.DecisionRequest] = []
                try reader.readArray { reader throws(GiveUp) in list.append(try reader.readRequest()) }
                requests = list
            }
            try reader.expectEnd()
            return requests
        } catch {
            return nil
        }
    }

    /// A single decision request body, or `nil` when the general decoder must judge it.
    static func single(_ bytes: UnsafeRawBufferPointer) -> DecisionsController.DecisionRequest? {
        var reader = DecisionRequestReader(bytes: bytes)
        do {
            let request = try reader.readRequest()
            try reader.expectEnd()
            return request
        } catch {
            return nil
        }
    }

    // MARK: The request shape

    private mutating func readRequest() throws(GiveUp) -> DecisionsController.DecisionRequest {
        var service: String?
        var user: String?
        var accessType: String?
        var resource: [String: String]?
        var groups: [String]??
        var roles: [String]??
        var context: [String: String]??
        var userAttributes: [String: String]??
        try readObject { reader, key throws(GiveUp) in
            switch key {
            case "service":
                guard service == nil else { throw GiveUp() }
                service = try reader.readString()
            case "user":
                guard user == nil else { throw GiveUp() }
                user = try reader.readString()
            case "accessType":
                guard accessType == nil else { throw GiveUp() }
                accessType = try reader.readString()
            case "resource":
                guard resource == nil else { throw GiveUp() }
                resource = try reader.readStringMap()
            case "groups":
                guard groups == nil else { throw GiveUp() }
                groups = .some(try reader.readNull() ? nil : try reader.readStringList())
            case "roles":
                guard roles == nil else { throw GiveUp() }
                roles = .some(try reader.readNull() ? nil : try reader.readStringList())
            case "context":
                guard context == nil else { throw GiveUp() }
                context = .some(try reader.readNull() ? nil : try reader.readStringMap())
            case "userAttributes":
                guard userAttributes == nil else { throw GiveUp() }
                userAttributes = .some(try reader.readNull() ? nil : try reader.readStringMap())
            default:
                try reader.skipValue(depth: 2)
            }
        }
        guard let service, let user, let accessType, let resource else { throw GiveUp() }
        return DecisionsController.DecisionRequest(
            service: service, user: user, groups: groups ?? nil, roles: roles ?? nil, resource: resource, accessType: accessType,
            context: context ?? nil, userAttributes: userAttributes ?? nil)
    }

    private mutating func readStringList() throws(GiveUp) -> [String] {
        var list: [String] = []
        try readArray { reader throws(GiveUp) in list.append(try reader.readString()) }
        return list
    }

    private mutating func readStringMap() throws(GiveUp) -> [String: String] {
        var map: [String: String] = [:]
        try readObject { reader, key throws(GiveUp) in
            guard map.updateValue(try reader.readString(), forKey: key) == nil else { throw GiveUp() }
        }
        return map
    }

    // MARK: JSON

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(GiveUp) {
        skipSpace()
        guard current == byte else { throw GiveUp() }
        position += 1
    }

    private mutating func expectEnd() throws(GiveUp) {
        skipSpace()
        guard position == bytes.count else { throw GiveUp() }
    }

    /// `{ "key": value, ... }`, calling `member` positioned at each value.
    private mutating func readObject(_ member: (inout DecisionRequestReader, String) throws(GiveUp) -> Void) throws(GiveUp) {
        try expect(0x7B)
        skipSpace()
        if current == 0x7D {
            position += 1
            return
        }
        while true {
            let key = try readString()
            try expect(0x3A)
            try member(&self, key)
            skipSpace()
            switch current {
            case 0x2C: position += 1
            case 0x7D:
                position += 1
                return
            default: throw GiveUp()
            }
        }
    }

    /// `[ value, ... ]`, calling `element` positioned at each value.
    private mutating func readArray(_ element: (inout DecisionRequestReader) throws(GiveUp) -> Void) throws(GiveUp) {
        try expect(0x5B)
        skipSpace()
        if current == 0x5D {
            position += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            switch current {
            case 0x2C: position += 1
            case 0x5D:
                position += 1
                return
            default: throw GiveUp()
            }
        }
    }

    private mutating func readNull() throws(GiveUp) -> Bool {
        skipSpace()
        guard current == 0x6E else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(GiveUp) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw GiveUp() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw GiveUp() }
        position += count
    }

    /// A string; plain ones (no escapes) are validated as UTF-8 in one step.
    private mutating func readString() throws(GiveUp) -> String {
        try expect(0x22)
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                // ASCII needs no validation, and decoding it is exact (nothing to repair).
                if ascii { return String(decoding: raw, as: UTF8.self) }
                guard let text = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                return text
            }
            if byte == 0x5C { return try readEscapedString(from: start) }
            guard byte >= 0x20 else { throw GiveUp() }
            ascii = ascii && byte < 0x80
            position += 1
        }
        throw GiveUp()
    }

    private mutating func readEscapedString(from start: Int) throws(GiveUp) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22:
                guard let text = String(validating: utf8, as: UTF8.self) else { throw GiveUp() }
                return text
            case 0x5C:
                guard let escape = current else { throw GiveUp() }
                position += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: utf8.append(escape)
                case 0x62: utf8.append(0x08)
                case 0x66: utf8.append(0x0C)
                case 0x6E: utf8.append(0x0A)
                case 0x72: utf8.append(0x0D)
                case 0x74: utf8.append(0x09)
                case 0x75:
                    var scalar = try readHex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard current == 0x5C else { throw GiveUp() }
                        position += 1
                        guard current == 0x75 else { throw GiveUp() }
                        position += 1
                        let low = try readHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw GiveUp() }
                    utf8.append(contentsOf: String(unicode).utf8)
                default: throw GiveUp()
                }
            default:
                guard byte >= 0x20 else { throw GiveUp() }
                utf8.append(byte)
            }
        }
        throw GiveUp()
    }

    private mutating func readHex4() throws(GiveUp) -> UInt32 {
        guard position + 4 <= bytes.count else { throw GiveUp() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw GiveUp()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Skips any JSON value (an unknown member), checking its grammar.
    private mutating func skipValue(depth: Int) throws(GiveUp) {
        guard depth <= 64 else { throw GiveUp() }
        skipSpace()
        switch current {
        case 0x22: _ = try readString()
        case 0x7B: try readObject { reader, _ throws(GiveUp) in try reader.skipValue(depth: depth + 1) }
        case 0x5B: try readArray { reader throws(GiveUp) in try reader.skipValue(depth: depth + 1) }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D?, 0x30?, 0x31?, 0x32?, 0x33?, 0x34?, 0x35?, 0x36?, 0x37?, 0x38?, 0x39?: try skipNumber()
        default: throw GiveUp()
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func skipNumber() throws(GiveUp) {
        if current == 0x2D { position += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw GiveUp() }
        position += 1
        if first != 0x30 { try skipDigits() }
        if current == 0x2E {
            position += 1
            guard try skipDigits() > 0 else { throw GiveUp() }
        }
        if current == 0x65 || current == 0x45 {
            position += 1
            if current == 0x2B || current == 0x2D { position += 1 }
            guard try skipDigits() > 0 else { throw GiveUp() }
        }
    }

    @discardableResult
    private mutating func skipDigits() throws(GiveUp) -> Int {
        let start = position
        while let byte = current, (0x30...0x39).contains(byte) { position += 1 }
        return position - start
    }
}
