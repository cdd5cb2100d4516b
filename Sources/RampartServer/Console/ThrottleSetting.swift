// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// One number of the login throttle as the console's settings form shows it: a count, or a
/// duration in seconds (milliseconds in ``ThrottlePolicy``, written with up to three decimals so
/// that every stored value shows and saves exactly).
enum ThrottleSetting: String, CaseIterable {
    case accountThreshold = "account.threshold"
    case accountWindow = "account.window"
    case accountBaseDelay = "account.baseDelay"
    case accountMaxDelay = "account.maxDelay"
    case sourceThreshold = "sourceIP.threshold"
    case sourceWindow = "sourceIP.window"
    case sourceBlock = "sourceIP.blockDuration"
    case sourceMaxBlock = "sourceIP.maxBlockDuration"
    case sourceStrikeMemory = "sourceIP.strikeMemory"
    case sourceIPv6Prefix = "sourceIP.ipv6Prefix"
    case tenantThreshold = "tenant.threshold"
    case tenantWindow = "tenant.window"
    case tenantBaseDelay = "tenant.baseDelay"
    case tenantMaxDelay = "tenant.maxDelay"

    /// The form field's name (the API's field, e.g. `account.window`).
    var name: String { rawValue }

    var isDuration: Bool {
        switch self {
        case .accountThreshold, .sourceThreshold, .tenantThreshold, .sourceIPv6Prefix: false
        default: true
        }
    }

    var label: String {
        switch self {
        case .accountThreshold, .sourceThreshold, .tenantThreshold: "Failures before it acts"
        case .accountWindow, .sourceWindow, .tenantWindow: "Within (seconds)"
        case .accountBaseDelay, .tenantBaseDelay: "First wait (seconds)"
        case .accountMaxDelay, .tenantMaxDelay: "Longest wait (seconds)"
        case .sourceBlock: "First block (seconds)"
        case .sourceMaxBlock: "Longest block (seconds)"
        case .sourceStrikeMemory: "Repeat offences remembered for (seconds)"
        case .sourceIPv6Prefix: "IPv6 addresses counted together by prefix (/32 to /128)"
        }
    }

    /// The group it belongs to on the form.
    var group: String { String(rawValue.prefix { $0 != "." }) }

    /// The group's heading on the form.
    var groupTitle: String {
        switch group {
        case "account": "Per account"
        case "sourceIP": "Per address"
        default: "Whole tenant"
        }
    }

    /// The input's id on the form.
    var inputID: String { "throttle-" + rawValue.replacingOccurrences(of: ".", with: "-") }

    /// The setting an API error names (`loginThrottle.account.window`), if any.
    init?(errorField field: String?) {
        guard let field, field.hasPrefix("loginThrottle.") else { return nil }
        self.init(rawValue: String(field.dropFirst("loginThrottle.".count)))
    }

    func value(in policy: ThrottlePolicy) -> Int64 {
        switch self {
        case .accountThreshold: Int64(policy.account.threshold)
        case .accountWindow: policy.account.window
        case .accountBaseDelay: policy.account.baseDelay
        case .accountMaxDelay: policy.account.maxDelay
        case .sourceThreshold: Int64(policy.sourceIP.threshold)
        case .sourceWindow: policy.sourceIP.window
        case .sourceBlock: policy.sourceIP.blockDuration
        case .sourceMaxBlock: policy.sourceIP.maxBlockDuration
        case .sourceStrikeMemory: policy.sourceIP.strikeMemory
        case .sourceIPv6Prefix: Int64(policy.sourceIP.ipv6Prefix)
        case .tenantThreshold: Int64(policy.tenant.threshold)
        case .tenantWindow: policy.tenant.window
        case .tenantBaseDelay: policy.tenant.baseDelay
        case .tenantMaxDelay: policy.tenant.maxDelay
        }
    }

    /// Sets the value; counts are already bounded by ``parse(_:)`` to fit an `Int`.
    func set(_ value: Int64, in policy: inout ThrottlePolicy) {
        let count = Int(clamping: value)
        switch self {
        case .accountThreshold: policy.account.threshold = count
        case .accountWindow: policy.account.window = value
        case .accountBaseDelay: policy.account.baseDelay = value
        case .accountMaxDelay: policy.account.maxDelay = value
        case .sourceThreshold: policy.sourceIP.threshold = count
        case .sourceWindow: policy.sourceIP.window = value
        case .sourceBlock: policy.sourceIP.blockDuration = value
        case .sourceMaxBlock: policy.sourceIP.maxBlockDuration = value
        case .sourceStrikeMemory: policy.sourceIP.strikeMemory = value
        case .sourceIPv6Prefix: policy.sourceIP.ipv6Prefix = count
        case .tenantThreshold: policy.tenant.threshold = count
        case .tenantWindow: policy.tenant.window = value
        case .tenantBaseDelay: policy.tenant.baseDelay = value
        case .tenantMaxDelay: policy.tenant.maxDelay = value
        }
    }

    /// The value as the form shows it: a count, or seconds with the milliseconds it has (`0.5`, `900`).
    func formatted(_ value: Int64) -> String {
        guard isDuration else { return String(value) }
        let (seconds, milliseconds) = value.quotientAndRemainder(dividingBy: 1000)
        guard milliseconds != 0 else { return String(seconds) }
        var fraction = String(abs(milliseconds))
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(seconds).\(fraction)"
    }

    /// The typed text as the policy's number (milliseconds for durations), `nil` when it is not
    /// a whole number (or seconds with at most three decimals) of at most ten digits. Bounded as
    /// text first, so no input can overflow; the policy's own rules check the range.
    func parse(_ text: String) -> Int64? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        guard (1...10).contains(whole.utf8.count), whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int64(whole) else {
            return nil
        }
        guard isDuration else { return parts.count == 1 ? number : nil }
        var milliseconds: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...3).contains(fraction.utf8.count), fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            milliseconds = Int64(fraction + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        }
        return number * 1000 + milliseconds
    }
}
