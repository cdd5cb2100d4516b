// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

@Suite struct DiscoveryTests {
    let base = "https://rampart.test/scim/v2/acme/"

    @Test func serviceProviderConfig() {
        let spc = SCIMDiscovery.serviceProviderConfig(baseURL: base)
        #expect(spc[attribute: "schemas"] == ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"])
        #expect(spc[attribute: "patch"] == ["supported": true])
        #expect(spc[attribute: "filter"] == ["supported": true, "maxResults": 200])
        #expect(spc[attribute: "sort"] == ["supported": true])
        #expect(spc[attribute: "etag"] == ["supported": true])
        #expect(spc[attribute: "bulk"]?[attribute: "supported"] == false)
        #expect(spc[attribute: "changePassword"] == ["supported": false])
        #expect(spc[attribute: "authenticationSchemes"]?.arrayValue?.first?[attribute: "type"] == "oauthbearertoken")
        #expect(spc[attribute: "meta"]?[attribute: "location"] == "https://rampart.test/scim/v2/acme/ServiceProviderConfig")
        #expect(
            SCIMDiscovery.serviceProviderConfig(baseURL: base, limits: SCIMLimits(maxResults: 50))[attribute: "filter"]?[attribute: "maxResults"]
                == 50)
    }

    @Test func resourceTypes() throws {
        let list = SCIMDiscovery.resourceTypes(baseURL: base)
        #expect(list[attribute: "totalResults"] == 2)
        #expect(list[attribute: "itemsPerPage"] == 2)
        let user = try SCIMDiscovery.resourceType(id: "user", baseURL: base)
        #expect(
            user == [
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], "id": "User", "name": "User", "endpoint": "/Users",
                "description": "User Account", "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
                "schemaExtensions": [["schema": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "required": false]],
                "meta": ["resourceType": "ResourceType", "location": "https://rampart.test/scim/v2/acme/ResourceTypes/User"],
            ])
        let group = try SCIMDiscovery.resourceType(id: "Group", baseURL: base)
        #expect(group[attribute: "endpoint"] == "/Groups")
        #expect(group[attribute: "schemaExtensions"] == nil)
        #expect(scimError { _ = try SCIMDiscovery.resourceType(id: "Device", baseURL: base) }?.code == .notFound)
    }

    @Test func schemas() throws {
        let list = SCIMDiscovery.schemas(baseURL: base)
        #expect(
            list[attribute: "Resources"]?.arrayValue?.map { $0[attribute: "id"] } == [
                "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ])
        let user = try SCIMDiscovery.schema(id: "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", baseURL: base)
        #expect(user[attribute: "name"] == "User")
        #expect(
            user[attribute: "meta"]?[attribute: "location"] == "https://rampart.test/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")
        let attributes = try #require(user[attribute: "attributes"]?.arrayValue)
        let userName = try #require(attributes.first { $0[attribute: "name"] == "userName" })
        #expect(
            userName == [
                "name": "userName", "type": "string", "multiValued": false,
                "description": "Unique identifier for the User, typically used to authenticate.",
                "required": true, "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "server",
            ])
        let password = try #require(attributes.first { $0[attribute: "name"] == "password" })
        #expect(password[attribute: "mutability"] == "writeOnly")
        #expect(password[attribute: "returned"] == "never")
        let emails = try #require(attributes.first { $0[attribute: "name"] == "emails" })
        #expect(emails[attribute: "multiValued"] == true)
        #expect(emails[attribute: "subAttributes"]?.arrayValue?.map { $0[attribute: "name"] } == ["value", "display", "type", "primary"])
        let groups = try #require(attributes.first { $0[attribute: "name"] == "groups" })
        #expect(groups[attribute: "mutability"] == "readOnly")
        #expect(attributes.allSatisfy { $0[attribute: "name"] != "id" }, "common attributes are not listed")
        #expect(scimError { _ = try SCIMDiscovery.schema(id: "urn:nope", baseURL: base) }?.code == .notFound)
    }

    @Test func coreSchemasFollowRFC7643() {
        let user = SCIMCoreSchemas.user
        #expect(user.attributes.count == 21)
        #expect(user.attribute("userName")?.uniqueness == .server)
        #expect(user.attribute("emails")?.subAttribute("type")?.canonicalValues == ["work", "home", "other"])
        #expect(user.attribute("photos")?.subAttribute("value")?.type == .reference)
        #expect(user.attribute("x509Certificates")?.subAttribute("value")?.type == .binary)
        let group = SCIMCoreSchemas.group
        #expect(group.attribute("members")?.subAttribute("value")?.mutability == .immutable)
        #expect(group.attribute("members")?.subAttribute("$ref")?.referenceTypes == ["User", "Group"])
        let ext = SCIMCoreSchemas.enterpriseUser
        #expect(ext.attributes.map(\.name) == ["employeeNumber", "costCenter", "organization", "division", "department", "manager"])
        #expect(ext.attribute("manager")?.subAttribute("displayName")?.mutability == .readOnly)
        #expect(SCIMCoreSchemas.commonAttributes.first { $0.name == "id" }?.returned == .always)
        #expect(SCIMCoreSchemas.commonAttributes.first { $0.name == "externalId" }?.caseExact == true)
    }

    @Test func resolution() throws {
        let type = SCIMResourceType.user
        func resolve(_ text: String) throws -> SCIMResourceType.Target? { type.resolve(try #require(SCIMAttributePath.parse(text))) }
        #expect(try resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User") == .extensionRoot(SCIMCoreSchemas.enterpriseUser))
        guard case .attribute(let r)? = try resolve("URN:ietf:params:scim:schemas:extension:enterprise:2.0:User:Manager.Value") else {
            Issue.record("manager.value did not resolve")
            return
        }
        #expect(r.canonicalPath == "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
        guard case .attribute(let c)? = try resolve("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName") else {
            Issue.record("name.givenName did not resolve")
            return
        }
        #expect(c.canonicalPath == "name.givenName")
        #expect(try resolve("urn:ietf:params:scim:schemas:core:2.0:Group:displayName") == nil)
        #expect(try resolve("name.bogus") == nil)
        #expect(try resolve("userName.x") == nil)
        #expect(SCIMAttributePath.parse("$ref")?.attribute == "$ref")
        #expect(SCIMAttributePath.parse("urn:") == nil)
        #expect(SCIMAttributePath.parse("a b") == nil)
    }
}
