// SPDX-License-Identifier: Apache-2.0

import RampartCore
import Testing

/// Which tables a scan reads, and how its ETA is extrapolated.
@Suite struct ScanOptionsTests {
    @Test func globsMatchTablesAndSchemaQualifiedNames() {
        #expect(Glob.matches("*", ""))
        #expect(Glob.matches("cust*", "Customers"))
        #expect(Glob.matches("c?stomers", "customers"))
        #expect(!Glob.matches("c?stomers", "cstomers"))
        #expect(Glob.matches("*_archive", "orders_archive"))
        #expect(!Glob.matches("*_archive", "orders_archived"))
        #expect(Glob.matches("a*b*c", "aXXbYYc") && !Glob.matches("a*b*c", "aXXbYY"))

        let options = ScanOptions(include: ["shop.*", "users"], exclude: ["*_archive"])
        #expect(options.selects(table: "orders", schema: "shop"))
        #expect(!options.selects(table: "orders_archive", schema: "shop"))
        #expect(options.selects(table: "users", schema: "public"))
        #expect(!options.selects(table: "orders", schema: "public"))
        #expect(ScanOptions().selects(table: "anything", schema: nil))
    }

    @Test func etaExtrapolatesFromTablesDone() {
        #expect(ScanProgress(tablesDone: 0, tablesTotal: 4).etaSeconds(elapsed: 10) == nil)
        #expect(ScanProgress(tablesDone: 1, tablesTotal: 4).etaSeconds(elapsed: 10) == 30)
        #expect(ScanProgress(tablesDone: 4, tablesTotal: 4).etaSeconds(elapsed: 10) == 0)
    }
}
