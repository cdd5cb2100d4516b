// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

@Suite struct QueryTests {
    /// Five users, in creation order.
    private func users() throws -> [SCIMObject] {
        let names = ["carol", "Alice", "bob", "dave", "eve"]
        return try names.enumerated().map { i, name in
            var a = try object(#"{"userName": "\#(name)@example.org", "active": \#(i % 2 == 0)}"#)
            if name != "dave" { a["name"] = ["familyName": .string(name.uppercased())] }
            if name == "bob" { a["emails"] = [["value": "z@x", "type": "home"], ["value": "a@x", "type": "work", "primary": true]] }
            return rendered(.user, a, id: "u\(i)")
        }
    }

    private func ids(_ response: SCIMListResponse) -> [String] {
        response.resources.compactMap { $0[attribute: "id"]?.stringValue }
    }

    @Test func parsesParametersIgnoringNameCase() throws {
        let q = try SCIMQuery(parameters: [
            "FILTER": #"userName eq "x""#, "sortby": "userName", "sortOrder": "Descending", "startIndex": "3", "Count": "2",
            "attributes": "userName", "unknown": "1",
        ])
        #expect(q.filter == (try SCIMFilter.parse(#"userName eq "x""#)))
        #expect(q.sort?.ascending == false)
        #expect(q.pagination == SCIMPagination(startIndex: 3, count: 2))
        #expect(q.projection.attributes == ["userName"])
        #expect(try SCIMQuery(parameters: ["filter": "  "]).filter == nil)
    }

    @Test func badParametersAreErrors() {
        #expect(scimError { _ = try SCIMQuery(parameters: ["filter": #"userName eq "unterminated"#]) }?.code == .invalidFilter)
        #expect(scimError { _ = try SCIMQuery(parameters: ["count": "ten"]) }?.code == .invalidValue)
        #expect(scimError { _ = try SCIMQuery(parameters: ["startIndex": "1.5"]) }?.code == .invalidValue)
        #expect(scimError { _ = try SCIMQuery(parameters: ["sortOrder": "up", "sortBy": "userName"]) }?.code == .invalidValue)
        #expect(scimError { _ = try SCIMQuery(parameters: ["sortBy": "a..b"]) }?.code == .invalidValue)
    }

    @Test func paginationClampsAsTheRFCSays() throws {
        #expect(SCIMPagination(startIndex: 0, count: -5) == SCIMPagination(startIndex: 1, count: 0))
        #expect(SCIMPagination(startIndex: -9).startIndex == 1)
        #expect(SCIMPagination().count == 200)
        #expect(SCIMPagination(count: 10_000).count == 200)
        #expect(
            try SCIMPagination(startIndex: "99999999999999999999999", count: "-99999999999999999999") == SCIMPagination(startIndex: Int.max, count: 0)
        )
        #expect(try SCIMPagination(startIndex: "", count: nil) == SCIMPagination())
        let items = Array(1...5)
        #expect(Array(SCIMPagination(startIndex: 2, count: 2).page(items)) == [2, 3])
        #expect(Array(SCIMPagination(startIndex: 5, count: 2).page(items)) == [5])
        #expect(SCIMPagination(startIndex: 6, count: 2).page(items).isEmpty)
        #expect(SCIMPagination(startIndex: Int.max, count: 2).page(items).isEmpty)
        #expect(SCIMPagination(startIndex: 1, count: 0).page(items).isEmpty)
    }

    @Test func oktaImportPagingIsStableDisjointAndComplete() throws {
        let all = try users()
        var seen: [String] = []
        var start = 1
        while true {
            let page = try SCIMQuery(parameters: ["startIndex": String(start), "count": "2"]).run(on: all, type: .user)
            #expect(page.totalResults == 5)
            #expect(page.startIndex == start)
            #expect(page.resources.count <= 2)
            seen += ids(page)
            start += 2
            if page.resources.isEmpty || start > page.totalResults { break }
        }
        #expect(seen == ["u0", "u1", "u2", "u3", "u4"])
    }

    @Test func emptyResultRendersResourcesAsEmptyArray() throws {
        let r = try SCIMQuery(parameters: ["filter": #"userName eq "nobody""#, "startIndex": "1", "count": "100"]).run(on: try users(), type: .user)
        #expect(
            r.rendered == [
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                "totalResults": 0, "startIndex": 1, "itemsPerPage": 0, "Resources": [],
            ])
    }

    @Test func countZeroGivesOnlyTheTotal() throws {
        let r = try SCIMQuery(parameters: ["count": "0"]).run(on: try users(), type: .user)
        #expect(r.totalResults == 5)
        #expect(r.resources.isEmpty)
    }

    @Test func filterSortPageAndProject() throws {
        let r = try SCIMQuery(parameters: ["filter": "active eq true", "sortBy": "userName", "count": "2", "attributes": "userName"]).run(
            on: try users(), type: .user)
        #expect(r.totalResults == 3)
        #expect(
            r.resources == [
                ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u2", "userName": "bob@example.org"],
                ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u0", "userName": "carol@example.org"],
            ])
    }

