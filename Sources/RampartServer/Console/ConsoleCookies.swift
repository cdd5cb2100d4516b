// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Hummingbird
import RampartCore

/// The console's cookies and the anti-forgery tokens tied to them.
///
/// The session cookie holds a session token like an API session's: HttpOnly (no script reads
/// it), `SameSite=Strict` (never sent with a request another site starts), `Secure` behind TLS,
/// scoped to `/console`. Every form that changes something carries a token derived from the
/// session token, which a page of another origin can neither read nor compute; the sign-in forms,
/// before there is a session, carry the value of a cookie of their own (double submit).
enum ConsoleCookies {
    static let session = "rampart_console"
    static let signIn = "rampart_console_sign_in"
    static let path = "/console"

    /// The anti-forgery token of the session whose token is `sessionToken`.
    static func formToken(forSession sessionToken: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(("rampart-console-form:" + sessionToken).utf8)))
    }

    static func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: session, value: token, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The operator's session, in a cookie of its own: no tenant page reads it.
    static let operatorSession = "rampart_console_operator"

    static func operatorCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: operatorSession, value: token, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func signInCookie(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: signIn, value: value, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that tells the browser to forget `name`.
    static func expired(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Whether a submitted form token is the expected one (constant time; an absent one never is).
    static func matches(_ submitted: String?, _ expected: String?) -> Bool {
        guard let submitted, let expected, !expected.isEmpty else { return false }
        return ConstantTime.equals(submitted, expected)
    }
}
