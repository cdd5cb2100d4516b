// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartTesting
import Testing

/// The spawner the tests run programs with (the CLI, collectors, test identity providers).
@Suite struct ChildProcessTests {
    @Test func bothStreamsAreCollectedEvenWhenOneIsLarge() throws {
        // 1 MiB to stderr before anything to stdout: read one after the other, the child would
        // block on a full stderr pipe while the parent waited for stdout's end.
        let outcome = try ChildProcess.run("/bin/sh", ["-c", "head -c 1048576 /dev/zero | tr '\\0' x >&2; echo done; exit 3"])
        #expect(outcome.termination == .exited(3))
        #expect(outcome.stdout == "done\n")
        #expect(outcome.stderr == String(repeating: "x", count: 1_048_576))
    }

    @Test func theChildInheritsNoDescriptorBeyondItsStandardStreams() throws {
        // Descriptors the test process holds (a file here; servers and connections in the suite).
        let held = try (0..<50).map { _ in try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null")) }
        defer { for handle in held { try? handle.close() } }
        let outcome = try ChildProcess.run("/bin/sh", ["-c", "ls /proc/$$/fd"])
        let descriptors = Set(outcome.stdout.split(separator: "\n").compactMap { Int($0) })
        // 0, 1, 2, and the one `ls` opens to read the directory.
        #expect(descriptors.subtracting([0, 1, 2]).count <= 1, "\(descriptors.sorted())")
    }

    @Test func aSignalledChildIsReportedAsSuch() async throws {
        let child = try ChildProcess("/bin/sleep", ["30"], stdout: .null, stderr: .null)
        #expect(child.isRunning)
        child.terminate()
        #expect(await child.waitForExit(killingAfter: .seconds(5)) == .signalled(SIGTERM))
        #expect(!child.isRunning)
    }

    @Test func aWorkingDirectoryAndAnEnvironmentAreGiven() throws {
        let outcome = try ChildProcess.run(
            "/bin/sh", ["-c", "pwd; echo \"$RAMPART_CHILD_TEST\""], environment: ["RAMPART_CHILD_TEST": "set"], directory: "/tmp")
        #expect(outcome.stdout == "/tmp\nset\n")
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: ChildProcessError.self) { try ChildProcess("/nonexistent/program", []) }
    }
}
