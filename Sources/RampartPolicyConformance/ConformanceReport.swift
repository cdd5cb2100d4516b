// SPDX-License-Identifier: Apache-2.0

/// The outcome of running Ranger's test corpus.
public struct ConformanceReport: Sendable {
    /// Counts for one test file.
    public struct FileResult: Sendable {
        public var path: String
        public var milestone: String
        public var passed = 0
        public var failed = 0
        public var skipped = 0
        /// Unasserted differences (access `policyId`), reported but not failures.
        public var warnings = 0
    }

    /// A case whose result differs from Ranger's.
    public struct Failure: Sendable {
        public var file: String
        public var test: String
        public var expected: String
        public var got: String
    }

    /// A case not run because it needs a feature Rampart lacks.
    public struct Skip: Sendable {
        public var file: String
        public var test: String
        public var feature: String
    }

    public var files: [FileResult] = []
    public var failures: [Failure] = []
    public var skips: [Skip] = []

    public var passed: Int { files.reduce(0) { $0 + $1.passed } }
    public var failed: Int { files.reduce(0) { $0 + $1.failed } }
    public var skipped: Int { files.reduce(0) { $0 + $1.skipped } }

    /// Totals per milestone label (`M1`, `M2`, …).
    public func totals(milestone: String) -> (passed: Int, failed: Int, skipped: Int) {
        files.filter { $0.milestone == milestone }.reduce((0, 0, 0)) { ($0.0 + $1.passed, $0.1 + $1.failed, $0.2 + $1.skipped) }
    }

    /// Text rendering: one line per failed case, per-file counts, per-milestone counts, skip
    /// reasons, and a final line `N passed, N failed, N skipped`.
    public func rendered() -> String {
        var lines: [String] = []
        for f in failures {
            lines.append("FAIL \(f.file) :: \(f.test) :: expected \(f.expected), got \(f.got)")
        }
        for f in files.sorted(by: { ($0.milestone, $0.path) < ($1.milestone, $1.path) }) {
            var line = "[\(f.milestone)] \(f.path): \(f.passed) passed, \(f.failed) failed, \(f.skipped) skipped"
            if f.warnings > 0 { line += ", \(f.warnings) policyId warnings" }
            lines.append(line)
        }
        var byFeature: [String: Int] = [:]
        for s in skips { byFeature[s.feature, default: 0] += 1 }
        for (feature, n) in byFeature.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped \(n) needing \(feature)")
        }
        let milestones = Set(files.map(\.milestone)).sorted()
        for m in milestones {
            let t = totals(milestone: m)
            lines.append("\(m): \(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped")
        }
        lines.append("\(passed) passed, \(failed) failed, \(skipped) skipped")
        return lines.joined(separator: "\n")
    }
}
