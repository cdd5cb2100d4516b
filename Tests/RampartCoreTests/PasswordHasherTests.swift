// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(parameters: .testing)

    @Test func verifiesTheRightPasswordOnly() throws {
        let hash = try hasher.hash(Secret("a long enough passphrase"))
        #expect(hasher.verify(Secret("a long enough passphrase"), against: hash))
        #expect(!hasher.verify(Secret("a long enough passphrasE"), against: hash))
        #expect(!hasher.verify(Secret(""), against: hash))
    }

    @Test func encodesParametersAndAFreshSaltPerHash() throws {
        let first = try hasher.hash(Secret("same password here"))
        let second = try hasher.hash(Secret("same password here"))
        #expect(first.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(first != second, "each hash must use its own salt")
        #expect(!first.contains("same password"))
    }

    @Test func defaultParametersAreMemoryHard() throws {
        #expect(PasswordHasher.Parameters.default.logN >= 15)
        let strong = PasswordHasher()
        let hash = try strong.hash(Secret("correct horse battery staple"))
        #expect(hash.hasPrefix("$scrypt$ln=15,r=8,p=1$"))
        #expect(strong.verify(Secret("correct horse battery staple"), against: hash))
    }

    @Test func oldParametersStillVerifyAndAskForRehash() throws {
        let weak = try hasher.hash(Secret("upgrade me please"))
        let strong = PasswordHasher(parameters: .init(logN: 12))
        #expect(strong.verify(Secret("upgrade me please"), against: weak))
        #expect(strong.needsRehash(weak))
        #expect(!strong.needsRehash(try strong.hash(Secret("upgrade me please"))))
    }

    @Test(arguments: ["", "plain", "$scrypt$ln=10,r=8,p=1$abc", "$scrypt$ln=99,r=8,p=1$AAAA$AAAA", "$bcrypt$x$y$z", "$scrypt$ln=x,r=8,p=1$AA$AA"])
    func malformedHashesNeverVerify(_ stored: String) {
        #expect(!hasher.verify(Secret("anything at all"), against: stored))
    }
}
