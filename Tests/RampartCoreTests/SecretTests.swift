// SPDX-License-Identifier: Apache-2.0

import Foundation
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
        // Non-contiguous collections take the general loop.
        #expect(ConstantTime.equals([1, 2, 3].lazy.map { $0 }, [UInt8(1), 2, 3]))
        #expect(!ConstantTime.equals((1...3).lazy.map { UInt8($0) }, [UInt8(1), 2, 4]))
        // Strings compare by their UTF-8, including bridged and non-ASCII ones.
        #expect(ConstantTime.equals("ba7816bf", "ba7816bf"))
        #expect(!ConstantTime.equals("ba7816bf", "ba7816bF"))
        #expect(!ConstantTime.equals("é", "e"))
        #expect(ConstantTime.equals(String(Substring("xéy")), "xéy"))
    }

    @Test func hexIsTwoLowerCaseDigitsPerByte() {
        #expect(Hex.lowercase([UInt8]()) == "")
        #expect(Hex.lowercase([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(Hex.lowercase(Data([0xDE, 0xAD, 0xBE, 0xEF]).dropFirst()) == "adbeef")
        let all = [UInt8](0...255)
        #expect(Hex.lowercase(all) == all.map { String(format: "%02x", $0) }.joined())
    }

    @Test func randomTokensAreUniqueAndUrlSafe() {
        let tokens = (0..<100).map { _ in RandomToken.generate() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") && !$0.contains("=") })
        #expect(RandomToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
