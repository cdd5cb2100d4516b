// SPDX-License-Identifier: Apache-2.0

/// Which host names stay on this machine: where plain-text protocols (HTTP, SMTP) are allowed.
package enum LoopbackHost {
    /// `localhost`, `::1` (bracketed or not) and `127.x.y.z`.
    package static func contains(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
