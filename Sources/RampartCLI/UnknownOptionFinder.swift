// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation

/// Finds an option on the command line that its command does not define.
///
/// ArgumentParser reports unknown options only after the known ones decoded, so
/// `rampart audit verify --bogus` complained about the missing `--tenant` and never named the
/// typo. On a usage error Rampart first asks this, from the command tree ArgumentParser itself
/// describes, so the one line names what the user actually got wrong.
enum UnknownOptionFinder {
    /// The first option in `arguments` (without the executable name) that the addressed
    /// subcommand does not define, as typed (`--bogus`, `-q`), or `nil`.
    static func firstUnknown(in arguments: [String], root: any ParsableCommand.Type) -> String? {
        // ArgumentParser's own description of the command tree (what `--experimental-dump-help`
        // prints); its model type is not a product of the package, so it is read as plain JSON.
        guard let tree = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
            var command = tree["command"] as? [String: Any]
        else { return nil }
        var index = 0
        while index < arguments.count,
            let next = (command["subcommands"] as? [[String: Any]])?.first(where: { sub in
                sub["commandName"] as? String == arguments[index] || (sub["aliases"] as? [String] ?? []).contains(arguments[index])
            })
        {
            command = next
            index += 1
        }
        var known: Set<String> = ["--help", "-h", "-help", "--version"]
        var takesValue: Set<String> = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag" else { continue }
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let text = name["name"] as? String else { continue }
                let spelled = name["kind"] as? String == "long" ? "--\(text)" : "-\(text)"
                known.insert(spelled)
                if kind == "option" { takesValue.insert(spelled) }
            }
        }
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if token == "--" { return nil }
            guard token.count > 1, token.hasPrefix("-"), Double(token) == nil else { continue }
            let name = String(token.split(separator: "=", maxSplits: 1).first ?? Substring(token))
            if known.contains(name) {
                if takesValue.contains(name), !token.contains("=") { index += 1 }
                continue
            }
            // Combined short flags (`-vq`) are known when each letter is.
            if !name.hasPrefix("--"), name.count > 2, name.dropFirst().allSatisfy({ known.contains("-\($0)") && !takesValue.contains("-\($0)") }) {
                continue
            }
            return name
        }
        return nil
    }
}
