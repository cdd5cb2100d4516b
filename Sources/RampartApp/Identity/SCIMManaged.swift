// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// That an identity provider manages a user or group through SCIM: the console shows such
/// objects read-only, since the provider would overwrite a change made here.
package struct SCIMManaged: Sendable, Equatable {
    /// The provider's own id for the object, when it sent one.
    package var externalID: String?

    /// How user or group `id` is provisioned: `nil` when it was made in Rampart, not by SCIM.
    package static func lookup(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID, services: RampartServices) async throws -> SCIMManaged? {
        try await services.store.read { try await $0.scimDocument(kind, id: id, in: tenant) }.map { SCIMManaged(externalID: $0.externalID) }
    }
}
