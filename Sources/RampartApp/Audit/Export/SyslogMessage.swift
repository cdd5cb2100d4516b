// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore

/// RFC 5424 rendering of an audit record, framed by octet counting (RFC 6587 §3.4.1).
///
/// The record's fields travel as structured data (`[rampart@32473 …]`, the documentation
/// enterprise number of RFC 5612) so collectors can index them without parsing the message,
/// and the message is the record's JSON. Nothing secret is in a record, so nothing secret is here.
package enum SyslogMessage {
    package static let sdID = "rampart@32473"

    package static func frame(_ record: AuditRecord, hostname: String, processID: Int32) -> [UInt8] {
        let message = Array(render(record, hostname: hostname, processID: processID).utf8)
        return Array("\(message.count) ".utf8) + message
    }

    package static func render(_ record: AuditRecord, hostname: String, processID: Int32) -> String {
        // Facility 13 (log audit); notice for allowed, warning for denied and errors.
        let severity = record.outcome == "allowed" ? 5 : 4
        let priority = 13 * 8 + severity
        let timestamp = Timestamp.rfc3339(microseconds: record.time)
        var params: [(String, String)] = [
            ("tenant", record.tenantID), ("seq", String(record.seq)), ("actorType", record.actorType), ("operation", record.operation),
            ("outcome", record.outcome),
        ]
        let optional: [(String, String?)] = [
            ("actor", record.actorID), ("sourceIp", record.sourceIP), ("method", record.method), ("path", record.path),
            ("entityType", record.entityType), ("entity", record.entityID), ("status", record.status.map(String.init)),
            ("requestId", record.requestID), ("batchId", record.batchID), ("service", record.service), ("resource", record.resource),
            ("accessType", record.accessType), ("policyId", record.policyID), ("policyVersion", record.policyVersion.map(String.init)),
        ]
        for (name, value) in optional { if let value { params.append((name, value)) } }
        let data = params.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ")
        let json = (try? JSONEncoder.sorted.encode(record)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "<\(priority)>1 \(timestamp) \(field(hostname)) rampart \(processID) audit [\(sdID) \(data)] \(json)"
    }

    /// SD-PARAM values escape `"`, `\` and `]` (RFC 5424 §6.3.3).
    package static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            if character == "\"" || character == "\\" || character == "]" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Header fields are printable US-ASCII without spaces, at most 255 characters, or `-`.
    package static func field(_ value: String) -> String {
        let cleaned = String(value.unicodeScalars.filter { $0.value > 32 && $0.value < 127 }.prefix(255).map(Character.init))
        return cleaned.isEmpty ? "-" : cleaned
    }
}

extension JSONEncoder {
    package static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
