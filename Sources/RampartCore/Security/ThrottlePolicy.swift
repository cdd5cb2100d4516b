// SPDX-License-Identifier: Apache-2.0

/// How ``LoginThrottle`` slows down password guessing; one per tenant, so each tenant can tune it.
///
/// All durations are milliseconds, like every time in Rampart.
package struct ThrottlePolicy: Sendable, Equatable {
    /// Limits on failures against one account, from any address: online guessing of one password.
    package struct Account: Sendable, Equatable {
        /// How far back failures count.
        package var window: Int64
        /// Failures within ``window`` after which each attempt waits.
        package var threshold: Int
        /// The wait after the `threshold`-th failure; it doubles with every further failure.
        package var baseDelay: Int64
        /// The longest wait. It bounds what an attacker can impose on the real user.
        package var maxDelay: Int64

        package init(
            window: Int64 = 15 * 60 * 1000, threshold: Int = 5, baseDelay: Int64 = 1000, maxDelay: Int64 = 5 * 60 * 1000
        ) {
            self.window = window
            self.threshold = threshold
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
        }
    }

    /// Limits on failures from one source address across accounts: credential stuffing and
    /// password spraying from one host.
    package struct SourceIP: Sendable, Equatable {
        /// How far back failures count.
        package var window: Int64
        /// Failures within ``window`` after which the address is blocked.
        package var threshold: Int
        /// How long the first block lasts; each further block within ``strikeMemory`` doubles it.
        package var blockDuration: Int64
        /// The longest block.
        package var maxBlockDuration: Int64
        /// How long an address's earlier blocks are remembered when sizing the next one.
        package var strikeMemory: Int64
        /// IPv6 sources are grouped by this prefix: a single host usually owns a whole /64 and can
        /// rotate addresses inside it freely.
        package var ipv6Prefix: Int

        package init(
            window: Int64 = 10 * 60 * 1000, threshold: Int = 50, blockDuration: Int64 = 15 * 60 * 1000,
            maxBlockDuration: Int64 = 24 * 60 * 60 * 1000, strikeMemory: Int64 = 24 * 60 * 60 * 1000, ipv6Prefix: Int = 64
        ) {
            self.window = window
            self.threshold = threshold
            self.blockDuration = blockDuration
            self.maxBlockDuration = maxBlockDuration
            self.strikeMemory = strikeMemory
            self.ipv6Prefix = ipv6Prefix
        }
    }

    /// Limits on failures across the whole tenant: stuffing spread over many addresses and
    /// accounts, each staying under the other limits.
    package struct Tenant: Sendable, Equatable {
        package var window: Int64
        package var threshold: Int
        package var baseDelay: Int64
        /// Kept short by default: this delay applies to every login from an unknown device in the
        /// tenant, so it slows the attack without shutting everyone out.
        package var maxDelay: Int64

        package init(window: Int64 = 15 * 60 * 1000, threshold: Int = 1000, baseDelay: Int64 = 1000, maxDelay: Int64 = 30 * 1000) {
            self.window = window
            self.threshold = threshold
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
        }
    }

    package var account: Account
    package var sourceIP: SourceIP
    package var tenant: Tenant
    /// Most accounts tracked at once; the least recently failed are forgotten first.
    package var maxTrackedAccounts: Int
    /// Most source addresses tracked at once; unblocked, least recently seen ones go first.
    package var maxTrackedSources: Int

    package init(
        account: Account = Account(), sourceIP: SourceIP = SourceIP(), tenant: Tenant = Tenant(),
        maxTrackedAccounts: Int = 50_000, maxTrackedSources: Int = 50_000
    ) {
        self.account = account
        self.sourceIP = sourceIP
        self.tenant = tenant
        self.maxTrackedAccounts = maxTrackedAccounts
        self.maxTrackedSources = maxTrackedSources
    }

    /// The longest window, delay, block or memory a policy may set: 30 days. Longer would be a
    /// lockout in all but name, and the bound keeps the throttle's time arithmetic far from overflow.
    package static let maximumDuration: Int64 = 30 * 24 * 60 * 60 * 1000
    /// The largest per-account and per-source threshold. Each tracked account keeps up to its
    /// threshold of failure times, so this also bounds memory.
    package static let maximumThreshold = 10_000
    /// The largest tenant-wide threshold; the tenant keeps one window of that many times.
    package static let maximumTenantThreshold = 1_000_000

    /// Checks a tenant-supplied policy before it is saved, and a stored one before it is used.
    ///
    /// Each field is checked on its own. A maximum below its base is no error: the maximum caps
    /// every wait, the first included (``ExponentialBackoff``), so a tenant that lowers only the
    /// maximum below the server's base gets what it asked for.
    ///
    /// - Throws: ``RampartError`` `validation-failed` naming the first bad field.
    package func validate() throws {
        func duration(_ value: Int64, _ field: String, allowZero: Bool = false) throws {
            guard allowZero ? value >= 0 : value > 0 else {
                throw RampartError.validation(allowZero ? "must not be negative" : "must be positive", field: field)
            }
            guard value <= Self.maximumDuration else {
                throw RampartError.validation("must be at most \(Self.maximumDuration) ms (30 days)", field: field)
            }
        }
        func threshold(_ value: Int, _ field: String, maximum: Int = Self.maximumThreshold) throws {
            guard (1...maximum).contains(value) else {
                throw RampartError.validation("must be between 1 and \(maximum)", field: field)
            }
        }
        try duration(account.window, "account.window")
        try threshold(account.threshold, "account.threshold")
        try duration(account.baseDelay, "account.baseDelay")
        try duration(account.maxDelay, "account.maxDelay")
        try duration(sourceIP.window, "sourceIP.window")
        try threshold(sourceIP.threshold, "sourceIP.threshold")
        try duration(sourceIP.blockDuration, "sourceIP.blockDuration")
        try duration(sourceIP.maxBlockDuration, "sourceIP.maxBlockDuration")
        try duration(sourceIP.strikeMemory, "sourceIP.strikeMemory", allowZero: true)
        guard (32...128).contains(sourceIP.ipv6Prefix) else {
            throw RampartError.validation("must be between 32 and 128", field: "sourceIP.ipv6Prefix")
        }
        try duration(tenant.window, "tenant.window")
        try threshold(tenant.threshold, "tenant.threshold", maximum: Self.maximumTenantThreshold)
        try duration(tenant.baseDelay, "tenant.baseDelay")
        try duration(tenant.maxDelay, "tenant.maxDelay")
        try threshold(maxTrackedAccounts, "maxTrackedAccounts", maximum: .max)
        try threshold(maxTrackedSources, "maxTrackedSources", maximum: .max)
    }
}
