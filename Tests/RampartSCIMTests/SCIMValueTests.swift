// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

@Suite struct SCIMValueTests {
    @Test func parsesEveryJSONType() throws {
        let v = try json(#"{"n": null, "t": true, "f": false, "i": -42, "d": 1.5, "e": 1e3, "s": "x", "a": [1, "2"], "o": {"k": "v"}}"#)
        #expect(v[attribute: "n"] == .null)
        #expect(v[attribute: "t"] == .bool(true))
        #expect(v[attribute: "f"] == .bool(false))
        #expect(v[attribute: "i"] == .integer(-42))
        #expect(v[attribute: "d"] == .decimal(1.5))
        #expect(v[attribute: "e"] == .decimal(1000))
        #expect(v[attribute: "s"] == .string("x"))
        #expect(v[attribute: "a"] == .array([.integer(1), .string("2")]))
        #expect(v[attribute: "o"]?[attribute: "k"] == .string("v"))
    }

    @Test func keepsMemberOrderAndRoundTrips() throws {
        let text = #"{"schemas":["a"],"zeta":1,"alpha":{"b":2,"a":1},"mid":[true,null,"\u00e9\n\"q\""]}"#
        let v = try json(text)
        #expect(v.objectValue?.keys == ["schemas", "zeta", "alpha", "mid"])
        #expect(SCIMJSON.serialize(v) == #"{"schemas":["a"],"zeta":1,"alpha":{"b":2,"a":1},"mid":[true,null,"é\n\"q\""]}"#)
        #expect(try json(SCIMJSON.serialize(v)) == v)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try json(#""\ud83d\ude00 \/ \t \u0041""#) == .string("😀 / \t A"))
        #expect(try json(#""\ud83d x""#) == .string("\u{FFFD} x"))
        #expect(SCIMJSON.serialize(.string("\u{01}")) == #""\u0001""#)
    }

    @Test func integersStayIntegersAndHugeOnesBecomeDecimals() throws {
        #expect(try json("2147483647") == .integer(2_147_483_647))
        #expect(try json("123456789012345678901234567890").doubleValue != nil)
        #expect(SCIMJSON.serialize(.decimal(2)) == "2.0")
        #expect(SCIMJSON.serialize(.decimal(.nan)) == "null")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"abc", "{} x", "[1 2]", "{\"a\":1,}", "\"\u{01}\"", "-", "nul"])
    func rejectsMalformedJSON(_ text: String) {
        let error = scimError { _ = try SCIMJSON.parse(text) }
        #expect(error?.code == .invalidSyntax)
        #expect(error?.status == 400)
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(scimError { _ = try SCIMJSON.parse(deep) }?.code == .invalidSyntax)
        let ok = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect((try? SCIMJSON.parse(ok)) != nil)
    }

    @Test func attributeLookupIgnoresCase() throws {
        var o = try object(#"{"userName": "a", "Name": {"GivenName": "b"}}"#)
        #expect(o.value(forAttribute: "USERNAME") == .string("a"))
        #expect(SCIMValue.object(o)[attribute: "name"]?[attribute: "givenname"] == .string("b"))
        o.setValue("c", forAttribute: "username")
        #expect(o.keys == ["username", "Name"])
        #expect(o.count == 2)
        #expect(o.removeValue(forAttribute: "NAME") != nil)
        #expect(o.keys == ["username"])
        #expect(o["USERNAME"] == nil, "the plain subscript is exact")
    }

    @Test func objectEqualityIgnoresOrder() throws {
        #expect(try json(#"{"a":1,"b":2}"#) == json(#"{"b":2,"a":1}"#))
        #expect(try json(#"{"a":1,"b":2}"#).hashValue == json(#"{"b":2,"a":1}"#).hashValue)
        #expect(try json(#"{"a":1}"#) != json(#"{"a":1,"b":2}"#))
    }

    @Test func unassignedFollowsRFC7643Section2_5() throws {
        #expect(SCIMValue.null.isUnassigned)
        #expect(try json("[]").isUnassigned)
        #expect(try json(#"{"a": null, "b": []}"#).isUnassigned)
        #expect(!SCIMValue.string("").isUnassigned)
        #expect(!SCIMValue.bool(false).isUnassigned)
    }

    @Test func codableRoundTrip() throws {
        let v = try json(#"{"a":[1,2.5,"x",true,null],"b":{"c":"d"}}"#)
        let data = try JSONEncoder().encode(v)
        #expect(try JSONDecoder().decode(SCIMValue.self, from: data) == v)
    }

    @Test func literalsBuildValues() {
        let v: SCIMValue = ["a": 1, "b": [true, nil], "c": "s", "d": 1.5]
        #expect(v.objectValue?.keys == ["a", "b", "c", "d"])
        #expect(v[attribute: "b"] == .array([.bool(true), .null]))
    }

    @Test func dateTimeParsesOffsetsAndFractions() throws {
        let z = try #require(SCIMDateTime.parse("2024-05-13T04:42:34Z"))
        #expect(SCIMDateTime.parse("2024-05-13T06:42:34+02:00") == z)
        #expect(SCIMDateTime.parse("2024-05-13T04:42:34") == z)
        #expect(SCIMDateTime.parse("2024-05-13T04:42:34.250Z") == z + 0.25)
        #expect(SCIMDateTime.parse("2024-13-13T04:42:34Z") == nil)
        #expect(SCIMDateTime.parse("yesterday") == nil)
        #expect(SCIMDateTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(SCIMDateTime.format(fixedDate) == "2024-05-13T04:22:34.500Z")
        #expect(SCIMDateTime.parse(SCIMDateTime.format(fixedDate)) == fixedDate.timeIntervalSince1970)
        #expect(SCIMDateTime.format(Date.distantFuture) == "4001-01-01T00:00:00.000Z")
        #expect(SCIMDateTime.format(Date(timeIntervalSince1970: .infinity)).hasPrefix("9999-"))
    }
}
