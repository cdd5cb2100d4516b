// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

/// Hostile input: every entry point must answer with a value or a SCIMError, never crash,
/// recurse without bound, or take quadratic time.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Strings built from filter and JSON fragments, which reach deeper than random bytes.
    private func fragments(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "(", ")", "[", "]", "\"", "\\", "not", " and ", " or ", " eq ", " pr", "emails", ".value", "userName",
            "urn:ietf:params:scim:schemas:core:2.0:User:", "1", "-2.5e3", "true", "null", " ", "{", "}", ":", ",", "é", "\u{0}", "].",
        ]
        var rng = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...24, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
        }
    }

    @Test func filterParserSurvivesGarbage() {
        for text in fragments(count: 3000, seed: 1) {
            do {
                let f = try SCIMFilter.parse(text)
                // Whatever parses must print back to something that parses to the same filter.
                #expect((try? SCIMFilter.parse(f.description)) == f, "\(text)")
                _ = SCIMFilterEvaluator(resourceType: .user).matches(f, resource: SCIMObject())
            } catch {
                #expect(error.code == .invalidFilter)
            }
        }
    }

    @Test func patchPathsSurviveGarbage() {
        for text in fragments(count: 3000, seed: 2) {
            do {
                _ = try SCIMPatchPath.parse(text)
            } catch {
                #expect(error.code == .invalidPath || error.code == .invalidFilter)
            }
        }
    }

    @Test func jsonParserSurvivesGarbage() {
        var rng = SplitMix(state: 3)
        for text in fragments(count: 2000, seed: 4) {
            do { _ = try SCIMJSON.parse(text) } catch { #expect(error.code == .invalidSyntax) }
        }
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            do { _ = try SCIMJSON.parse(bytes) } catch { #expect(error.code == .invalidSyntax) }
        }
        // Invalid UTF-8 inside a string is repaired, not fatal.
        #expect((try? SCIMJSON.parse([0x22, 0xFF, 0xFE, 0x22]))?.stringValue == "\u{FFFD}\u{FFFD}")
    }

    @Test func patchSurvivesGarbageOperations() throws {
        let user = try entraUser()
        let values = [#""x""#, "1", "true", "null", "[]", "{}", #"[{"value": 1}]"#, #"{"value": {"a": [1]}}"#, #"[[["deep"]]]"#]
        for (i, path) in fragments(count: 1500, seed: 5).enumerated() {
            let escaped = SCIMJSON.serialize(.string(path))
            for op in ["add", "replace", "remove"] {
                let body =
                    #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "\#(op)", "path": \#(escaped), "value": \#(values[i % values.count])}]}"#
                do {
                    let result = try SCIMResourceType.user.patch(user, with: try SCIMJSON.parse(body))
                    #expect(result.value(forAttribute: "userName") != nil)
                } catch {
                    #expect(error.status == 400, "\(body): \(error)")
                }
            }
        }
    }

    @Test func wideObjectsParseInLinearTime() throws {
        // 30,000 keys: linear work is milliseconds; quadratic would be ~10^9 comparisons.
        let members = (0..<30_000).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let start = Date()
        let value = try SCIMJSON.parse("{" + members + "}")
        #expect(value.objectValue?.count == 30_000)
        #expect(Date().timeIntervalSince(start) < 5)
        // And the engine reads such a body without looking at each unknown key twice.
        let user = try SCIMResourceType.user.attributesForCreate(try SCIMJSON.parse(#"{"userName": "a", "# + members + "}"))
        #expect(user.count == 1)
    }

    @Test func deepValuesInPatchAreRefusedNotRecursedInto() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let body =
            #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "add", "path": "title", "value": \#(deep)}]}"#
        #expect(scimError { _ = try SCIMJSON.parse(body) }?.code == .invalidSyntax)
    }
}
