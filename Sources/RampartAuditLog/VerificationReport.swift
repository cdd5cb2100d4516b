// SPDX-License-Identifier: Apache-2.0

/// The outcome of verifying a tenant's log or an export of it.
package struct VerificationReport: Sendable, Hashable, Codable {
    package var tenantID: String
    /// True when there are no findings at all.
    package var ok: Bool
    /// Records fed to the verifier.
    package var recordsChecked: Int64
    /// The highest seq seen (the prefix size when there were no records).
    package var lastSeq: Int64
    /// Checkpoints examined (signature, tenant, root).
    package var checkpointsChecked: Int
    /// Checkpoints whose signature was valid and whose root matched (directly or through a
    /// consistency proof).
    package var checkpointsVerified: Int
    /// The largest tree size a valid checkpoint vouched for: seqs up to here are proven.
    /// Records after it are not covered by any checkpoint yet.
    package var verifiedThroughSize: Int64
    /// What was wrong, in the order found.
    package var findings: [VerificationFinding]
    /// Findings dropped past the verifier's limit (``AuditLogVerifier/Options/maxFindings``).
    package var findingsOmitted: Int

    package init(
        tenantID: String,
        recordsChecked: Int64,
        lastSeq: Int64,
        checkpointsChecked: Int,
        checkpointsVerified: Int,
        verifiedThroughSize: Int64,
        findings: [VerificationFinding],
        findingsOmitted: Int
    ) {
        self.tenantID = tenantID
        self.ok = findings.isEmpty && findingsOmitted == 0
        self.recordsChecked = recordsChecked
        self.lastSeq = lastSeq
        self.checkpointsChecked = checkpointsChecked
        self.checkpointsVerified = checkpointsVerified
        self.verifiedThroughSize = verifiedThroughSize
        self.findings = findings
        self.findingsOmitted = findingsOmitted
    }

    /// The findings of one kind.
    package func findings(_ kind: VerificationFinding.Kind) -> [VerificationFinding] {
        findings.filter { $0.kind == kind }
    }
}
