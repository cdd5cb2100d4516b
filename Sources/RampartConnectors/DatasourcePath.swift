// SPDX-License-Identifier: Apache-2.0

/// Checks the file paths datasources are given: absolute, no `..` component, no NUL, so a
/// datasource cannot be pointed somewhere by a relative trick.
package enum DatasourcePath {
    /// `nil` when the path is acceptable, else why not.
    package static func problem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "must be an absolute path" }
        guard path.utf8.count <= 4096, !path.utf8.contains(0) else { return "must be at most 4096 bytes, without NUL" }
        guard !path.split(separator: "/").contains("..") else { return "must not contain `..`" }
        return nil
    }
}
