// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartAuditLog
import RampartCore
import RampartStorage

/// The audit log in the console (`audit:read`): records through ``AuditQueries`` as
/// `GET /v1/audit/records` reads them, and each record's inclusion in the latest signed
/// checkpoint checked before the page shows it.
extension ConsoleController {
    @Sendable func auditRecords(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .auditRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        let parameters = request.uri.queryParameters
        let actor = parameters["actor"].map(String.init).flatMap { $0.isEmpty || $0.count > 128 ? nil : $0 }
        let outcome = parameters["outcome"].map(String.init).flatMap { ["allowed", "denied", "error"].contains($0) ? $0 : nil }
        let after = parameters["after"].flatMap { Int64($0) }.map { max(0, $0) } ?? 0
        let page = try await AuditQueries(services: services).records(
            AuditQuery(actorID: actor, outcome: outcome, afterSeq: after, limit: 50), in: signedIn.tenant.id)
        // The filters carried to the next page's link.
        var query = ""
        if let actor { query += "actor=\(actor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" }
        if let outcome { query += "outcome=\(outcome)&" }
        return Self.page(
            ConsolePages.auditRecords(
                signedIn.viewer, page, filter: ConsolePages.AuditFilter(actor: actor ?? "", outcome: outcome ?? ""), query: query))
    }

    @Sendable func auditRecord(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let visit = try await visit(request, context: context, needs: .auditRead)
        guard case .signedIn(let signedIn) = visit else { return visit.answer }
        guard let seq = context.parameters.get("seq").flatMap({ Int64($0) }), seq >= 1 else { return notFound() }
        let queries = AuditQueries(services: services)
        let tenant = signedIn.tenant.id
        guard let entry = try await queries.records(AuditQuery(afterSeq: seq - 1, limit: 1), in: tenant).items.first, entry.record.seq == seq
        else { return notFound() }
        let (check, evidence) = try await inclusionCheck(entry, queries: queries, tenant: tenant)
        return Self.page(ConsolePages.auditRecord(signedIn.viewer, entry, check: check, evidence: evidence))
    }

    /// Checks that `entry` is in the latest signed checkpoint: the proof from the hash of the
    /// record as stored now (not the stored leaf hash) to the checkpoint's root, and the
    /// checkpoint's signature under the tenant's published key.
    ///
    /// Also returns what the page's script needs to check the same in the browser
    /// (``ConsolePages/ProofEvidence``) whenever a checkpoint covers the record and its key is
    /// known, whatever the server found: the browser's answer is its own.
    func inclusionCheck(
        _ entry: StoredAuditRecord, queries: AuditQueries, tenant: TenantID
    ) async throws -> (ConsolePages.InclusionCheck, ConsolePages.ProofEvidence?) {
        guard let checkpoint = try? await queries.latestCheckpoint(in: tenant), entry.record.seq <= checkpoint.checkpoint.treeSize else {
            return (.notYetCovered, nil)
        }
        guard let key = try await queries.publicKeys(in: tenant).first(where: { $0.keyID == checkpoint.keyID }) else {
            return (.failed("the checkpoint's key \(checkpoint.keyID) is not among the tenant's keys"), nil)
        }
        let proof = try await queries.inclusionProof(seq: entry.record.seq, size: checkpoint.checkpoint.treeSize, in: tenant).proof
        let evidence = (try? checkpoint.checkpoint.noteText()).map { note in
            ConsolePages.ProofEvidence(
                record: Data(entry.record.canonicalBytes).base64EncodedString(), leafIndex: proof.leafIndex, treeSize: proof.treeSize,
                proof: proof.hashes.map(\.base64), note: Data(note.utf8).base64EncodedString(),
                signature: Data(checkpoint.signature).base64EncodedString(), publicKey: key.publicKey, keyID: checkpoint.keyID)
        }
        guard let publicKey = try? AuditVerification.publicKey(key.publicKey), checkpoint.verify(publicKey: publicKey) else {
            return (.failed("the checkpoint's signature does not verify under the tenant's key \(checkpoint.keyID)"), evidence)
        }
        guard proof.verify(leafHash: entry.record.leafHash, root: checkpoint.checkpoint.rootHash) else {
            return (.failed("the record's hash does not lead to the checkpoint's root: the record or the log was changed"), evidence)
        }
        return (.verified(treeSize: checkpoint.checkpoint.treeSize, signedAt: checkpoint.checkpoint.timestamp, keyID: checkpoint.keyID), evidence)
    }
}
