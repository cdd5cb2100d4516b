import Foundation
import Testing

@testable import RampartDiscovery

@Suite struct SecretClassifierTests {
    static let pem =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n-----END RSA PRIVATE KEY-----"

    @Test(arguments: [
        "AKIAIOSFODNN7EXAMPLE", "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
        "xoxb-12345678901-1234567890123-abcdefghijABCDEFGHIJklmn", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "rk_live_51H8abcdefghijklmnopqrstuv", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "SK0123456789abcdef0123456789abcdef",
        "npm_abcdefghijklmnopqrstuvwxyz0123456789", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "postgres://app:s3cr3tP4ss@db-prod-01.internal:5432/main", "export TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        pem, pem.replacingOccurrences(of: "\n", with: "\\n"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    ])
    func acceptsCredentials(_ value: String) {
        #expect(strength(SecretClassifier(), value) == .validated)
    }

    @Test(arguments: ["tdP1NZFUQ9wHg5fcouTLV503M06TwRkXdjf63uVY", "9500230c2826769d88688e8eb8975e9e"])
    func randomStringsArePlausible(_ value: String) {
        #expect(strength(SecretClassifier(), value) == .plausible)
    }

    @Test(arguments: [
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jdoe@laptop",
        "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
        "f47ac10b-58cc-4372-a567-0e02b2c3d479", "https://api.example.com/v1", "postgres://app:****@db:5432/main",
        "pk_live_abcdefghijklmnopqrstuvwx", "hello world this is a long sentence", "AKIA1234", "feature.dark_mode",
    ])
    func rejects(_ value: String) {
        #expect(strength(SecretClassifier(), value) == nil)
    }

    @Test func hashColumnsAreNotSecretsUnlessNamedSo() {
        let alphabet = Array("0123456789abcdef")
        func hash(_ i: Int) -> String? {
            var s = ""
            for j in 0..<40 { s.append(alphabet[(i * 7 + j * 13 + i * j) % 16]) }
            return s
        }
        let hashes: [String?] = (0..<100).map(hash)
        #expect(classes("col_04", hashes).isEmpty)
        #expect(classes("build_sha", hashes).isEmpty)
        #expect(classes("webhook_secret", hashes) == [.secret])
    }
}
