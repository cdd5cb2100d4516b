// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

@Suite struct TwoFactorLoginTests {
    static let password = "quiet-river-passphrase-1"

    @Test(arguments: TestEngine.available)
    func enrolActivateAndSignInInTwoSteps(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: { $0.clock = clock }) { client in
            let (adminToken, userID) = try await client.tenantWithUser("acme")
            let token = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")

            let enrolment = try await client.send(.post, "/v1/me/mfa/totp", token: token)
            #expect(enrolment.status == 200)
            #expect(enrolment.headers[.cacheControl] == "no-store")
            #expect(try enrolment.string("otpauthUri").hasPrefix("otpauth://totp/Rampart:dana@acme?secret="))
            #expect(try enrolment.string("qrCodeSvg").contains("<svg"))
            let app = try Authenticator(enrolment: enrolment)

            let wrong = try await client.send(.post, "/v1/me/mfa/totp/activate", token: token, body: .json(["code": "000000"]))
            #expect(wrong.status == 422)
            let activated = try await client.send(.post, "/v1/me/mfa/totp/activate", token: token, body: .json(["code": app.code(clock)]))
            #expect(activated.status == 200, "\(activated.text)")
            let recoveryCodes = try activated.strings("recoveryCodes")
            #expect(recoveryCodes.count == 10 && Set(recoveryCodes).count == 10)
            let status = try await client.send(.get, "/v1/me/mfa", token: token).json()
            #expect(status["totp"] as? String == "active" && status["recoveryCodesRemaining"] as? Int == 10)

            // Password alone now yields a challenge, not a session.
            let first = try await client.login(tenant: "acme", username: "dana", password: Self.password)
            #expect(first.status == 200)
            #expect(try first.string("status") == "mfa-required")
            #expect(try first.json()["token"] == nil)
            let challenge = try first.string("challenge")

            // The code used to activate is spent: replaying it is refused and recorded.
            let replay = try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": challenge, "code": app.code(clock)]))
            #expect(replay.status == 401)
            #expect(try await client.securityEvents(adminToken, kind: "mfa.replay_rejected").count == 1)

            clock.advance(seconds: 30)
            let code = app.code(clock)
            let signedIn = try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": challenge, "code": code]))
            #expect(signedIn.status == 200, "\(signedIn.text)")
            let session = try signedIn.string("token")
            #expect(try await client.send(.get, "/v1/me", token: session).status == 200)
            // The challenge was single use.
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": challenge, "code": code])).status == 401)

            // The same code on a fresh challenge is a replay.
            let second = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("challenge")
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": second, "code": code])).status == 401)
            #expect(try await client.securityEvents(adminToken, kind: "mfa.replay_rejected").count == 2)
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": second, "code": "123456"])).status == 401)
            #expect(try await client.securityEvents(adminToken, kind: "mfa.failed").count == 1)

            // A recovery code works once.
            let viaRecovery = try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": second, "recoveryCode": recoveryCodes[0]]))
            #expect(viaRecovery.status == 200, "\(viaRecovery.text)")
            let third = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("challenge")
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": third, "recoveryCode": recoveryCodes[0]])).status == 401)
            let recoveryEvents = try await client.securityEvents(adminToken, kind: "recovery.used")
            #expect(recoveryEvents.count == 1 && (recoveryEvents.first?["details"] as? [String: String])?["remaining"] == "9")

            // Regenerating invalidates the old set.
            let regenerated = try await client.send(.post, "/v1/me/mfa/recovery-codes", token: session)
            let fresh = try regenerated.strings("recoveryCodes")
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": third, "recoveryCode": recoveryCodes[1]])).status == 401)
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": third, "recoveryCode": fresh[0]])).status == 200)

            // No secret reaches the audit log or the events.
            let audit = try await client.send(.get, "/v1/audit/records?limit=1000", token: adminToken).text
            let events = try await client.send(.get, "/v1/security/events?limit=500", token: adminToken).text
            let secret = try enrolment.string("secret")
            for text in [audit, events] {
                #expect(!text.contains(secret) && !text.contains(challenge))
                #expect(!recoveryCodes.contains { text.contains($0) } && !fresh.contains { text.contains($0) })
            }
            #expect(audit.contains("mfa.enrolled") && audit.contains("mfa.replay_rejected"))

            // Turning it off needs the password (or a code); then the password alone signs in again.
            #expect(try await client.send(.delete, "/v1/me/mfa", token: session, body: .json(["password": "wrong-password-123"])).status == 422)
            #expect(try await client.send(.delete, "/v1/me/mfa", token: session, body: .json(["password": Self.password])).status == 204)
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password).json()["token"] != nil)
            _ = userID
        }
    }

    @Test func theOperatorCanEnrolToo() async throws {
        let clock = ManualClock()
        try await TestServer.withServer(.sqlite, configure: { $0.clock = clock }) { client in
            let token = try await client.loginOperator()
            let app = try Authenticator(enrolment: try await client.send(.post, "/v1/me/mfa/totp", token: token))
            #expect(try await client.send(.post, "/v1/me/mfa/totp/activate", token: token, body: .json(["code": app.code(clock)])).status == 200)
            let login = try await client.send(
                .post, "/v1/auth/login", body: .json(["username": "operator", "password": TestServer.operatorPassword]))
            #expect(try login.string("status") == "mfa-required")
            clock.advance(seconds: 30)
            let session = try await client.send(
                .post, "/v1/auth/mfa", body: .json(["challenge": try login.string("challenge"), "code": app.code(clock)]))
            #expect(session.status == 200)
            #expect(try await client.send(.get, "/v1/tenants", token: try session.string("token")).status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func aTenantCanRequireTwoFactorLogin(_ engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestServer.withServer(engine, configure: { $0.clock = clock }) { client in
            let (adminToken, userID) = try await client.tenantWithUser("acme")
            let userToken = try await client.login(tenant: "acme", username: "dana", password: Self.password).string("token")
            let key = try await client.send(.post, "/v1/api-keys", token: userToken, body: .json(["name": "automation"])).string("token")
            #expect(try await client.send(.patch, "/v1/tenant/settings", token: userToken, body: .json(["mfaRequired": true])).status == 403)
            let changed = try await client.send(.patch, "/v1/tenant/settings", token: adminToken, body: .json(["mfaRequired": true]))
            #expect(changed.status == 200)
            #expect(try changed.json()["mfaRequired"] as? Bool == true)

            // The next login can only enrol.
            let login = try await client.login(tenant: "acme", username: "dana", password: Self.password)
            #expect(try login.string("status") == "mfa-enrolment-required")
            let challenge = try login.string("challenge")
            #expect(try await client.send(.post, "/v1/auth/mfa", body: .json(["challenge": challenge, "code": "000000"])).status == 401)
            let enrolment = try await client.send(.post, "/v1/auth/mfa/totp", body: .json(["challenge": challenge]))
            #expect(enrolment.status == 200)
            let app = try Authenticator(enrolment: enrolment)
            let activated = try await client.send(
                .post, "/v1/auth/mfa/totp/activate", body: .json(["challenge": challenge, "code": app.code(clock)]))
            #expect(activated.status == 200, "\(activated.text)")
            #expect(try activated.strings("recoveryCodes").count == 10)
            let session = try activated.string("token")
            #expect(try await client.send(.get, "/v1/me", token: session).status == 200)
            // API keys are unaffected.
            #expect(try await client.send(.get, "/v1/me", token: key).status == 200)
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password).string("status") == "mfa-required")

            // An admin reset removes the authenticator and ends the user's sessions.
            #expect(try await client.send(.delete, "/v1/users/\(userID)/mfa", token: adminToken).status == 204)
            #expect(try await client.send(.get, "/v1/me", token: session).status == 401)
            #expect(try await client.login(tenant: "acme", username: "dana", password: Self.password).string("status") == "mfa-enrolment-required")
            #expect(try await client.securityEvents(adminToken, kind: "mfa.disabled").count == 1)
        }
    }
}