    @Test func sortingIgnoresCaseAndPutsMissingLast() throws {
        let all = try users()
        #expect(ids(try SCIMQuery(parameters: ["sortBy": "userName"]).run(on: all, type: .user)) == ["u1", "u2", "u0", "u3", "u4"])
        #expect(
            ids(try SCIMQuery(parameters: ["sortBy": "userName", "sortOrder": "descending"]).run(on: all, type: .user)) == [
                "u4", "u3", "u0", "u2", "u1",
            ])
        #expect(ids(try SCIMQuery(parameters: ["sortBy": "name.familyName"]).run(on: all, type: .user)) == ["u1", "u2", "u0", "u4", "u3"])
        #expect(
            ids(try SCIMQuery(parameters: ["sortBy": "name.familyName", "sortOrder": "descending"]).run(on: all, type: .user)) == [
                "u4", "u0", "u2", "u1", "u3",
            ])
        #expect(
            ids(try SCIMQuery(parameters: ["sortBy": "nickName"]).run(on: all, type: .user)) == ["u0", "u1", "u2", "u3", "u4"],
            "ties keep input order")
    }

    @Test func sortingMultiValuedUsesThePrimaryValue() throws {
        let sort = try #require(try SCIMSort.parse(sortBy: "emails", sortOrder: nil))
        let a = rendered(.user, try object(#"{"userName": "a", "emails": [{"value": "m@x"}]}"#), id: "a")
        let b = rendered(.user, try object(#"{"userName": "b", "emails": [{"value": "z@x"}, {"value": "b@x", "primary": true}]}"#), id: "b")
        #expect(sort.sorted([a, b], type: .user).map { $0["id"] } == ["b", "a"])
    }

    @Test func sortingByDateTime() throws {
        let sort = try #require(try SCIMSort.parse(sortBy: "meta.created", sortOrder: "descending"))
        let type = SCIMResourceType.user
        let old = type.render(
            attributes: try object(#"{"userName": "o"}"#), id: "old",
            meta: SCIMMeta(created: fixedDate, lastModified: fixedDate, location: "l", version: 1))
        let new = type.render(
            attributes: try object(#"{"userName": "n"}"#), id: "new",
            meta: SCIMMeta(created: fixedDate.addingTimeInterval(1), lastModified: fixedDate, location: "l", version: 1))
        #expect(sort.sorted([old, new], type: type).map { $0["id"] } == ["new", "old"])
    }

    @Test func searchRequestBody() throws {
        let q = try SCIMQuery(
            searchRequest: json(
                #"""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "attributes": ["userName", "name.familyName"],
                 "filter": "userName sw \"a\"", "startIndex": 1, "count": 10, "sortBy": "userName"}
                """#))
        #expect(q.projection.attributes == ["userName", "name.familyName"])
        #expect(q.pagination == SCIMPagination(startIndex: 1, count: 10))
        #expect(ids(try q.run(on: try users(), type: .user)) == ["u1"])
        #expect(scimError { _ = try SCIMQuery(searchRequest: json(#"{"schemas": ["urn:x"]}"#)) }?.code == .invalidSyntax)
        #expect(scimError { _ = try SCIMQuery(searchRequest: json(#"{"attributes": [1]}"#)) }?.code == .invalidValue)
        #expect(scimError { _ = try SCIMQuery(searchRequest: json("[]")) }?.code == .invalidSyntax)
    }

    @Test func rootSearchAcrossTypes() throws {
        let group = rendered(.group, try object(#"{"displayName": "Admins"}"#), id: "g1")
        var all: [(resource: SCIMObject, type: SCIMResourceType)] = try users().map { ($0, .user) }
        all.append((group, .group))
        let r = try SCIMQuery(parameters: ["filter": #"displayName eq "admins" or userName eq "eve@example.org""#]).run(on: all)
        #expect(ids(r) == ["u4", "g1"])
        #expect(try SCIMQuery(parameters: ["excludedAttributes": "members"]).run(on: all).totalResults == 6)
    }

    @Test func invalidComparisonsFailTheQuery() throws {
        #expect(scimError { _ = try SCIMQuery(parameters: ["filter": "active gt false"]).run(on: try users(), type: .user) }?.code == .invalidFilter)
        #expect(scimError { _ = try SCIMQuery(parameters: ["filter": "active gt false"]).run(on: [], type: .user) }?.code == .invalidFilter)
    }
}
