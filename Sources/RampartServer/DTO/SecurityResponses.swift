// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// The answer to a right password when a second factor is still needed.
package struct MFAChallengeResponse: Codable, Sendable {
    /// `mfa-required` (give a code) or `mfa-enrolment-required` (enrol an authenticator first).
    package var status: String
    /// The token for `POST /v1/auth/mfa` (or the enrolment routes); single use, short-lived.
    package var challenge: String
    package var expiresAt: String
    package var methods: [String]

    package init(_ challenge: MFAChallenge, token: Secret<String>) {
        switch challenge.purpose {
        case .verify:
            status = "mfa-required"
            methods = ["totp", "recovery-code"]
        case .enrol:
            status = "mfa-enrolment-required"
            methods = ["totp-enrolment"]
        }
        self.challenge = token.exposedValue
        expiresAt = Timestamp.rfc3339(milliseconds: challenge.expiresAt)
    }
}

/// A new authenticator, shown once.
package struct TOTPEnrollmentResponse: Codable, Sendable {
    package var otpauthUri: String
    /// The URI as an SVG QR code.
    package var qrCodeSvg: String
    /// The secret in Base32, for typing in by hand.
    package var secret: String
    package var algorithm = "SHA1"
    package var digits = 6
    package var period = 30

    package init(_ enrollment: TOTPEnrollment) {
        otpauthUri = enrollment.uri.exposedValue
        qrCodeSvg = enrollment.qrCodeSVG.exposedValue
        secret = enrollment.manualEntryKey.exposedValue
    }
}

package struct RecoveryCodesResponse: Codable, Sendable {
    /// Shown once; each works once.
    package var recoveryCodes: [String]

    package init(_ batch: RecoveryCodeBatch) { recoveryCodes = batch.codes.map(\.exposedValue) }
}

package struct MFAStatusResponse: Codable, Sendable {
    /// `off`, `pending` (enrolment started) or `active`.
    package var totp: String
    package var recoveryCodesRemaining: Int
    /// Whether the tenant requires two-factor login.
    package var required: Bool
}

package struct SessionResponse: Codable, Sendable {
    package var id: String
    /// A short label of the device fingerprint (stable per browser).
    package var device: String?
    package var sourceIp: String?
    package var userAgent: String?
    package var createdAt: String
    package var lastSeenAt: String
    package var expiresAt: String
    package var current: Bool

    package init(_ session: Session, current: SessionID?) {
        id = session.id.rawValue
        device = session.device.map { String($0.prefix(16)) }
        sourceIp = session.sourceIP
        userAgent = session.userAgent
        createdAt = Timestamp.rfc3339(milliseconds: session.createdAt)
        lastSeenAt = Timestamp.rfc3339(milliseconds: session.lastSeenAt)
        expiresAt = Timestamp.rfc3339(milliseconds: min(session.idleExpiresAt, session.absoluteExpiresAt))
        self.current = session.id == current
    }
}

package struct RevokedResponse: Codable, Sendable {
    package var revoked: Int
}

package struct AlertRuleResponse: Codable, Sendable {
    package struct Delivery: Codable, Sendable {
        package var id: String
        package var eventId: String
        /// `webhook` or `email`.
        package var channel: String
        package var status: String
        package var attempts: Int
        package var lastError: String?
        package var updatedAt: String
    }

    package var id: String
    package var name: String
    /// The webhook; absent for an e-mail-only rule.
    package var url: String?
    /// E-mail recipients; empty for a webhook-only rule.
    package var emails: [String]
    /// Empty: every kind.
    package var kinds: [String]
    /// Also e-mails workflow events' participants at their own addresses.
    package var notifyParticipants: Bool
    package var createdAt: String
    /// The HMAC-SHA256 signing secret: only in the creation response.
    package var secret: String?
    /// Recent deliveries, newest last: only when one rule is fetched.
    package var deliveries: [Delivery]?

    package init(_ rule: AlertRule, secret: Secret<String>? = nil, deliveries: [AlertDelivery]? = nil) {
        id = rule.id
        name = rule.name
        url = rule.url
        emails = rule.emails
        kinds = rule.kinds.map(\.rawValue).sorted()
        notifyParticipants = rule.notifyParticipants
        createdAt = Timestamp.rfc3339(milliseconds: rule.createdAt)
        self.secret = secret?.exposedValue
        self.deliveries = deliveries?.suffix(50).map {
            Delivery(
                id: $0.id, eventId: $0.eventID, channel: $0.channel.rawValue, status: $0.status.rawValue, attempts: $0.attempts,
                lastError: $0.lastError,
                updatedAt: Timestamp.rfc3339(milliseconds: $0.updatedAt))
        }
    }
}

package struct TenantSettingsResponse: Codable, Sendable {
    package var mfaRequired: Bool
    /// The effective login-throttle policy (milliseconds).
    package var loginThrottle: ThrottlePolicyDocument
    /// Whether `loginThrottle` is the tenant's own or the server's default.
    package var loginThrottleCustomized: Bool
    /// Whether policy and tagging-rule writes become change requests for a second person.
    package var changeApproval: Bool
    /// The longest access an access request may ask for; `nil`: the approval rules' own maxima.
    package var accessRequestMaximumSeconds: Int?
}
