// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicyConformance
import Testing

@Suite struct CorpusTests {
    /// Runs Ranger's own corpus (`../shared/ranger-conformance/corpus` beside the package) and
    /// requires every M1 and M2 case to pass.
    @Test func rangerCorpusMilestones1And2() {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/ranger-conformance/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("skipping corpus test: no corpus at \(corpus.path)")
            return
        }
        let report = ConformanceRunner.run(directory: corpus)
        print(report.rendered().split(separator: "\n").suffix(8).joined(separator: "\n"))
        let m1 = report.totals(milestone: "M1")
        let m2 = report.totals(milestone: "M2")
        #expect(m1.failed == 0)
        #expect(m2.failed == 0)
        #expect(m1.passed > 0 && m2.passed > 0)
        for f in report.failures
        where f.file.contains("resourcematcher/") || Set(["M1", "M2"]).contains(report.files.first { $0.path == f.file }?.milestone ?? "") {
            Issue.record("\(f.file) :: \(f.test): expected \(f.expected), got \(f.got)")
        }
    }
}
