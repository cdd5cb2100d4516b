// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A stable, non-reversible identifier of the browser or client a login comes from, for the
/// "login from a new device" signal and the throttle's known-device bypass.
///
/// It hashes the `User-Agent`, the `Accept-Language` and a random device-id cookie the client
/// keeps. The cookie carries the entropy (headers alone are shared by millions of browsers); the
/// headers make a stolen cookie less useful on a different browser. Only the hash is stored, so
/// the raw headers are never kept as personal data. The browser's traits (``BrowserSignals``)
/// are remembered beside it, not in it: a new screen is no new device, and fingerprints
/// remembered before the sign-in script existed stay known.
package struct DeviceFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// SHA-256, lower-case hex.
    package let hex: String

    /// Longest header value taken into account; longer values are cut rather than rejected so a
    /// hostile client cannot make hashing expensive.
    package static let maximumFieldLength = 1024

    package init(userAgent: String?, acceptLanguage: String?, deviceID: String?) {
        var hasher = SHA256()
        // Each field is length-prefixed, so ("ab", "c") and ("a", "bc") hash differently, and
        // a missing field differs from an empty one.
        for field in [userAgent, acceptLanguage, deviceID] {
            guard let field else {
                hasher.update(data: [0xFF, 0xFF, 0xFF, 0xFF])
                continue
            }
            let bytes = Array(field.trimmingASCIIWhitespace().utf8.prefix(Self.maximumFieldLength))
            let length = UInt32(bytes.count)
            hasher.update(data: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
            hasher.update(data: bytes)
        }
        hex = Hex.lowercase(hasher.finalize())
    }

    package var description: String { hex }
}

extension String {
    /// Trims spaces and tabs, which proxies add or drop around header values.
    fileprivate func trimmingASCIIWhitespace() -> Substring {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return view
    }
}
