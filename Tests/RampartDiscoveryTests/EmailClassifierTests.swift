import Testing

@testable import RampartDiscovery

@Suite struct EmailClassifierTests {
    @Test(arguments: [
        "jane.doe@example.com", "J.Smith+news@Mail.Example.co.uk", "o'brien@example.ie", "x@y.io",
        "You can reach me at ana_lopez92@gmail.com.", "(contact: wei.chen@qq.com)", "Jane <jane@example.org>",
    ])
    func accepts(_ value: String) {
        #expect(strength(EmailClassifier(), value) == .validated)
    }

    @Test(arguments: [
        "jane.doe", "jane@localhost", "jsmith@laptop", "@example.com", "jane@.com", "jane@example.c",
        "jane..doe@example.com", "postgres://app:s3cr3t@db-prod-01.internal:5432/main",
        "mongodb+srv://admin:p!ss@cluster.example.net/db", "ssh-ed25519 AAAAC3Nz jsmith@laptop", "a@b@c.com",
    ])
    func rejects(_ value: String) {
        #expect(strength(EmailClassifier(), value) == nil)
    }
}
