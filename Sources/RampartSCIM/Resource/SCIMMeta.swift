// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The server-maintained facts about a resource that `meta` reports (RFC 7643 §3.1).
package struct SCIMMeta: Sendable, Hashable {
    /// When the resource was created.
    package var created: Date
    /// When it was last changed.
    package var lastModified: Date
    /// The absolute URL of the resource, such as `https://host/scim/v2/acme/Users/{id}`.
    package var location: String
    /// A number that grows with every change; `meta.version` and the `ETag` are built from it.
    package var version: Int

    /// Creates resource metadata.
    package init(created: Date, lastModified: Date, location: String, version: Int) {
        self.created = created
        self.lastModified = lastModified
        self.location = location
        self.version = version
    }

    /// The weak ETag for ``version``.
    package var etag: String { SCIMETag.weak(version: version) }
}
