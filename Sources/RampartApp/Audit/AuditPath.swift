// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The URL as an audit record keeps it: the path, and the query with the values of
/// secret-bearing parameters replaced, so a token passed in a URL never reaches the log.
package enum AuditPath {
    /// Parameter names whose values are never recorded (compared case-insensitively; a name that
    /// merely contains one of these, such as `client_secret` or `x-api-key`, counts too).
    package static let secretNames = [
        "password", "passwd", "secret", "token", "key", "code", "otp", "signature", "sig", "state", "nonce",
        "assertion", "credential", "session", "auth",
    ]

    package static func redacted(path: String, query: String?) -> String {
        guard let query, !query.isEmpty else { return path }
        let parts = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pieces[0])
            guard pieces.count == 2 else { return name }
            let lowered = (name.removingPercentEncoding ?? name).lowercased()
            if secretNames.contains(where: { lowered.contains($0) }) { return "\(name)=REDACTED" }
            return "\(name)=\(pieces[1])"
        }
        return "\(path)?\(parts.joined(separator: "&"))"
    }
}
