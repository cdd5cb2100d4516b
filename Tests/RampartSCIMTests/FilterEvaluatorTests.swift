// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

@Suite struct FilterEvaluatorTests {
    let users = SCIMFilterEvaluator(resourceType: .user)
    let groups = SCIMFilterEvaluator(resourceType: .group)

    private func user() throws -> SCIMObject {
        var attributes = try entraUser()
        attributes.setValue(
            .array([
                ["type": "work", "value": "joy@example.org", "primary": true],
                ["type": "home", "value": "Joy.Home@Example.com"],
            ]), forAttribute: "emails")
        return rendered(.user, attributes, id: "2819c223-7f76-453a-919d-413861904646")
    }

    private func matches(_ filter: String, _ resource: SCIMObject? = nil) throws -> Bool {
        let f = try SCIMFilter.parse(filter)
        try users.validate(f)
        return users.matches(f, resource: try resource ?? user())
    }

    @Test func userNameComparesIgnoringCase() throws {
        #expect(try matches(#"userName eq "joy@example.org""#))
        #expect(try matches(#"userName eq "JOY@EXAMPLE.ORG""#))
        #expect(try matches(#"USERNAME Eq "Joy@Example.org""#))
        #expect(try !matches(#"userName eq "joy""#))
    }

    @Test func idAndExternalIdCompareExactly() throws {
        #expect(try matches(#"externalId eq "entra1234""#))
        #expect(try !matches(#"externalId eq "ENTRA1234""#))
        #expect(try matches(#"id eq "2819c223-7f76-453a-919d-413861904646""#))
        #expect(try !matches(#"id eq "2819C223-7F76-453A-919D-413861904646""#))
    }

    @Test func everyOperatorOnStrings() throws {
        #expect(try matches(#"title eq "engineer""#))
        #expect(try matches(#"title ne "Manager""#))
        #expect(try !matches(#"title ne "ENGINEER""#))
        #expect(try matches(#"title co "GINE""#))
        #expect(try matches(#"title sw "eng""#))
        #expect(try matches(#"title ew "EER""#))
        #expect(try !matches(#"title sw "gin""#))
        #expect(try matches(#"title gt "Апельсин""#) == false)
        #expect(try matches(#"title gt "A""#))
        #expect(try matches(#"title ge "engineer""#))
        #expect(try matches(#"title lt "Z""#))
        #expect(try matches(#"title le "ENGINEER""#))
        #expect(try !matches(#"title lt "e""#))
    }

    @Test func presentAndNullSemantics() throws {
        #expect(try matches("title pr"))
        #expect(try !matches("nickName pr"))
        #expect(try matches("nickName eq null"))
        #expect(try matches("title ne null"))
        #expect(try matches(#"nickName ne "x""#), "a missing attribute is not equal to anything")
        #expect(try matches("name pr"))
        #expect(try matches("emails pr"))
        var emptyTitle = try user()
        emptyTitle["title"] = ""
        #expect(try !matches("title pr", emptyTitle))
    }

    @Test func booleans() throws {
        #expect(try matches("active eq true"))
        #expect(try !matches("active eq false"))
        #expect(try matches("active ne false"))
        #expect(try matches(#"active eq "True""#), "Entra sends booleans as strings")
    }

