// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Where file datasources may point: under the allowed roots (anywhere when there are none) and
/// never under a forbidden root, the server's own data directory above all, so that a tenant
/// cannot scan Rampart's database (and with it other tenants' data) as a "SQLite datasource".
///
/// Paths are compared after resolving symbolic links, at creation and again before every read,
/// so a link swapped in later does not get around the rule.
package struct DatasourcePathPolicy: Sendable {
    package var allowedRoots: [String]
    package var forbiddenRoots: [String]
    /// The server's setting: with no allowed roots, no file datasource at all, because "anywhere"
    /// would let one tenant read another tenant's datasource files. The CLI, run by whoever owns
    /// the files, reads anywhere.
    package var requiresAllowedRoot: Bool
    /// The server's rule: each tenant may use its own directory under each allowed root
    /// (`<root>/<tenant slug>/`), never the root itself, so one tenant cannot name another's files.
    /// ``forTenant(slug:mappedRoot:)`` applies it.
    package var tenantSubdirectories: Bool

    package init(allowedRoots: [String] = [], forbiddenRoots: [String] = [], requiresAllowedRoot: Bool = false, tenantSubdirectories: Bool = false) {
        self.allowedRoots = allowedRoots
        self.forbiddenRoots = forbiddenRoots
        self.requiresAllowedRoot = requiresAllowedRoot
        self.tenantSubdirectories = tenantSubdirectories
    }

    /// The policy for one tenant: the directory the operator mapped it to when there is one,
    /// else its own subdirectory of each allowed root (with ``tenantSubdirectories``). Forbidden
    /// roots stay forbidden either way.
    package func forTenant(slug: String, mappedRoot: String?) -> DatasourcePathPolicy {
        var policy = self
        policy.tenantSubdirectories = false
        if let mappedRoot {
            policy.allowedRoots = [mappedRoot]
        } else if tenantSubdirectories {
            policy.allowedRoots = allowedRoots.map { root in (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + slug }
        }
        return policy
    }

    /// `nil` when `path` may be read, else why not.
    package func problem(_ path: String) -> String? {
        if let problem = DatasourcePath.problem(path) { return problem }
        let resolved = Self.resolve(path)
        if forbiddenRoots.contains(where: { Self.isWithin(resolved, Self.resolve($0)) }) {
            return "must not be inside the server's own data directory"
        }
        if allowedRoots.isEmpty && requiresAllowedRoot {
            return "file datasources are off on this server: the operator allows directories with --datasource-root"
        }
        if !allowedRoots.isEmpty, !allowedRoots.contains(where: { Self.isWithin(resolved, Self.resolve($0)) }) {
            return "must be under one of the directories the server allows for this tenant's datasources"
        }
        return nil
    }

    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func isWithin(_ path: String, _ root: String) -> Bool {
        let root = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path == root || path.hasPrefix(root + "/") || root.isEmpty
    }
}
