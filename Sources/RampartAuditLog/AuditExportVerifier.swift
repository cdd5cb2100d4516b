// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// Verifies an export file line by line, with memory independent of its length.
///
/// The header sets up an ``AuditLogVerifier`` that continues from the header's prefix
/// frontier and requires every record to be covered by a valid checkpoint (directly or via a
/// consistency proof), since an export has no other source of trust. On top of the log
/// checks it reports lines that do not parse and a range that disagrees with the header.
///
/// An export proves its records are the log's records `fromSeq...toSeq` as of its
/// checkpoints. It cannot prove that the header's `toSeq` is the log's real end: compare the
/// latest checkpoint with one obtained independently for that.
package struct AuditExportVerifier: Sendable {
    private let trustedKeys: [Curve25519.Signing.PublicKey]
    private let maxFindings: Int
    private var header: AuditExportHeader?
    private var log: AuditLogVerifier?
    private var lineNumber = 0
    private var findings: [VerificationFinding] = []

    package init(trustedKeys: [Curve25519.Signing.PublicKey], maxFindings: Int = 1000) {
        self.trustedKeys = trustedKeys
        self.maxFindings = maxFindings
    }

    /// Checks the next line of the file; blank lines are skipped.
    package mutating func add(line: some StringProtocol) {
        add(text: String(line))
    }

    private mutating func add(text line: String) {
        lineNumber += 1
        guard line.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return }
        let parsed: AuditExportLine
        do {
            parsed = try AuditExport.decode(line)
        } catch let error as AuditLogError {
            note(.malformedLine, message: error.message)
            return
        } catch {
            note(.malformedLine, message: "\(error)")
            return
        }
        switch parsed {
        case .header(let header):
            start(header)
        case .record(let record, let leafHash):
            guard log != nil else {
                return note(.malformedLine, message: "record before the header")
            }
            log?.add(record, storedLeafHash: leafHash)
        case .checkpoint(let checkpoint):
            guard log != nil else {
                return note(.malformedLine, message: "checkpoint before the header")
            }
            log?.add(checkpoint)
        case .consistency(let proof):
            guard log != nil else {
                return note(.malformedLine, message: "consistency proof before the header")
            }
            log?.add(proof)
        }
    }

    /// The report for the lines seen so far.
    package func finish() -> VerificationReport {
        guard let header, let log else {
            var findings = findings
            findings.append(VerificationFinding(.malformedLine, message: "no header line"))
            return VerificationReport(
                tenantID: "",
                recordsChecked: 0,
                lastSeq: 0,
                checkpointsChecked: 0,
                checkpointsVerified: 0,
                verifiedThroughSize: 0,
                findings: findings,
                findingsOmitted: 0
            )
        }
        let report = log.finish()
        var trailing = [VerificationFinding]()
        if report.lastSeq < header.toSeq {
            trailing.append(
                VerificationFinding(
                    .truncated,
                    range: (report.lastSeq + 1)...header.toSeq,
                    message: "the export ends at seq \(report.lastSeq) but its header promises records through \(header.toSeq)"
                )
            )
        } else if report.lastSeq > header.toSeq {
            trailing.append(
                VerificationFinding(
                    .rangeMismatch,
                    message: "the export has records through seq \(report.lastSeq) but its header ends at \(header.toSeq)"
                )
            )
        }
        // Line findings happened first, the range check last; the cap applies to the whole.
        let all = findings + report.findings + trailing
        let kept = all.prefix(maxFindings)
        return VerificationReport(
            tenantID: report.tenantID,
            recordsChecked: report.recordsChecked,
            lastSeq: report.lastSeq,
            checkpointsChecked: report.checkpointsChecked,
            checkpointsVerified: report.checkpointsVerified,
            verifiedThroughSize: report.verifiedThroughSize,
            findings: Array(kept),
            findingsOmitted: report.findingsOmitted + (all.count - kept.count)
        )
    }

    private mutating func start(_ header: AuditExportHeader) {
        guard self.header == nil else {
            return note(.malformedLine, message: "a second header")
        }
        if header.format != AuditExportHeader.formatName || header.version != AuditExportHeader.currentVersion {
            note(.malformedLine, message: "unsupported export format `\(header.format)` version \(header.version)")
        }
        // The file is untrusted: a prefix of `Int64.max` leaves could not take one more record.
        guard header.prefix.size < Int64.max else {
            return note(.rangeMismatch, message: "the prefix claims \(header.prefix.size) records, more than a log can hold")
        }
        let (expectedPrefix, overflow) = header.fromSeq.subtractingReportingOverflow(1)
        if overflow || header.prefix.size != expectedPrefix {
            note(
                .rangeMismatch,
                message: "the prefix covers \(header.prefix.size) records but the export starts at seq \(header.fromSeq)"
            )
        }
        if header.toSeq < header.prefix.size {
            note(.rangeMismatch, message: "the export ends at seq \(header.toSeq), before its prefix of \(header.prefix.size)")
        }
        self.header = header
        log = AuditLogVerifier(
            tenantID: header.tenantID,
            trustedKeys: trustedKeys,
            prefix: header.prefix,
            options: .init(maxFindings: maxFindings, requireFullCoverage: true)
        )
    }

    private mutating func note(_ kind: VerificationFinding.Kind, message: String) {
        guard findings.count < maxFindings else { return }
        findings.append(VerificationFinding(kind, line: lineNumber, message: message))
    }
}
