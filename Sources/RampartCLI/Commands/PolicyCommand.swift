// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartPolicyConformance

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Policy engine tools.", subcommands: [Conformance.self])

    struct Conformance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run Apache Ranger's policy-engine test files found under DIR; exit 1 on any failure.")

        @Argument(help: "Directory holding Ranger test files (test_policyengine_*.json, test_resourcematcher_*.json, …).")
        var directory: String

        func run() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("`\(directory)` is not a directory")
            }
            let report = ConformanceRunner.run(directory: URL(fileURLWithPath: directory).standardizedFileURL)
            print(report.rendered())
            if report.failed > 0 { throw ExitCode(1) }
        }
    }
}
