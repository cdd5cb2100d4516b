// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

@Suite struct ErrorAndETagTests {
    @Test func errorBodyFollowsRFC7644Section3_12() {
        let e = SCIMError(.invalidFilter, "expected `]`")
        #expect(
            e.body == [
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "scimType": "invalidFilter",
                "detail": "expected `]`", "status": "400",
            ])
        let notFound = SCIMError(.notFound, "no User u1")
        #expect(notFound.body[attribute: "status"] == "404", "status is a string")
        #expect(notFound.body[attribute: "scimType"] == nil)
        #expect(SCIMError(.uniqueness, "taken").body[attribute: "status"] == "409")
        #expect(notFound.description == "notFound (404): no User u1")
    }

    @Test(arguments: [
        (SCIMError.Code.invalidFilter, 400, "invalidFilter"), (.tooMany, 400, "tooMany"), (.uniqueness, 409, "uniqueness"),
        (.mutability, 400, "mutability"), (.invalidSyntax, 400, "invalidSyntax"), (.invalidPath, 400, "invalidPath"),
        (.noTarget, 400, "noTarget"), (.invalidValue, 400, "invalidValue"), (.invalidVers, 400, "invalidVers"),
        (.sensitive, 400, "sensitive"),
    ])
    func codesWithScimTypes(_ code: SCIMError.Code, _ status: Int, _ scimType: String) {
        #expect(code.status == status)
        #expect(code.scimType == scimType)
        #expect(code.name == scimType)
    }

    @Test func codesWithoutScimTypes() {
        let codes: [(SCIMError.Code, Int)] = [
            (.badRequest, 400), (.unauthorized, 401), (.forbidden, 403), (.notFound, 404), (.methodNotAllowed, 405),
            (.preconditionFailed, 412), (.payloadTooLarge, 413), (.internalError, 500), (.notImplemented, 501),
        ]
        for (code, status) in codes {
            #expect(code.status == status)
            #expect(code.scimType == nil)
        }
    }

    @Test func weakETags() {
        #expect(SCIMETag.weak(version: 7) == #"W/"7""#)
        #expect(SCIMETag.ifMatch(nil, version: 7))
        #expect(SCIMETag.ifMatch("", version: 7))
        #expect(SCIMETag.ifMatch("*", version: 7))
        #expect(SCIMETag.ifMatch(#"W/"7""#, version: 7))
        #expect(SCIMETag.ifMatch(#""7""#, version: 7), "weak comparison ignores W/")
        #expect(SCIMETag.ifMatch(#"W/"6", W/"7""#, version: 7))
        #expect(!SCIMETag.ifMatch(#"W/"6""#, version: 7))
        #expect(!SCIMETag.ifMatch(#"W/"77""#, version: 7))
        #expect(!SCIMETag.ifMatch("garbage", version: 7))
        #expect(SCIMETag.ifNoneMatchIsSatisfied(#"W/"7""#, version: 7))
        #expect(!SCIMETag.ifNoneMatchIsSatisfied(nil, version: 7))
        #expect(!SCIMETag.ifNoneMatchIsSatisfied(#"W/"6""#, version: 7))
        #expect(scimError { try SCIMETag.requireMatch(#"W/"1""#, version: 2) }?.code == .preconditionFailed)
    }
}
