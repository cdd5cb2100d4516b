// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

@Suite struct FilterParserTests {
    private func attr(_ text: String) throws -> SCIMFilterAttribute {
        SCIMFilterAttribute(path: try #require(SCIMAttributePath.parse(text)))
    }

    @Test(arguments: SCIMFilterOperator.allCases)
    func parsesEveryComparisonOperator(_ op: SCIMFilterOperator) throws {
        let f = try SCIMFilter.parse(#"userName \#(op.rawValue) "bjensen""#)
        #expect(f == .compare(try attr("userName"), op, "bjensen"))
        // Operators are case-insensitive.
        #expect(try SCIMFilter.parse(#"userName \#(op.rawValue.uppercased()) "bjensen""#) == f)
    }

    @Test func parsesPresentAndLiterals() throws {
        #expect(try SCIMFilter.parse("title pr") == .present(try attr("title")))
        #expect(try SCIMFilter.parse("active eq true") == .compare(try attr("active"), .eq, true))
        #expect(try SCIMFilter.parse("active eq False") == .compare(try attr("active"), .eq, false))
        #expect(try SCIMFilter.parse("title eq null") == .compare(try attr("title"), .eq, .null))
        #expect(try SCIMFilter.parse("age gt 42") == .compare(try attr("age"), .gt, 42))
        #expect(try SCIMFilter.parse("score le -1.5e2") == .compare(try attr("score"), .le, .decimal(-150)))
        #expect(try SCIMFilter.parse(#"title eq "a \"quoted\" \\ value""#) == .compare(try attr("title"), .eq, .string(#"a "quoted" \ value"#)))
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        let f = try SCIMFilter.parse(#"a eq "1" or b eq "2" and c eq "3""#)
        guard case .or(let ops) = f, ops.count == 2, case .and(let inner) = ops[1] else {
            Issue.record("expected a or (b and c), got \(f)")
            return
        }
        #expect(inner.count == 2)
        let g = try SCIMFilter.parse(#"not (a eq "1") and b eq "2""#)
        guard case .and(let gops) = g, case .not = gops[0] else {
            Issue.record("expected (not a) and b, got \(g)")
            return
        }
    }

    @Test func parenthesesOverridePrecedence() throws {
        let f = try SCIMFilter.parse(#"(a eq "1" or b eq "2") and c eq "3""#)
        guard case .and(let ops) = f, case .or = ops[0] else {
            Issue.record("expected (a or b) and c, got \(f)")
            return
        }
        #expect(f.description == #"(a eq "1" or b eq "2") and c eq "3""#)
        #expect(try SCIMFilter.parse(f.description) == f)
    }

    @Test func chainsAreFlat() throws {
        let f = try SCIMFilter.parse(#"a eq 1 or b eq 2 or c eq 3 or d eq 4"#)
        guard case .or(let ops) = f else {
            Issue.record("expected or")
            return
        }
        #expect(ops.count == 4)
    }

    @Test func parsesRFCExamples() throws {
        let examples = [
            #"userName Eq "john""#,
            #"userName sw "J""#,
            #"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J""#,
            #"name.familyName co "O'Malley""#,
            #"meta.lastModified gt "2011-05-13T04:42:34Z""#,
            #"title pr and userType eq "Employee""#,
            #"title pr or userType eq "Intern""#,
            #"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#,
            #"userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")"#,
            #"userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")"#,
            #"userType eq "Employee" and (emails.type eq "work")"#,
            #"userType eq "Employee" and emails[type eq "work" and value co "@example.com"]"#,
            #"emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]"#,
        ]
        for text in examples {
            let f = try SCIMFilter.parse(text)
            #expect(try SCIMFilter.parse(f.description) == f, "\(text) does not round-trip through \(f)")
        }
    }

    @Test func parsesURNQualifiedAndExtensionPaths() throws {
        let f = try SCIMFilter.parse(#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "42""#)
        guard case .compare(let a, .eq, "42") = f else {
            Issue.record("unexpected \(f)")
            return
        }
        #expect(a.path.schemaURN == "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
        #expect(a.path.attribute == "manager")
        #expect(a.path.subAttribute == "value")
    }

    @Test func parsesValuePaths() throws {
        let f = try SCIMFilter.parse(#"emails[type eq "work" and primary eq true]"#)
        guard case .valuePath(let p, .and(let inner)) = f else {
            Issue.record("unexpected \(f)")
            return
        }
        #expect(p.attribute == "emails")
        #expect(inner.count == 2)
    }

    @Test func parsesEntraValuePathWithSubAttributeComparison() throws {
        let f = try SCIMFilter.parse(#"emails[type eq "work"].value eq "joy@example.org""#)
        guard case .compare(let a, .eq, "joy@example.org") = f else {
            Issue.record("unexpected \(f)")
            return
        }
        #expect(a.path.attribute == "emails")
        #expect(a.path.subAttribute == "value")
        #expect(a.valueFilter == .compare(try attr("type"), .eq, "work"))
    }

    @Test func parsesEntraMembershipQuery() throws {
        let f = try SCIMFilter.parse(#"id eq "g1" and members[value eq "u1"]"#)
        guard case .and(let ops) = f, case .valuePath(let p, _) = ops[1] else {
            Issue.record("unexpected \(f)")
            return
        }
        #expect(p.attribute == "members")
    }

    @Test(arguments: [
        #"userName eq "unterminated"#,
        "", "   ", "userName", "userName eq", "userName foo \"x\"", "eq \"x\"", "(userName eq \"x\"",
        "userName eq \"x\")", "userName eq \"x\" and", "and userName eq \"x\"", "userName eq \"x\" or or b pr",
        "emails[type eq \"work\"", "emails[type eq \"work\"]]", "emails[]", "emails[type[value eq 1] pr]",
        "userName eq bareword", "userName eq 1.2.3", "not userName eq \"x\"", "1abc eq \"x\"", "name..given eq \"x\"",
        "emails[urn:x:y:type eq \"work\"]", "emails[type eq \"w\"].1x eq \"a\"", "name.givenName[type eq \"x\"]",
        "userName eq \"x\" userName eq \"y\"", "[", "]", ")",
    ])
    func rejectsMalformedFilters(_ text: String) {
        let error = scimError { _ = try SCIMFilter.parse(text) }
        #expect(error?.code == .invalidFilter)
        #expect(error?.scimType == "invalidFilter")
        #expect(error?.status == 400)
    }

    @Test func limitsNestingDepth() {
        let ok = String(repeating: "(", count: 16) + #"a eq "1""# + String(repeating: ")", count: 16)
        #expect((try? SCIMFilter.parse(ok)) != nil)
        let deep = String(repeating: "(", count: 17) + #"a eq "1""# + String(repeating: ")", count: 17)
        #expect(scimError { _ = try SCIMFilter.parse(deep) }?.code == .invalidFilter)
        let nots = String(repeating: "not (", count: 1000) + "a pr" + String(repeating: ")", count: 1000)
        #expect(scimError { _ = try SCIMFilter.parse(nots, limits: SCIMLimits(maxFilterLength: 1 << 20)) }?.code == .invalidFilter)
    }

    @Test func limitsLengthAndTerms() {
        let long = "userName eq \"" + String(repeating: "x", count: 5000) + "\""
        #expect(scimError { _ = try SCIMFilter.parse(long) }?.detail.contains("longer") == true)
        let many = (0..<101).map { "a\($0) pr" }.joined(separator: " or ")
        #expect(scimError { _ = try SCIMFilter.parse(many) }?.detail.contains("comparisons") == true)
        let custom = SCIMLimits(maxFilterTerms: 2)
        #expect(scimError { _ = try SCIMFilter.parse("a pr and b pr and c pr", limits: custom) }?.code == .invalidFilter)
    }

    @Test func errorDetailsQuoteInputBriefly() {
        let error = scimError { _ = try SCIMFilter.parse("userName zz " + String(repeating: "q", count: 3000)) }
        #expect((error?.detail.count ?? 10_000) < 300)
    }

    @Test func requiredEqualityFindsIndexableTerms() throws {
        #expect(try SCIMFilter.parse(#"userName eq "Alice""#).requiredEquality(on: "username") == "Alice")
        #expect(try SCIMFilter.parse(#"externalId eq "e1" and active eq true"#).requiredEquality(on: "externalId") == "e1")
        #expect(try SCIMFilter.parse(#"userName eq "a" or userName eq "b""#).requiredEquality(on: "userName") == nil)
        #expect(try SCIMFilter.parse(#"not (userName eq "a")"#).requiredEquality(on: "userName") == nil)
        #expect(try SCIMFilter.parse(#"userName co "a""#).requiredEquality(on: "userName") == nil)
    }
}
