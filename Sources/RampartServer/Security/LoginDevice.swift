// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

/// The device a login comes from: the `rampart_device` cookie (a random id the browser keeps)
/// and the ``DeviceFingerprint`` of that id with the `User-Agent` and `Accept-Language`.
///
/// When the sign-in page's script ran, its digest of the browser's traits and its time zone
/// (the `rampart_signals` cookie, ``BrowserSignals``) come along for the anomaly signal.
///
/// A request without a usable cookie gets a fresh id, which is used for the fingerprint at once
/// and set as a cookie on the response. Fingerprinting the fresh id (rather than "no cookie")
/// means a browser's first login and its later ones have the same fingerprint, so a new device
/// is signalled exactly once. Clients that keep no cookies look like a new device every time.
package struct LoginDevice: Sendable {
    package static let cookieName = "rampart_device"
    /// A year: long enough that a regular user's browser stays known.
    static let cookieMaxAge = 365 * 24 * 60 * 60

    package let id: String
    /// Whether the id was minted for this request (so the response must set the cookie).
    package let isNew: Bool
    package let fingerprint: DeviceFingerprint
    /// What the sign-in page's script reported, when it ran and its cookie is well formed.
    package let signals: BrowserSignals?

    package init(request: Request) {
        let presented = request.cookies[Self.cookieName]?.value
        if let presented, Self.isWellFormed(presented) {
            id = presented
            isNew = false
        } else {
            id = RandomToken.generate(byteCount: 24)
            isNew = true
        }
        signals = request.cookies[BrowserSignals.cookieName].flatMap { BrowserSignals(cookieValue: $0.value) }
        fingerprint = DeviceFingerprint(
            userAgent: request.headers[.userAgent], acceptLanguage: request.headers[.acceptLanguage], deviceID: id)
    }

    /// Sets the device cookie on `response` if this request minted it: HttpOnly (scripts never
    /// see it), SameSite=Strict (never sent cross-site), Secure when the server speaks TLS.
    package func apply(to response: inout Response, secure: Bool) {
        guard isNew else { return }
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: id, maxAge: Self.cookieMaxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
    }

    /// A short, non-secret label of the fingerprint for event details and session lists.
    package var label: String { String(fingerprint.hex.prefix(16)) }

    /// Ids are what ``RandomToken`` makes: 16 to 64 base64url characters. Anything else is
    /// ignored rather than trusted, so a hostile cookie cannot smuggle text into the fingerprint.
    static func isWellFormed(_ value: String) -> Bool {
        (16...64).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
                    || byte == 0x5F
            }
    }
}
