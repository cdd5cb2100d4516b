// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test func shipsTenThousandCommonPasswords() {
        #expect(CommonPasswords.shared.count == 10_000)
        #expect(CommonPasswords.shared.contains("password"))
        #expect(CommonPasswords.shared.contains("123456"))
    }

    @Test(arguments: [
        ("short1!", "at least 12"),
        (String(repeating: "ab1!", count: 33), "at most 128"),
        ("password1234", "too common"),
        ("qwertyuiop123", "too common"),
        ("my-name-is-alice!", "username"),
        ("aaaaaaaaaaaaaaaa", "distinct"),
    ])
    func rejects(_ password: String, _ reason: String) throws {
        let error = #expect(throws: RampartError.self) {
            try policy.validate(Secret(password), username: "alice")
        }
        #expect(error?.code == .weakPassword)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(password) == false, "the message must not echo the password")
    }

    @Test(arguments: ["correct horse battery staple", "Tr0ub4dor&3-extended", String(repeating: "xy7!", count: 32)])
    func accepts(_ password: String) throws {
        try policy.validate(Secret(password), username: "alice")
    }

    @Test func commonPasswordCheckIgnoresCase() {
        #expect(throws: RampartError.self) { try policy.validate(Secret("PASSWORD1234"), username: nil) }
    }
}
