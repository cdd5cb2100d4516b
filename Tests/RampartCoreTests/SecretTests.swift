// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite struct SecretTests {
    @Test func neverPrintsItsValue() {
        let secret = Secret("hunter2-hunter2")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        struct Holder { let password: Secret<String> }
        #expect(!"\(Holder(password: secret))".contains("hunter2"))
        #expect(secret.exposedValue == "hunter2-hunter2")
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }

    @Test func randomTokensAreUniqueAndUrlSafe() {
        let tokens = (0..<100).map { _ in RandomToken.generate() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") && !$0.contains("=") })
        #expect(RandomToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
