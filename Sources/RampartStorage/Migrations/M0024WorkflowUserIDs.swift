// SPDX-License-Identifier: Apache-2.0

import SQLKit

/// Workflow records keep the user id beside the username, so a rename (by an administrator or
/// SCIM) cannot make someone a stranger to their own request or change, nor let one approver vote
/// twice under two names. Existing records get the id of the user who has the name now.
struct M0024WorkflowUserIDs: Migration {
    let id = "0024_workflow_user_ids"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE access_requests ADD COLUMN requester_id TEXT",
            "ALTER TABLE access_request_votes ADD COLUMN approver_id TEXT",
            // One vote per person: NULL ids (votes from before) are distinct and never conflict.
            "CREATE UNIQUE INDEX access_request_votes_one_per_user ON access_request_votes (tenant_id, request_id, approver_id)",
            "ALTER TABLE change_requests ADD COLUMN author_id TEXT",
            "ALTER TABLE change_requests ADD COLUMN decided_by_id TEXT",
            "ALTER TABLE access_reviews ADD COLUMN created_by_id TEXT",
            """
            UPDATE access_requests SET requester_id = (
                SELECT users.id FROM users WHERE users.tenant_id = access_requests.tenant_id AND users.username = access_requests.requester)
            """,
            """
            UPDATE access_request_votes SET approver_id = (
                SELECT users.id FROM users
                WHERE users.tenant_id = access_request_votes.tenant_id AND users.username = access_request_votes.approver)
            """,
            """
            UPDATE access_reviews SET created_by_id = (
                SELECT users.id FROM users WHERE users.tenant_id = access_reviews.tenant_id AND users.username = access_reviews.created_by)
            """,
            """
            UPDATE change_requests SET author_id = (
                SELECT users.id FROM users WHERE users.tenant_id = change_requests.tenant_id AND users.username = change_requests.author)
            """,
        ]
    }
}
