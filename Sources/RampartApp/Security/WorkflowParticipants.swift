// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// The people a workflow event concerns, by their own e-mail addresses, for alert rules that
/// notify participants (``AlertRule/notifyParticipants``): the approver group's members when a
/// request is made or escalated (never the requester, who may be in that group), the requester
/// when it is decided. Read when the e-mail is sent, so it reaches the group as it is then.
package enum WorkflowParticipants {
    /// Recipients of one message at most: a group larger than this is an announcement list.
    package static let maximumRecipients = 100

    package static func addresses(for event: SecurityEvent, in tx: any StoreTransaction) async throws -> [String] {
        let tenant = event.tenantID
        var users: [User] = []
        switch event.kind {
        case .accessRequested, .accessEscalated:
            guard let name = event.details["approvers"], let group = try await tx.group(name: name, in: tenant) else { return [] }
            var page = PageRequest(limit: PageRequest.maximumLimit)
            while users.count < maximumRecipients {
                let found = try await tx.members(of: group.id, in: tenant, page: page)
                users += found.items.filter { $0.username != event.details["requester"] }
                guard let next = found.nextCursor else { break }
                page.after = next
            }
        case .accessDecided:
            // By id when the event has it: a rename since, or a newcomer given the old name, must
            // not redirect the requester's mail.
            if let id = event.details["requesterId"] {
                guard let requester = try await tx.user(UserID(id), in: tenant) else { return [] }
                users = [requester]
            } else {
                guard let name = event.details["requester"], let requester = try await tx.user(username: name, in: tenant) else { return [] }
                users = [requester]
            }
        default:
            return []
        }
        // An address that does not pass the alert rules' own check is skipped, not sent to.
        let addresses = users.filter { $0.status == .active }.compactMap(\.email).compactMap { try? MailboxAddress.validate($0, field: "email") }
        return Array(addresses.prefix(maximumRecipients))
    }
}
