// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// The JSON form of a ``ThrottlePolicy`` (durations in milliseconds), as tenant settings accept
/// and show it. Every field is optional on input: what is left out keeps the server's default.
package struct ThrottlePolicyDocument: Codable, Sendable, Equatable {
    package struct Account: Codable, Sendable, Equatable {
        package var window: Int64?
        package var threshold: Int?
        package var baseDelay: Int64?
        package var maxDelay: Int64?
    }

    package struct SourceIP: Codable, Sendable, Equatable {
        package var window: Int64?
        package var threshold: Int?
        package var blockDuration: Int64?
        package var maxBlockDuration: Int64?
        package var strikeMemory: Int64?
        package var ipv6Prefix: Int?
    }

    package struct Tenant: Codable, Sendable, Equatable {
        package var window: Int64?
        package var threshold: Int?
        package var baseDelay: Int64?
        package var maxDelay: Int64?
    }

    package var account: Account?
    package var sourceIP: SourceIP?
    package var tenant: Tenant?

    /// The complete document of `policy`.
    package init(_ policy: ThrottlePolicy) {
        account = Account(
            window: policy.account.window, threshold: policy.account.threshold, baseDelay: policy.account.baseDelay,
            maxDelay: policy.account.maxDelay)
        sourceIP = SourceIP(
            window: policy.sourceIP.window, threshold: policy.sourceIP.threshold, blockDuration: policy.sourceIP.blockDuration,
            maxBlockDuration: policy.sourceIP.maxBlockDuration, strikeMemory: policy.sourceIP.strikeMemory,
            ipv6Prefix: policy.sourceIP.ipv6Prefix)
        tenant = Tenant(
            window: policy.tenant.window, threshold: policy.tenant.threshold, baseDelay: policy.tenant.baseDelay,
            maxDelay: policy.tenant.maxDelay)
    }

    /// `base` with this document's fields laid over it. Memory bounds are the server's, never a tenant's.
    package func applied(to base: ThrottlePolicy) -> ThrottlePolicy {
        var policy = base
        if let account {
            policy.account.window = account.window ?? policy.account.window
            policy.account.threshold = account.threshold ?? policy.account.threshold
            policy.account.baseDelay = account.baseDelay ?? policy.account.baseDelay
            policy.account.maxDelay = account.maxDelay ?? policy.account.maxDelay
        }
        if let sourceIP {
            policy.sourceIP.window = sourceIP.window ?? policy.sourceIP.window
            policy.sourceIP.threshold = sourceIP.threshold ?? policy.sourceIP.threshold
            policy.sourceIP.blockDuration = sourceIP.blockDuration ?? policy.sourceIP.blockDuration
            policy.sourceIP.maxBlockDuration = sourceIP.maxBlockDuration ?? policy.sourceIP.maxBlockDuration
            policy.sourceIP.strikeMemory = sourceIP.strikeMemory ?? policy.sourceIP.strikeMemory
            policy.sourceIP.ipv6Prefix = sourceIP.ipv6Prefix ?? policy.sourceIP.ipv6Prefix
        }
        if let tenant {
            policy.tenant.window = tenant.window ?? policy.tenant.window
            policy.tenant.threshold = tenant.threshold ?? policy.tenant.threshold
            policy.tenant.baseDelay = tenant.baseDelay ?? policy.tenant.baseDelay
            policy.tenant.maxDelay = tenant.maxDelay ?? policy.tenant.maxDelay
        }
        return policy
    }

    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The effective policy of a tenant: its stored document over `base`; `base` when it has none
    /// or the stored text cannot be read (a tenant's typo must not switch throttling off).
    package static func policy(stored json: String?, base: ThrottlePolicy) -> ThrottlePolicy {
        guard let json, let document = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return base }
        let policy = document.applied(to: base)
        return (try? policy.validate()) != nil ? policy : base
    }
}
