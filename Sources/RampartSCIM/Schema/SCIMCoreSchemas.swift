// SPDX-License-Identifier: Apache-2.0

/// The schemas of RFC 7643: core User (§4.1), Group (§4.2), the Enterprise User extension
/// (§4.3), and the common attributes every resource has (§3.1).
///
/// Definitions follow RFC 7643 §8.7.1, with two deliberate differences that what providers send
/// relies on: Group `displayName` is `required` (as §4.2's prose says, and both Okta and Entra
/// always send it), and `members` has a `display` sub-attribute (Okta sends it).
package enum SCIMCoreSchemas {
    /// `schemas`, `id`, `externalId` and `meta` (RFC 7643 §3, §3.1). They belong to every
    /// resource but are not listed under `/Schemas`, as the RFC's own schema representations do
    /// not list them. `schemas` is here so filters such as
    /// `schemas eq "urn:…:enterprise:2.0:User"` (RFC 7644 §3.4.2.2) can name it.
    package static let commonAttributes: [SCIMAttribute] = [
        SCIMAttribute(
            "schemas", type: .reference, multiValued: true, description: "The schema URIs the resource conforms to.",
            mutability: .readOnly, returned: .always, referenceTypes: ["uri"]),
        SCIMAttribute(
            "id", description: "Unique identifier for the SCIM resource as defined by the service provider.",
            caseExact: true, mutability: .readOnly, returned: .always, uniqueness: .server),
        SCIMAttribute(
            "externalId", description: "Identifier for the resource as defined by the provisioning client.",
            caseExact: true),
        SCIMAttribute(
            "meta", type: .complex, description: "Resource metadata.", mutability: .readOnly,
            subAttributes: [
                SCIMAttribute("resourceType", description: "The name of the resource type of the resource.", caseExact: true, mutability: .readOnly),
                SCIMAttribute("created", type: .dateTime, description: "When the resource was added.", mutability: .readOnly),
                SCIMAttribute("lastModified", type: .dateTime, description: "When the resource was last modified.", mutability: .readOnly),
                SCIMAttribute(
                    "location", type: .reference, description: "The URI of the resource.", caseExact: true, mutability: .readOnly,
                    referenceTypes: ["uri"]),
                SCIMAttribute("version", description: "The version (weak entity tag) of the resource.", caseExact: true, mutability: .readOnly),
            ]),
    ]

    /// A multi-valued complex attribute with `value`, `display`, `type` and `primary`, the shape
    /// RFC 7643 §2.4 gives emails, phone numbers, IMs, photos, entitlements, roles and certificates.
    private static func multiValued(
        _ name: String, _ description: String, valueType: SCIMAttribute.DataType = .string,
        valueCaseExact: Bool = false, referenceTypes: [String] = [], types: [String] = []
    ) -> SCIMAttribute {
        SCIMAttribute(
            name, type: .complex, multiValued: true, description: description,
            subAttributes: [
                SCIMAttribute("value", type: valueType, description: "The value.", caseExact: valueCaseExact, referenceTypes: referenceTypes),
                SCIMAttribute("display", description: "A human-readable name, primarily used for display purposes."),
                SCIMAttribute("type", description: "A label indicating the attribute's function.", canonicalValues: types),
                SCIMAttribute("primary", type: .boolean, description: "Whether this is the primary or preferred value."),
            ])
    }

    /// The core User schema (RFC 7643 §4.1).
    package static let user = SCIMSchema(
        id: SCIMURN.user, name: "User", description: "User Account",
        attributes: [
            SCIMAttribute(
                "userName", description: "Unique identifier for the User, typically used to authenticate.",
                required: true, uniqueness: .server),
            SCIMAttribute(
                "name", type: .complex, description: "The components of the user's real name.",
                subAttributes: [
                    SCIMAttribute("formatted", description: "The full name, formatted for display."),
                    SCIMAttribute("familyName", description: "The family name of the User."),
                    SCIMAttribute("givenName", description: "The given name of the User."),
                    SCIMAttribute("middleName", description: "The middle name(s) of the User."),
                    SCIMAttribute("honorificPrefix", description: "The honorific prefix(es) of the User."),
                    SCIMAttribute("honorificSuffix", description: "The honorific suffix(es) of the User."),
                ]),
            SCIMAttribute("displayName", description: "The name of the User, suitable for display to end-users."),
            SCIMAttribute("nickName", description: "The casual way to address the user."),
            SCIMAttribute(
                "profileUrl", type: .reference, description: "A fully qualified URL pointing to the User's online profile.",
                referenceTypes: ["external"]),
            SCIMAttribute("title", description: "The user's title, such as \"Vice President\"."),
            SCIMAttribute("userType", description: "The relationship between the organization and the user."),
            SCIMAttribute("preferredLanguage", description: "The User's preferred written or spoken language."),
            SCIMAttribute("locale", description: "The User's default location for localization."),
            SCIMAttribute("timezone", description: "The User's time zone in the IANA Time Zone database format."),
            SCIMAttribute("active", type: .boolean, description: "The User's administrative status."),
            SCIMAttribute(
                "password", description: "The User's cleartext password. Accepted but never stored or returned.",
                caseExact: true, mutability: .writeOnly, returned: .never),
            multiValued("emails", "Email addresses for the user.", types: ["work", "home", "other"]),
            multiValued("phoneNumbers", "Phone numbers for the User.", types: ["work", "home", "mobile", "fax", "pager", "other"]),
            multiValued("ims", "Instant messaging addresses for the User.", types: ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            multiValued(
                "photos", "URLs of photos of the User.", valueType: .reference, valueCaseExact: true, referenceTypes: ["external"],
                types: ["photo", "thumbnail"]),
            SCIMAttribute(
                "addresses", type: .complex, multiValued: true, description: "A physical mailing address for this User.",
                subAttributes: [
                    SCIMAttribute("formatted", description: "The full mailing address, formatted for display."),
                    SCIMAttribute("streetAddress", description: "The full street address component."),
                    SCIMAttribute("locality", description: "The city or locality component."),
                    SCIMAttribute("region", description: "The state or region component."),
                    SCIMAttribute("postalCode", description: "The zip code or postal code component."),
                    SCIMAttribute("country", description: "The country name component."),
                    SCIMAttribute("type", description: "A label indicating the attribute's function.", canonicalValues: ["work", "home", "other"]),
                    SCIMAttribute("primary", type: .boolean, description: "Whether this is the primary address."),
                ]),
            SCIMAttribute(
                "groups", type: .complex, multiValued: true, description: "The groups the user belongs to, maintained by the service provider.",
                mutability: .readOnly,
                subAttributes: [
                    SCIMAttribute("value", description: "The identifier of the User's group.", caseExact: true, mutability: .readOnly),
                    SCIMAttribute(
                        "$ref", type: .reference, description: "The URI of the corresponding Group resource.", caseExact: true, mutability: .readOnly,
                        referenceTypes: ["Group"]),
                    SCIMAttribute("display", description: "A human-readable name for the group.", mutability: .readOnly),
                    SCIMAttribute(
                        "type", description: "How the membership was derived.", mutability: .readOnly, canonicalValues: ["direct", "indirect"]),
                ]),
            multiValued("entitlements", "A list of entitlements for the User."),
            multiValued("roles", "A list of roles for the User."),
            multiValued("x509Certificates", "A list of certificates issued to the User.", valueType: .binary, valueCaseExact: true),
        ])

    /// The core Group schema (RFC 7643 §4.2).
    package static let group = SCIMSchema(
        id: SCIMURN.group, name: "Group", description: "Group",
        attributes: [
            SCIMAttribute("displayName", description: "A human-readable name for the Group.", required: true),
            SCIMAttribute(
                "members", type: .complex, multiValued: true, description: "A list of members of the Group.",
                subAttributes: [
                    SCIMAttribute("value", description: "Identifier of the member of this Group.", caseExact: true, mutability: .immutable),
                    SCIMAttribute(
                        "$ref", type: .reference, description: "The URI of the member resource.", caseExact: true, mutability: .immutable,
                        referenceTypes: ["User", "Group"]),
                    SCIMAttribute(
                        "type", description: "The type of the member resource.", mutability: .immutable, canonicalValues: ["User", "Group"]),
                    SCIMAttribute("display", description: "A human-readable name for the member."),
                ]),
        ])

    /// The Enterprise User extension (RFC 7643 §4.3).
    package static let enterpriseUser = SCIMSchema(
        id: SCIMURN.enterpriseUser, name: "EnterpriseUser", description: "Enterprise User",
        attributes: [
            SCIMAttribute("employeeNumber", description: "Numeric or alphanumeric identifier assigned to a person."),
            SCIMAttribute("costCenter", description: "Identifies the name of a cost center."),
            SCIMAttribute("organization", description: "Identifies the name of an organization."),
            SCIMAttribute("division", description: "Identifies the name of a division."),
            SCIMAttribute("department", description: "Identifies the name of a department."),
            SCIMAttribute(
                "manager", type: .complex, description: "The User's manager.",
                subAttributes: [
                    SCIMAttribute("value", description: "The id of the SCIM resource representing the User's manager.", caseExact: true),
                    SCIMAttribute(
                        "$ref", type: .reference, description: "The URI of the manager's User resource.", caseExact: true, referenceTypes: ["User"]),
                    SCIMAttribute("displayName", description: "The displayName of the User's manager.", mutability: .readOnly),
                ]),
        ])
}
