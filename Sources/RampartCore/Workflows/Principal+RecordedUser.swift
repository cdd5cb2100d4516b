// SPDX-License-Identifier: Apache-2.0

extension Principal {
    /// Whether this principal is the user a workflow record names: by the user id when the record
    /// has one (a rename changes nothing, and a newcomer given the old name is someone else), else
    /// by username (records from before ids were kept). For rights a person has over their own
    /// record: cancelling it, ending it early.
    package func isUser(named username: String, id: String?) -> Bool {
        guard let id else { return username == self.username }
        return userID?.rawValue == id
    }

    /// Whether this principal may be the user a record names: by id or by name. For conflicts of
    /// interest (answering one's own request, applying one's own change), where a false match
    /// only refuses and a missed one lets someone approve themselves after a rename.
    package func mayBeUser(named username: String, id: String?) -> Bool {
        isUser(named: username, id: id) || username == self.username
    }
}
