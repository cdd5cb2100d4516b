// SPDX-License-Identifier: Apache-2.0

import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the Rampart version.")

    func run() {
        print("rampart \(RampartVersion.current)")
    }
}