    @Test func orderingBooleansIsAnInvalidFilter() throws {
        for text in ["active gt true", "active le false", "x509Certificates.value gt \"a\""] {
            let f = try SCIMFilter.parse(text)
            #expect(scimError { try users.validate(f) }?.code == .invalidFilter, "\(text)")
        }
        let notComplex = try SCIMFilter.parse(#"userName[value eq "x"]"#)
        #expect(scimError { try users.validate(notComplex) }?.code == .invalidFilter)
    }

    @Test func multiValuedMatchesAnyValue() throws {
        #expect(try matches(#"emails.value eq "joy.home@example.com""#))
        #expect(try matches(#"emails co "example.com""#), "a complex attribute without a sub-attribute compares its value")
        #expect(try matches(#"emails.type eq "home""#))
        #expect(try !matches(#"emails.type eq "other""#))
        #expect(try matches(#"emails.value ne "nobody@example.org""#))
        #expect(try !matches(#"emails.value ne "joy@example.org""#))
    }

    @Test func valuePathsMatchWithinOneElement() throws {
        #expect(try matches(#"emails[type eq "work" and value co "example.org"]"#))
        #expect(try !matches(#"emails[type eq "home" and value co "example.org"]"#), "both terms must hold for the same element")
        #expect(try matches(#"emails[type eq "work" and primary eq true]"#))
        #expect(try matches(#"emails[not (type eq "work")]"#))
        #expect(try matches(#"emails[type eq "work"].value eq "joy@example.org""#))
        #expect(try !matches(#"emails[type eq "home"].value eq "joy@example.org""#))
        #expect(try matches(#"emails[type eq "home"].value pr"#))
    }

    @Test func logicalOperators() throws {
        #expect(try matches(#"title pr and userType pr"#) == false)
        #expect(try matches(#"title pr or userType pr"#))
        #expect(try matches(#"not (userType pr)"#))
        #expect(try matches(#"(title eq "x" or title eq "engineer") and active eq true"#))
        #expect(try !matches(#"title eq "x" or title eq "y" and active eq true"#))
    }

    @Test func extensionAttributes() throws {
        #expect(try matches(#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "finance""#))
        #expect(try matches(#"department eq "Finance""#), "unqualified extension names resolve too")
        #expect(try matches(#"urn:ietf:params:scim:schemas:core:2.0:User:userName sw "joy""#))
        #expect(try !matches(#"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter pr"#))
    }

    @Test func schemasCanBeFiltered() throws {
        #expect(try matches(#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#))
        let plain = rendered(.user, try object(#"{"userName": "a"}"#))
        #expect(try !matches(#"schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User""#, plain))
    }

    @Test func datesCompareAsInstants() throws {
        // meta.lastModified is 2024-05-13T04:22:34.500Z.
        #expect(try matches(#"meta.lastModified gt "2024-05-13T04:22:34Z""#))
        #expect(try matches(#"meta.lastModified lt "2024-05-13T06:22:35+02:00""#))
        #expect(try !matches(#"meta.lastModified gt "2024-05-13T06:22:35+02:00""#))
        #expect(try matches(#"meta.created ge "2024-01-01T00:00:00Z""#))
        #expect(try matches(#"meta.resourceType eq "User""#))
    }

    @Test func numbersCompareNumerically() throws {
        let type = SCIMResourceType(
            name: "Device", endpoint: "/Devices", description: "",
            schema: SCIMSchema(id: "urn:x:Device", name: "Device", description: "", attributes: [SCIMAttribute("size", type: .integer)]))
        let evaluator = SCIMFilterEvaluator(resourceType: type)
        let resource = try object(#"{"size": 10}"#)
        #expect(evaluator.matches(try SCIMFilter.parse("size gt 9"), resource: resource))
        #expect(evaluator.matches(try SCIMFilter.parse("size ge 10.0"), resource: resource))
        #expect(!evaluator.matches(try SCIMFilter.parse("size lt 10"), resource: resource))
        #expect(!evaluator.matches(try SCIMFilter.parse(#"size eq "10""#), resource: resource), "different JSON types never match")
    }

    @Test func unknownAttributesHaveNoValue() throws {
        #expect(try !matches(#"favouriteColour eq "blue""#))
        #expect(try matches(#"favouriteColour ne "blue""#))
        #expect(try !matches("favouriteColour pr"))
    }

    @Test func groupMembership() throws {
        let group = rendered(.group, try object(#"{"displayName": "Ops", "members": [{"value": "u1"}, {"value": "u2", "display": "Bo"}]}"#), id: "g1")
        for (filter, expected) in [
            (#"id eq "g1" and members[value eq "u1"]"#, true),
            (#"id eq "g1" and members[value eq "U1"]"#, false),
            (#"members[value eq "u3"]"#, false),
            (#"members.value eq "u2""#, true),
            (#"displayName eq "ops""#, true),
        ] {
            let f = try SCIMFilter.parse(filter)
            #expect(groups.matches(f, resource: group) == expected, "\(filter)")
        }
    }
}
