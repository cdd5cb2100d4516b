// SPDX-License-Identifier: Apache-2.0

import Prometheus
import RampartCore
import RampartStorage
import Synchronization

/// What a decision and an API-key authentication read about a tenant's directory, kept in memory
/// so that the decision path does no database read: a user's active groups (or that the user is
/// unknown or disabled), and an API key with its owner and tenant.
///
/// A change is seen at once. Database triggers count every directory change per tenant
/// (migration `0016_directory_epochs`); after each write of this server ``DirectoryWatchingStore``
/// reads the count and drops the entries of the tenants that changed before the write returns,
/// so the next request reads the new state; ``DirectoryCacheService`` polls the count each
/// second for other processes' writes. SQLite only for now: on PostgreSQL (several servers) the
/// cache does not serve and every read goes to the database.
///
/// A fill that raced an invalidation is not kept: each read takes a ``Ticket`` before going to
/// the database, and a fill whose ticket is older than the last invalidation is dropped, so a
/// read that saw the state before a change cannot outlive the change in memory.
package final class DirectoryCache: Sendable {
    /// An API key as authentication needs it: the key, its owner and whether its tenant is active.
    package struct CachedApiKey: Sendable {
        package var key: ApiKey
        package var owner: User
    }

    /// Taken before a database read whose result may be cached.
    package struct Ticket: Sendable {
        fileprivate let invalidations: UInt64
    }

    /// Entries per tenant at most; a tenant past it starts again empty (one tenant asking about
    /// millions of names cannot take the server's memory).
    package static let maximumEntriesPerTenant = 50_000
    /// Entries of all tenants at most.
    package static let maximumEntries = 500_000

    private struct TenantEntries {
        /// Username → active groups; `nil`: no active user of that name.
        var groups: [String: [String]?] = [:]
        var apiKeyIDs: Set<String> = []
        var count: Int { groups.count + apiKeyIDs.count }
    }

    private struct State {
        var serving = false
        var tenants: [TenantID: TenantEntries] = [:]
        var apiKeys: [String: CachedApiKey] = [:]
        var entries = 0
        /// Bumped by every invalidation; fills with an older ticket are dropped.
        var invalidations: UInt64 = 0
        /// The directory clock this cache has caught up with; nil until first read.
        var clock: Int64?
    }

    private let state = Mutex(State())
    /// `rampart_directory_cache_lookups_total{kind, result}`: hit, miss, or bypass (not serving).
    private let lookups: [String: Counter]

    package init(metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        var lookups: [String: Counter] = [:]
        for kind in ["groups", "api_key"] {
            for result in ["hit", "miss", "bypass"] {
                lookups["\(kind).\(result)"] = metrics.makeCounter(
                    descriptor: .init(
                        metricName: "rampart_directory_cache_lookups", unitName: "total",
                        helpText: "Memberships and API keys looked up in the directory cache, by result"),
                    labels: [("kind", kind), ("result", result)])
            }
        }
        self.lookups = lookups
    }

    private func count(_ kind: String, _ result: String, _ amount: Int = 1) {
        guard amount > 0 else { return }
        lookups["\(kind).\(result)"]?.increment(by: Int64(amount))
    }

    // MARK: Memberships

    /// The cached answers for `usernames` in `tenant` (a username whose value is `nil` is known not
    /// to be an active user), and a ticket to remember what the database says about the others.
    package func groups(_ usernames: some Collection<String>, in tenant: TenantID) -> (known: [String: [String]?], ticket: Ticket?) {
        let answer = state.withLock { state -> (known: [String: [String]?], ticket: Ticket?) in
            guard state.serving else { return ([:], nil) }
            var known: [String: [String]?] = [:]
            if let entries = state.tenants[tenant] {
                for username in usernames { if let groups = entries.groups[username] { known[username] = groups } }
            }
            return (known, Ticket(invalidations: state.invalidations))
        }
        if answer.ticket == nil {
            count("groups", "bypass", usernames.count)
        } else {
            count("groups", "hit", answer.known.count)
            count("groups", "miss", usernames.count - answer.known.count)
        }
        return answer
    }

    /// Remembers the database's answer for `asked`: the users in `found` with their groups, the
    /// others as not active.
    package func remember(groups found: [String: [String]], asked: [String], in tenant: TenantID, ticket: Ticket?) {
        guard let ticket else { return }
        state.withLock { state in
            guard state.serving, state.invalidations == ticket.invalidations else { return }
            for username in asked {
                Self.makeRoom(&state, tenant: tenant)
                let added = state.tenants[tenant, default: TenantEntries()].groups.updateValue(found[username], forKey: username) == nil
                if added { state.entries += 1 }
            }
        }
    }

    // MARK: API keys

    /// The cached key with this id, and a ticket to remember a database read otherwise.
    package func apiKey(id: String) -> (cached: CachedApiKey?, ticket: Ticket?) {
        let answer = state.withLock { state -> (cached: CachedApiKey?, ticket: Ticket?) in
            guard state.serving else { return (nil, nil) }
            return (state.apiKeys[id], Ticket(invalidations: state.invalidations))
        }
        count("api_key", answer.ticket == nil ? "bypass" : answer.cached == nil ? "miss" : "hit")
        return answer
    }

    /// Remembers a key that authenticated (an unknown or refused id is not remembered: random ids
    /// would only fill memory).
    package func remember(apiKey: CachedApiKey, ticket: Ticket?) {
        guard let ticket else { return }
        let tenant = apiKey.key.tenantID
        state.withLock { state in
            guard state.serving, state.invalidations == ticket.invalidations else { return }
            Self.makeRoom(&state, tenant: tenant)
            if state.apiKeys.updateValue(apiKey, forKey: apiKey.key.id) == nil { state.entries += 1 }
            state.tenants[tenant, default: TenantEntries()].apiKeyIDs.insert(apiKey.key.id)
        }
    }

    /// Notes that a cached key's last use was written (the column no trigger watches).
    package func noteUsed(apiKey id: String, at time: Int64) {
        state.withLock { state in state.apiKeys[id]?.key.lastUsedAt = time }
    }

    // MARK: Invalidation

    /// Forgets everything.
    package func invalidateAll() {
        state.withLock { state in
            state.invalidations &+= 1
            Self.clear(&state)
        }
    }

    /// Starts (or, with `false`, stops) serving from memory; either way starting empty.
    package func setServing(_ serving: Bool) {
        state.withLock { state in
            state.invalidations &+= 1
            Self.clear(&state)
            state.serving = serving
        }
    }

    /// Reads the directory clock and drops the tenants that changed since the last look. Called
    /// after each write of this server and by the poll; cheap when nothing changed (one read).
    package func catchUp(_ store: any Store) async throws {
        let clock = try await store.read { try await $0.directoryClock() }
        guard let seen = state.withLock({ $0.clock }) else {
            state.withLock { $0.clock = max($0.clock ?? clock, clock) }
            return
        }
        guard clock > seen else { return }
        let limit = 1_000
        let changes = try await store.read { try await $0.directoryChanges(since: seen, limit: limit) }
        state.withLock { state in
            if changes.count >= limit {
                // Too many to name one by one: start again.
                state.invalidations &+= 1
                Self.clear(&state)
            } else {
                for change in changes { Self.drop(&state, tenant: change.tenant) }
            }
            state.clock = max(state.clock ?? clock, clock)
        }
    }

    private static func drop(_ state: inout State, tenant: TenantID) {
        state.invalidations &+= 1
        guard let entries = state.tenants.removeValue(forKey: tenant) else { return }
        for id in entries.apiKeyIDs { state.apiKeys[id] = nil }
        state.entries -= entries.count
    }

    /// Empties the entries (callers that invalidate also bump `invalidations`).
    private static func clear(_ state: inout State) {
        state.tenants = [:]
        state.apiKeys = [:]
        state.entries = 0
    }

    private static func makeRoom(_ state: inout State, tenant: TenantID) {
        if state.entries >= maximumEntries {
            clear(&state)
        } else if let entries = state.tenants[tenant], entries.count >= maximumEntriesPerTenant {
            // Not an invalidation: the state did not change, so fills in flight stay valid.
            for id in entries.apiKeyIDs { state.apiKeys[id] = nil }
            state.entries -= entries.count
            state.tenants[tenant] = nil
        }
    }
}
