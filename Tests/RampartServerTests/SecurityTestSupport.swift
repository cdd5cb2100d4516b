// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartCore
import RampartTesting
import Synchronization

/// A clock the test moves by hand, so time steps (TOTP) and windows are exact without sleeping.
final class ManualClock: RampartClock, Sendable {
    private let milliseconds: Mutex<Int64>

    /// Starts at a round 30 s step, so a test never straddles a TOTP step boundary by accident.
    init(start: Int64 = 1_780_000_020_000) { milliseconds = Mutex(start) }

    func now() -> Int64 { milliseconds.withLock { $0 } }

    func advance(seconds: Int64) { milliseconds.withLock { $0 += seconds * 1000 } }
}

/// Helpers for driving login, two-factor and security routes from tests.
extension APIClient {
    /// A tenant `slug` with its admin, and a user with `password`; returns the admin token and user id.
    func tenantWithUser(
        _ slug: String, username: String = "dana", password: String = "quiet-river-passphrase-1", roles: [String] = ["user"]
    ) async throws -> (adminToken: String, userID: String) {
        let operatorToken = try await loginOperator()
        let (_, adminToken) = try await makeTenant(slug, operatorToken: operatorToken)
        let user = try await send(
            .post, "/v1/users", token: adminToken, body: .json(["username": username, "password": password, "roles": roles]))
        return (adminToken, try user.string("id"))
    }

    /// A login with explicit device headers: `cookie` is a `rampart_device` value, `signals` a
    /// `rampart_signals` value (what the sign-in page's script sets), `address` the client address
    /// claimed through `X-Forwarded-For` (the test server trusts 127.0.0.1).
    func login(
        tenant: String, username: String, password: String, cookie: String? = nil, signals: String? = nil,
        userAgent: String = "test-browser/1", address: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [.userAgent: userAgent]
        let cookies = [cookie.map { "rampart_device=\($0)" }, signals.map { "rampart_signals=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return try await send(
            .post, "/v1/auth/login", body: .json(["tenant": tenant, "username": username, "password": password]), headers: headers)
    }

    /// The security events of the caller's tenant, newest first.
    func securityEvents(_ token: String, kind: String? = nil) async throws -> [[String: Any]] {
        let reply = try await send(.get, "/v1/security/events?limit=500" + (kind.map { "&kind=\($0)" } ?? ""), token: token)
        guard reply.status == 200 else { throw RampartError(.internalError, "events: \(reply.status) \(reply.text)") }
        return try reply.json()["items"] as? [[String: Any]] ?? []
    }
}

extension APIClient.Reply {
    /// The `rampart_device` cookie the response set, if any.
    var deviceCookie: String? {
        for value in headers[values: .setCookie] where value.hasPrefix("rampart_device=") {
            return value.dropFirst("rampart_device=".count).split(separator: ";").first.map(String.init)
        }
        return nil
    }

    func strings(_ key: String) throws -> [String] {
        guard let values = try json()[key] as? [String] else { throw RampartError(.malformedJSON, "no string array `\(key)`: \(text)") }
        return values
    }
}

/// An authenticator app: computes codes from the Base32 secret the enrolment showed.
struct Authenticator {
    let totp: TOTP

    init(enrolment: APIClient.Reply) throws {
        guard let bytes = Base32.decode(try enrolment.string("secret")) else { throw RampartError(.malformedJSON, "secret is not Base32") }
        totp = try TOTP(secret: Secret(bytes))
    }

    func code(_ clock: ManualClock) -> String { totp.code(at: clock.now()) }
}
