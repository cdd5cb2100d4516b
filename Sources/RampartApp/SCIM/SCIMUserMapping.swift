// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartSCIM

/// How a SCIM User corresponds to a Rampart user row.
///
/// The row is what Rampart acts on, so it wins where the two overlap: `userName` is the username,
/// `active` is the status, and the primary e-mail and `displayName` are copied into the row when
/// they pass Rampart's own validation. The rest of the SCIM attributes live only in the document.
/// When the row was changed through `/v1` (renamed, disabled), ``overlay(_:with:)`` shows that
/// change through SCIM too.
package enum SCIMUserMapping {
    /// The row fields a User's attributes determine.
    package struct RowFields: Equatable {
        package var displayName: String?
        package var email: String?
        package var status: User.Status
    }

    /// The row fields of `attributes`. Values Rampart cannot hold (a 300-character display name,
    /// an e-mail without a domain) are left out of the row rather than refused, so provisioning
    /// never fails on a field Rampart does not act on.
    package static func rowFields(_ attributes: SCIMObject) -> RowFields {
        let displayName = attributes.value(forAttribute: "displayName")?.stringValue.flatMap {
            try? Validation.optionalText($0, field: "displayName", maximum: 200)
        }
        let email = primaryEmail(attributes).flatMap { try? Validation.email($0) }
        let active = attributes.value(forAttribute: "active")?.boolValue ?? true
        return RowFields(displayName: displayName, email: email, status: active ? .active : .disabled)
    }

    /// The `userName` as a Rampart username.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` when it is not one (Rampart usernames are what
    ///   policies and sign-in name, so they keep their stricter alphabet).
    package static func username(_ attributes: SCIMObject) throws(SCIMError) -> String {
        guard let name = attributes.value(forAttribute: "userName")?.stringValue else {
            throw SCIMError(.invalidValue, "`userName` is required")
        }
        do {
            return try Validation.username(name)
        } catch {
            throw SCIMError(.invalidValue, "`userName` must be 1-128 characters of letters, digits and '.', '_', '-', '@', '+'")
        }
    }

    /// The primary e-mail, else the work one, else the first.
    package static func primaryEmail(_ attributes: SCIMObject) -> String? {
        let emails = (attributes.value(forAttribute: "emails")?.arrayValue ?? []).compactMap(\.objectValue)
        let pick =
            emails.first { $0.value(forAttribute: "primary")?.boolValue == true }
            ?? emails.first { $0.value(forAttribute: "type")?.stringValue?.lowercased() == "work" } ?? emails.first
        return pick?.value(forAttribute: "value")?.stringValue
    }

    /// The SCIM attributes of a user that was never written through SCIM (created through `/v1`
    /// or by SSO), before ``overlay(_:with:)`` adds the display name and e-mail.
    package static func synthesized(from user: User) -> SCIMObject {
        var attributes = SCIMObject()
        attributes["userName"] = .string(user.username)
        attributes["active"] = .bool(user.status == .active)
        return attributes
    }

    /// `attributes` with what the row says where it disagrees with them: the username and status
    /// always, the display name and e-mail when the row no longer holds what the document would
    /// put there (they were changed through `/v1`).
    package static func overlay(_ attributes: SCIMObject, with user: User) -> SCIMObject {
        var out = attributes
        out.setValue(.string(user.username), forAttribute: "userName")
        let active = out.value(forAttribute: "active")?.boolValue
        if user.status == .disabled, active != false { out.setValue(.bool(false), forAttribute: "active") }
        if user.status == .active, active == false { out.setValue(.bool(true), forAttribute: "active") }
        let mirrored = rowFields(out)
        if user.displayName != mirrored.displayName {
            if let name = user.displayName {
                out.setValue(.string(name), forAttribute: "displayName")
            } else {
                out.removeValue(forAttribute: "displayName")
            }
        }
        if user.email != mirrored.email {
            var emails = (out.value(forAttribute: "emails")?.arrayValue ?? []).compactMap(\.objectValue)
            emails.removeAll { entry in
                let value = entry.value(forAttribute: "value")?.stringValue?.lowercased()
                return value == mirrored.email?.lowercased() || value == user.email?.lowercased()
            }
            if let email = user.email {
                for i in emails.indices where emails[i].value(forAttribute: "primary") != nil {
                    emails[i].setValue(.bool(false), forAttribute: "primary")
                }
                emails.insert(SCIMObject([("value", .string(email)), ("type", "work"), ("primary", true)]), at: 0)
            }
            if emails.isEmpty {
                out.removeValue(forAttribute: "emails")
            } else {
                out.setValue(.array(emails.map { .object($0) }), forAttribute: "emails")
            }
        }
        return out
    }
}
