// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartSCIM
import RampartStorage

/// One tenant's users and groups seen as SCIM resources, read and written inside store
/// transactions.
///
/// SCIM resources are Rampart's own rows (see ``SCIMUserMapping`` and ``SCIMGroupMapping``); the
/// SCIM attributes Rampart does not act on are kept in a ``SCIMDocument`` beside each row. A
/// resource's version is the document's, plus one when the row has changed through `/v1` since
/// SCIM last wrote it (so the ETag changes with what a GET returns); the next SCIM write stores
/// that version plus one.
package struct SCIMDirectory: Sendable {

    package init(
        tenant: TenantID, baseURL: String, clock: any RampartClock
    ) {
        self.tenant = tenant
        self.baseURL = baseURL
        self.clock = clock
    }
    package let tenant: TenantID
    /// The tenant's SCIM base URL, such as `https://host/scim/v2/acme`.
    package let baseURL: String
    package let clock: any RampartClock

    /// A resource as stored, ready to render.
    package struct Resource: Sendable {
        package var type: SCIMResourceType
        package var id: String
        /// The stored form (no `id` or `meta`), with the row's state overlaid.
        package var attributes: SCIMObject
        /// Read-only attributes computed at read time: a user's `groups`.
        package var computed: SCIMObject
        package var version: Int
        package var createdAt: Int64
        package var updatedAt: Int64
    }

    package func location(_ type: SCIMResourceType, _ id: String) -> String { SCIMDiscovery.join(baseURL, type.endpoint, id) }

    /// The resource's JSON, `meta` included.
    package func rendered(_ resource: Resource) -> SCIMObject {
        var attributes = resource.attributes
        for member in resource.computed { attributes.setValue(member.value, forAttribute: member.key) }
        let meta = SCIMMeta(
            created: Self.date(resource.createdAt), lastModified: Self.date(resource.updatedAt),
            location: location(resource.type, resource.id), version: resource.version)
        return resource.type.render(attributes: attributes, id: resource.id, meta: meta)
    }

    package static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The stored attributes of `document`, or nil when there is none. A document that no longer
    /// parses is treated as absent: the row still says who the user is, and the next SCIM write
    /// replaces it.
    package static func attributes(_ document: SCIMDocument?) -> SCIMObject? {
        document.flatMap { (try? SCIMJSON.parse($0.attributes))?.objectValue }
    }

    package static func document(
        _ kind: SCIMDocument.Kind, id: String, tenant: TenantID, attributes: SCIMObject, version: Int, createdAt: Int64, updatedAt: Int64
    ) -> SCIMDocument {
        SCIMDocument(
            tenantID: tenant, kind: kind, resourceID: id, externalID: attributes.value(forAttribute: "externalId")?.stringValue,
            attributes: SCIMJSON.serialize(.object(attributes)), version: Int64(version), createdAt: createdAt, updatedAt: updatedAt)
    }

    // MARK: Building resources from rows

    package func userResource(_ user: User, document: SCIMDocument?, groups: [Group]) -> Resource {
        let stored = Self.attributes(document)
        let base = stored ?? SCIMUserMapping.synthesized(from: user)
        let attributes = SCIMUserMapping.overlay(base, with: user)
        var computed = SCIMObject()
        if !groups.isEmpty {
            computed["groups"] = .array(
                groups.map { group in
                    .object(
                        SCIMObject([
                            ("value", .string(group.id.rawValue)), ("$ref", .string(location(.group, group.id.rawValue))),
                            ("display", .string(group.name)), ("type", "direct"),
                        ]))
                })
        }
        let version = Int(clamping: document?.version ?? 0).addingSaturating(stored == nil || attributes != base ? 1 : 0)
        return Resource(
            type: .user, id: user.id.rawValue, attributes: attributes, computed: computed, version: version, createdAt: user.createdAt,
            updatedAt: max(user.updatedAt, document?.updatedAt ?? 0))
    }

    package func groupResource(_ group: Group, document: SCIMDocument?, members: [UserID]) -> Resource {
        let stored = Self.attributes(document)
        let base = stored ?? SCIMGroupMapping.synthesized(from: group)
        let attributes = SCIMGroupMapping.overlay(base, with: group, members: members) { location(.user, $0) }
        let version = Int(clamping: document?.version ?? 0).addingSaturating(stored == nil || attributes != base ? 1 : 0)
        return Resource(
            type: .group, id: group.id.rawValue, attributes: attributes, computed: SCIMObject(), version: version,
            createdAt: group.createdAt, updatedAt: max(group.updatedAt, document?.updatedAt ?? 0))
    }

    // MARK: Reads

    package func user(_ id: String, _ tx: any StoreTransaction) async throws -> Resource? {
        guard UUIDv7.isWellFormed(id), let user = try await tx.user(UserID(id), in: tenant) else { return nil }
        return userResource(
            user, document: try await tx.scimDocument(.user, id: id, in: tenant), groups: try await tx.groups(of: user.id, in: tenant))
    }

    package func group(_ id: String, _ tx: any StoreTransaction) async throws -> Resource? {
        guard UUIDv7.isWellFormed(id), let group = try await tx.group(GroupID(id), in: tenant) else { return nil }
        return groupResource(
            group, document: try await tx.scimDocument(.group, id: id, in: tenant), members: try await tx.memberIDs(of: group.id, in: tenant))
    }

    /// The users `filter` can match, oldest first: looked up by index when the filter requires an
    /// `id`, `userName` or `externalId` (the lookups Okta and Entra make), otherwise all of them.
    /// The caller still runs the whole filter on the result.
    package func users(matching filter: SCIMFilter?, _ tx: any StoreTransaction) async throws -> [Resource] {
        var candidates: [User]
        if let id = filter?.requiredEquality(on: "id")?.stringValue {
            candidates = UUIDv7.isWellFormed(id) ? [try await tx.user(UserID(id), in: tenant)].compactMap { $0 } : []
        } else if let name = filter?.requiredEquality(on: "userName")?.stringValue, name.utf8.allSatisfy({ $0 < 0x80 }) {
            candidates = try await tx.users(usernameIgnoringCase: name, in: tenant)
        } else if let externalID = filter?.requiredEquality(on: "externalId")?.stringValue {
            candidates = []
            for document in try await tx.scimDocuments(.user, externalID: externalID, in: tenant) {
                if let user = try await tx.user(UserID(document.resourceID), in: tenant) { candidates.append(user) }
            }
            candidates.sort { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }
        } else {
            let users = try await tx.allUsers(in: tenant)
            let documents = Dictionary(try await tx.scimDocuments(.user, in: tenant).map { ($0.resourceID, $0) }) { first, _ in first }
            let groups = Dictionary(try await tx.allGroups(in: tenant).map { ($0.id, $0) }) { first, _ in first }
            var groupsOf: [UserID: [Group]] = [:]
            for membership in try await tx.memberships(in: tenant) {
                if let group = groups[membership.group] { groupsOf[membership.user, default: []].append(group) }
            }
            return users.map { user in
                userResource(
                    user, document: documents[user.id.rawValue],
                    groups: (groupsOf[user.id] ?? []).sorted { $0.name < $1.name })
            }
        }
        var resources: [Resource] = []
        for user in candidates {
            resources.append(
                userResource(
                    user, document: try await tx.scimDocument(.user, id: user.id.rawValue, in: tenant),
                    groups: try await tx.groups(of: user.id, in: tenant)))
        }
        return resources
    }

    /// The groups `filter` can match, oldest first, narrowed by `id`, `displayName` or
    /// `externalId` as ``users(matching:_:)`` narrows users.
    package func groups(matching filter: SCIMFilter?, _ tx: any StoreTransaction) async throws -> [Resource] {
        var candidates: [Group]
        if let id = filter?.requiredEquality(on: "id")?.stringValue {
            candidates = UUIDv7.isWellFormed(id) ? [try await tx.group(GroupID(id), in: tenant)].compactMap { $0 } : []
        } else if let name = filter?.requiredEquality(on: "displayName")?.stringValue, name.utf8.allSatisfy({ $0 < 0x80 }) {
            // Names are stored trimmed; the filter compares the document's value, so look both up.
            let trimmed = name.trimmingWhitespace()
            candidates = try await tx.groups(nameIgnoringCase: trimmed, in: tenant)
        } else if let externalID = filter?.requiredEquality(on: "externalId")?.stringValue {
            candidates = []
            for document in try await tx.scimDocuments(.group, externalID: externalID, in: tenant) {
                if let group = try await tx.group(GroupID(document.resourceID), in: tenant) { candidates.append(group) }
            }
            candidates.sort { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }
        } else {
            let groups = try await tx.allGroups(in: tenant)
            let documents = Dictionary(try await tx.scimDocuments(.group, in: tenant).map { ($0.resourceID, $0) }) { first, _ in first }
            var membersOf: [GroupID: [UserID]] = [:]
            for membership in try await tx.memberships(in: tenant) { membersOf[membership.group, default: []].append(membership.user) }
            return groups.map { groupResource($0, document: documents[$0.id.rawValue], members: membersOf[$0.id] ?? []) }
        }
        var resources: [Resource] = []
        for group in candidates {
            resources.append(
                groupResource(
                    group, document: try await tx.scimDocument(.group, id: group.id.rawValue, in: tenant),
                    members: try await tx.memberIDs(of: group.id, in: tenant)))
        }
        return resources
    }

    // MARK: Writes

    /// Creates a user from create-ready attributes (``SCIMResourceType/attributesForCreate(_:)``).
    /// SCIM users get the `user` role and no password: they sign in through SSO.
    package func createUser(id: UserID, _ attributes: SCIMObject, _ tx: any StoreTransaction) async throws -> Resource {
        let username = try SCIMUserMapping.username(attributes)
        guard try await tx.users(usernameIgnoringCase: username, in: tenant).isEmpty else {
            throw SCIMError(.uniqueness, "`userName` \(Self.quote(username)) is already taken")
        }
        let fields = SCIMUserMapping.rowFields(attributes)
        let now = clock.now()
        let user = User(
            id: id, tenantID: tenant, username: username, displayName: fields.displayName, email: fields.email, roles: [.user],
            status: fields.status, passwordHash: nil, createdAt: now, updatedAt: now)
        try await tx.insertUser(user)
        let document = Self.document(.user, id: id.rawValue, tenant: tenant, attributes: attributes, version: 1, createdAt: now, updatedAt: now)
        try await tx.putSCIMDocument(document)
        return userResource(user, document: document, groups: [])
    }

    /// Replaces or patches a user: `change` maps the current stored attributes to the new ones.
    /// Runs under a row lock, checks `If-Match` against the current version, and writes nothing
    /// when nothing changes. Deactivating a user (`active: false`) ends all their sessions.
    package func updateUser(
        _ id: String, ifMatch: String?, _ tx: any StoreTransaction, change: @Sendable (SCIMObject) throws -> SCIMObject
    ) async throws -> Resource {
        guard UUIDv7.isWellFormed(id), try await tx.lockSCIMSubject(.user, id: id, in: tenant),
            let user = try await tx.user(UserID(id), in: tenant)
        else { throw SCIMError(.notFound, "no User \(Self.quote(id))") }
        let groups = try await tx.groups(of: user.id, in: tenant)
        let stored = try await tx.scimDocument(.user, id: id, in: tenant)
        let current = userResource(user, document: stored, groups: groups)
        try SCIMETag.requireMatch(ifMatch, version: current.version)
        let attributes = try change(current.attributes)
        if attributes == current.attributes { return current }
        let username = try SCIMUserMapping.username(attributes)
        if username != user.username {
            let holders = try await tx.users(usernameIgnoringCase: username, in: tenant)
            if holders.contains(where: { $0.id != user.id }) {
                throw SCIMError(.uniqueness, "`userName` \(Self.quote(username)) is already taken")
            }
        }
        let fields = SCIMUserMapping.rowFields(attributes)
        let now = clock.now()
        var row = user
        row.username = username
        row.displayName = fields.displayName
        row.email = fields.email
        row.status = fields.status
        row.updatedAt = now
        try await tx.updateUser(row)
        if row.status == .disabled {
            _ = try await tx.deleteSessions(subjectID: id, in: tenant)
        }
        let document = Self.document(
            .user, id: id, tenant: tenant, attributes: attributes, version: current.version + 1, createdAt: stored?.createdAt ?? user.createdAt,
            updatedAt: now)
        try await tx.putSCIMDocument(document)
        return userResource(row, document: document, groups: groups)
    }

    /// Deletes a user, with their memberships, sessions and API keys.
    package func deleteUser(_ id: String, ifMatch: String?, _ tx: any StoreTransaction) async throws {
        guard try await tx.lockSCIMSubject(.user, id: id, in: tenant), let current = try await user(id, tx) else {
            throw SCIMError(.notFound, "no User \(Self.quote(id))")
        }
        try SCIMETag.requireMatch(ifMatch, version: current.version)
        _ = try await tx.deleteUser(UserID(id), in: tenant)
    }

    package func createGroup(id: GroupID, _ attributes: SCIMObject, _ tx: any StoreTransaction) async throws -> Resource {
        let name = try SCIMGroupMapping.name(attributes)
        if try await tx.group(name: name, in: tenant) != nil {
            throw SCIMError(.uniqueness, "a group named \(Self.quote(name)) already exists")
        }
        let members = try await memberUsers(SCIMGroupMapping.memberIDs(attributes), tx)
        let now = clock.now()
        let group = Group(id: id, tenantID: tenant, name: name, description: nil, createdAt: now, updatedAt: now)
        try await tx.insertGroup(group)
        for member in members { _ = try await tx.addMember(member, to: id, in: tenant, at: now) }
        let document = Self.document(.group, id: id.rawValue, tenant: tenant, attributes: attributes, version: 1, createdAt: now, updatedAt: now)
        try await tx.putSCIMDocument(document)
        return groupResource(group, document: document, members: members)
    }

    /// Replaces or patches a group, as ``updateUser(_:ifMatch:_:change:)`` does a user, and makes
    /// its Rampart memberships what `members` now lists.
    package func updateGroup(
        _ id: String, ifMatch: String?, _ tx: any StoreTransaction, change: @Sendable (SCIMObject) throws -> SCIMObject
    ) async throws -> Resource {
        guard UUIDv7.isWellFormed(id), try await tx.lockSCIMSubject(.group, id: id, in: tenant),
            let group = try await tx.group(GroupID(id), in: tenant)
        else { throw SCIMError(.notFound, "no Group \(Self.quote(id))") }
        let currentMembers = try await tx.memberIDs(of: group.id, in: tenant)
        let stored = try await tx.scimDocument(.group, id: id, in: tenant)
        let current = groupResource(group, document: stored, members: currentMembers)
        try SCIMETag.requireMatch(ifMatch, version: current.version)
        let attributes = try change(current.attributes)
        if attributes == current.attributes { return current }
        let name = try SCIMGroupMapping.name(attributes)
        if name != group.name, try await tx.group(name: name, in: tenant) != nil {
            throw SCIMError(.uniqueness, "a group named \(Self.quote(name)) already exists")
        }
        let members = try await memberUsers(SCIMGroupMapping.memberIDs(attributes), tx, known: Set(currentMembers))
        let now = clock.now()
        let wanted = Set(members)
        for member in currentMembers where !wanted.contains(member) { _ = try await tx.removeMember(member, from: group.id, in: tenant) }
        for member in members { _ = try await tx.addMember(member, to: group.id, in: tenant, at: now) }
        var row = group
        row.name = name
        row.updatedAt = now
        try await tx.updateGroup(row)
        let document = Self.document(
            .group, id: id, tenant: tenant, attributes: attributes, version: current.version + 1,
            createdAt: stored?.createdAt ?? group.createdAt, updatedAt: now)
        try await tx.putSCIMDocument(document)
        return groupResource(row, document: document, members: try await tx.memberIDs(of: group.id, in: tenant))
    }

    package func deleteGroup(_ id: String, ifMatch: String?, _ tx: any StoreTransaction) async throws {
        guard try await tx.lockSCIMSubject(.group, id: id, in: tenant), let current = try await group(id, tx) else {
            throw SCIMError(.notFound, "no Group \(Self.quote(id))")
        }
        try SCIMETag.requireMatch(ifMatch, version: current.version)
        _ = try await tx.deleteGroup(GroupID(id), in: tenant)
    }

    /// The member ids as users of this tenant.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` naming the first id that is not one.
    private func memberUsers(_ ids: [String], _ tx: any StoreTransaction, known: Set<UserID> = []) async throws -> [UserID] {
        var users: [UserID] = []
        for id in ids {
            let user = UserID(id)
            if !known.contains(user) {
                guard UUIDv7.isWellFormed(id), try await tx.user(user, in: tenant) != nil else {
                    throw SCIMError(.invalidValue, "member \(Self.quote(id)) is not a user of this tenant")
                }
            }
            users.append(user)
        }
        return users
    }

    package static func quote(_ text: String) -> String { "`\(text.prefix(80))`" }
}
