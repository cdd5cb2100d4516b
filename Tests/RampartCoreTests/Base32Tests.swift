// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("Base32")
struct Base32Tests {
    /// RFC 4648 §10 test vectors, with the padding our encoder omits.
    static let vectors: [(plain: String, encoded: String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ]

    @Test("RFC 4648 vectors encode without padding", arguments: vectors.indices)
    func encodes(index: Int) {
        let vector = Self.vectors[index]
        let unpadded = String(vector.encoded.filter { $0 != "=" })
        #expect(Base32.encode(Array(vector.plain.utf8)) == unpadded)
    }

    @Test("RFC 4648 vectors decode with or without padding", arguments: vectors.indices)
    func decodes(index: Int) {
        let vector = Self.vectors[index]
        let unpadded = String(vector.encoded.filter { $0 != "=" })
        #expect(Base32.decode(vector.encoded) == Array(vector.plain.utf8))
        #expect(Base32.decode(unpadded) == Array(vector.plain.utf8))
    }

    @Test func decodingIgnoresCaseSpacesAndDashes() {
        let expected = Array("foobar".utf8)
        #expect(Base32.decode("mzxw6ytboi") == expected)
        #expect(Base32.decode("MZXW 6YTB OI") == expected)
        #expect(Base32.decode("mzxw-6ytb-oi==") == expected)
        #expect(Base32.decode(" MzXw6YtBoI======\n") == expected)
    }

    @Test func rejectsInvalidInput() {
        #expect(Base32.decode("MZXW1") == nil)  // 1 is not in the alphabet
        #expect(Base32.decode("MZ=XW") == nil)  // data after padding
        #expect(Base32.decode("M") == nil)  // 1, 3 or 6 trailing characters cannot be produced
        #expect(Base32.decode("MZX") == nil)
        #expect(Base32.decode("MZXW6Y") == nil)
        #expect(Base32.decode("MZXW6YTB+") == nil)
        #expect(Base32.decode("ÄBC") == nil)
    }

    @Test func roundTripsRandomSecrets() {
        #expect(Base32.decode(Base32.encode([])) == [])
        for length in 1..<41 {
            let bytes = RandomToken.bytes(length)
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }
}
