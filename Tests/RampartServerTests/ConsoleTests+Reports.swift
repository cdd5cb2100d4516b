// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartTesting
import Testing

/// The console's reports page: the same inventory and access report as `/v1/reports`.
extension ConsoleTests {
    @Test func reportsShowTheInventoryAndWhoAccessedTaggedData() async throws {
        try await ReportTests.withEstate(.sqlite) { client, e in
            _ = try await client.send(
                .post, "/v1/authorize", token: e.f.a.securityToken,
                body: .json([
                    "service": e.f.a.service, "user": "bob", "accessType": "select",
                    "resource": ["database": "sales", "table": "payments", "column": "card_number"],
                ]))
            var admin = Browser(client: client)
            let form = try #require(Self.hidden("csrf", in: try await admin.get("/console/t/\(e.f.a.slug)/sign-in").text))
            _ = try await admin.post(
                "/console/t/\(e.f.a.slug)/sign-in", ["csrf": form, "username": "admin", "password": "tenant-owner-passphrase-9"])
            let visit = try await admin.get("/console/t/\(e.f.a.slug)/reports")
            #expect(visit.status == 200 && visit.text.contains("Build the inventory") && !visit.text.contains("CREDIT_CARD"), "built on request")
            let page = try await admin.get("/console/t/\(e.f.a.slug)/reports?inventory=1")
            #expect(page.status == 200, "\(page.text)")
            #expect(
                page.text.contains("CREDIT_CARD") && page.text.contains("payments.card_number") && page.text.contains("<td>kim</td>"), "\(page.text)")

            let day = ISO8601DateFormatter().string(from: Date()).prefix(10)
            let access = try await admin.get("/console/t/\(e.f.a.slug)/reports?tag=PCI&from=\(day)&to=\(day)")
            #expect(
                access.text.contains("1 decisions on 1 columns tagged PCI") && access.text.contains("Every row is in the checkpoint"),
                "\(access.text)")
            let csv = try await admin.get("/console/t/\(e.f.a.slug)/reports/access.csv?tag=PCI&from=\(day)&to=\(day)")
            #expect(csv.contentType?.hasPrefix("text/csv") == true && csv.text.hasPrefix("seq,time,user"))
            let inventory = try await admin.get("/console/t/\(e.f.a.slug)/reports/inventory.csv")
            #expect(inventory.text.contains("card_number"))
            let bad = try await admin.get("/console/t/\(e.f.a.slug)/reports?tag=PCI&from=yesterday&to=\(day)")
            #expect(bad.status == 200 && bad.text.contains("role=\"alert\"") && bad.text.contains("YYYY-MM-DD"))

            // carl (a plain user) has no reports.
            var carl = Browser(client: client)
            let carlForm = try #require(Self.hidden("csrf", in: try await carl.get("/console/t/\(e.f.a.slug)/sign-in").text))
            _ = try await carl.post(
                "/console/t/\(e.f.a.slug)/sign-in", ["csrf": carlForm, "username": "carl", "password": TwoTenantFixture.userPassword])
            #expect(try await carl.get("/console/t/\(e.f.a.slug)/reports").status == 404)
            #expect(try await carl.get("/console/t/\(e.f.a.slug)/reports/inventory.csv").status == 404)
        }
    }
}
