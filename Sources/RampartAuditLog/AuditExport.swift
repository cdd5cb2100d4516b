// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The export file format: JSON Lines, one ``AuditExportLine`` object per line.
///
/// ```text
/// {"format":"rampart-audit-export","fromSeq":101,…,"prefix":{"hashes":[…],"size":100},"toSeq":250,"type":"header",…}
/// {"fromSize":250,"hashes":[…],"toSize":300,"type":"consistency"}
/// {"keyId":"…","rootHash":"…","signature":"…","tenantId":"t1","timestamp":…,"treeSize":200,"type":"checkpoint"}
/// {"keyId":"…","rootHash":"…","signature":"…","tenantId":"t1","timestamp":…,"treeSize":300,"type":"checkpoint"}
/// {"actorType":"user",…,"leafHash":"…","seq":101,…,"type":"record"}
/// …
/// ```
///
/// A file can be checked offline with only the public key (``verify(lines:trustedKeys:)``).
/// Keys are sorted and nil fields omitted, so the same export always gives the same bytes.
/// Record lines go through a fast flat-object reader and writer (``FlatJSON``); other
/// lines, and record lines it declines (nesting, exponents), through Foundation's coders.
package enum AuditExport {
    /// Renders one line (no trailing newline).
    package static func encode(_ line: AuditExportLine) throws -> String {
        if case .record(let record, let leafHash) = line {
            return AuditExportLine.encodeRecordLine(record, leafHash: leafHash)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }

    /// Parses one line.
    ///
    /// - Throws: ``AuditLogError/Code/malformedExport`` when the line is not a JSON object of a
    ///   known `type` with valid fields.
    package static func decode(_ line: some StringProtocol) throws -> AuditExportLine {
        try decode(String(line))
    }

    // Not generic, so the per-line hot path is specialised inside this module whatever the
    // caller's string type.
    static func decode(_ line: String) throws -> AuditExportLine {
        var line = line
        let fast = line.withUTF8 { AuditExportLine.decodeRecordLine(UnsafeRawBufferPointer($0)) }
        switch fast {
        case .line(let parsed): return parsed
        case .malformed(let reason): throw AuditLogError(.malformedExport, reason)
        case .notHandled: break
        }
        do {
            return try JSONDecoder().decode(AuditExportLine.self, from: Data(line.utf8))
        } catch let error as AuditLogError {
            throw AuditLogError(.malformedExport, error.message)
        } catch {
            throw AuditLogError(.malformedExport, "not an export line: \(error)")
        }
    }

    /// Verifies a whole export against the trusted checkpoint keys.
    package static func verify<Lines: Sequence>(
        lines: Lines,
        trustedKeys: [Curve25519.Signing.PublicKey],
        maxFindings: Int = 1000
    ) -> VerificationReport where Lines.Element: StringProtocol {
        var verifier = AuditExportVerifier(trustedKeys: trustedKeys, maxFindings: maxFindings)
        for line in lines {
            verifier.add(line: line)
        }
        return verifier.finish()
    }

    /// Verifies a whole export against one public key.
    package static func verify<Lines: Sequence>(
        lines: Lines,
        publicKey: Curve25519.Signing.PublicKey
    ) -> VerificationReport where Lines.Element: StringProtocol {
        verify(lines: lines, trustedKeys: [publicKey])
    }
}
