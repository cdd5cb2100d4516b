// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The rules a new password must satisfy.
///
/// Length and a common-password blocklist, after NIST SP 800-63B, plus a ban on passwords that
/// contain the username. There are no composition rules beyond that on purpose: they push people
/// towards predictable patterns without adding real strength.
package struct PasswordPolicy: Sendable {
    package var minimumLength: Int
    package var maximumLength: Int
    package var blocklist: CommonPasswords

    package init(minimumLength: Int = 12, maximumLength: Int = 128, blocklist: CommonPasswords = .shared) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.blocklist = blocklist
    }

    /// Throws a ``RampartError`` with code `weak-password` naming the first rule broken.
    /// The message never repeats the password.
    package func validate(_ password: Secret<String>, username: String?, field: String = "password") throws {
        try password.withValue { value in
            let length = value.count
            if length < minimumLength {
                throw RampartError(.weakPassword, "password must be at least \(minimumLength) characters", field: field)
            }
            if length > maximumLength {
                throw RampartError(.weakPassword, "password must be at most \(maximumLength) characters", field: field)
            }
            let lowered = value.lowercased()
            if blocklist.contains(lowered) {
                throw RampartError(.weakPassword, "password is too common", field: field)
            }
            if let username, username.count >= 3, lowered.contains(username.lowercased()) {
                throw RampartError(.weakPassword, "password must not contain the username", field: field)
            }
            if Set(value).count < 4 {
                throw RampartError(.weakPassword, "password has too few distinct characters", field: field)
            }
        }
    }
}
