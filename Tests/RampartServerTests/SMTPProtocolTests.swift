// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore
import RampartServer
import Testing

/// The pieces of the SMTP client that need no network: reply parsing, dot-stuffing, message
/// rendering and the operator's configuration.
@Suite struct SMTPProtocolTests {
    @Test func repliesAreParsedIncludingMultiLineAndSplitReads() throws {
        var parser = SMTPReplyParser()
        parser.feed(Array("220 mail.example.com ESMTP\r\n250-mail.example.com\r\n250-STARTTLS\r\n25".utf8))
        #expect(try parser.next() == SMTPReply(code: 220, lines: ["mail.example.com ESMTP"]))
        #expect(try parser.next() == nil, "the EHLO reply is not complete yet")
        parser.feed(Array("0-AUTH PLAIN\n250 8BITMIME\r\n".utf8))
        #expect(try parser.next() == SMTPReply(code: 250, lines: ["mail.example.com", "STARTTLS", "AUTH PLAIN", "8BITMIME"]))
        #expect(try parser.next() == nil)
        #expect(!parser.hasBufferedBytes)
        parser.feed(Array("354\r\n".utf8))
        #expect(try parser.next() == SMTPReply(code: 354, lines: [""]))
    }

    @Test(arguments: ["25O hello\r\n", "hello\r\n", "250-a\r\n251 b\r\n", "250_x\r\n", "099 x\r\n"])
    func malformedRepliesAreErrors(_ text: String) {
        var parser = SMTPReplyParser()
        parser.feed(Array(text.utf8))
        #expect(throws: RampartError.self) {
            while try parser.next() != nil {}
        }
    }

    @Test func endlessLinesAreRefused() {
        var parser = SMTPReplyParser()
        parser.feed([UInt8](repeating: UInt8(ascii: "2"), count: 10_000))
        #expect(throws: RampartError.self) { try parser.next() }
    }

    @Test func replyClassesDecideRetries() {
        #expect(SMTPReply(code: 451, lines: ["try later"]).failure(during: "DATA").code == .unavailable)
        #expect(SMTPReply(code: 550, lines: ["no"]).failure(during: "DATA").code == .rejected)
        #expect(SMTPReply(code: 550, lines: ["5.1.1 no\u{7}"]).summary == "SMTP 550 5.1.1 no")
    }

    @Test func dotStuffingDoublesLeadingDotsAndNormalisesLineEnds() {
        let encoded = SMTPDotStuffing.encode(Array("a\n.\r\n..b\rc.d\r\n.".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "a\r\n..\r\n...b\r\nc.d\r\n..\r\n.\r\n")
        #expect(String(decoding: SMTPDotStuffing.encode(Array("x\r\n".utf8)), as: UTF8.self) == "x\r\n.\r\n")
        #expect(String(decoding: SMTPDotStuffing.encode([]), as: UTF8.self) == ".\r\n")
    }

    @Test func quotedPrintableKeepsLinesShortAndSevenBit() {
        let encoded = QuotedPrintable.encode("café = 1 \n.hidden\n" + String(repeating: "x", count: 100))
        #expect(encoded.hasPrefix("caf=C3=A9 =3D 1=20\r\n=2Ehidden\r\n"))
        for line in encoded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 76) }
        #expect(encoded.utf8.allSatisfy { $0 < 128 })
        #expect(encoded.contains("=\r\n"), "a soft break splits the long line")
    }

    @Test func headersCannotCarryLineBreaks() throws {
        var message = EmailMessage(body: "hi")
        for value in ["a\r\nBcc: evil@example.com", "a\nBcc: x", "a\rb", "nul\u{0}", "caf\u{e9}"] {
            #expect(throws: RampartError.self) { try message.add("Subject", value) }
        }
        #expect(throws: RampartError.self) { try message.add("X-Bad: y", "z") }
        try message.add("Subject", "fine")
        #expect(message.headers.count == 1)
    }

    @Test func injectionInRuleNamesAndDetailsStaysInTheBody() throws {
        let tenant = TenantID("t1")
        let rule = AlertRule(
            id: "rule-1", tenantID: tenant, name: "n\r\nBcc: evil@example.com", kinds: [], url: nil, sealedSecret: nil,
            emails: ["sec@acme.com"], createdAt: 0)
        let event = SecurityEvent(
            tenantID: tenant, kind: .deviceNew, occurredAt: 1_700_000_000_000, actorType: "user", actorID: "u\nX-Evil: 1",
            sourceIP: "203.0.113.9", userAgent: "ua\r\n\r\n.\r\nRCPT TO:<evil@example.com>", requestID: nil,
            details: ["device": "d\r\nBcc: evil@example.com\r\n.\r\nQUIT"])
        let delivery = AlertDelivery(
            id: "delivery-1", tenantID: tenant, ruleID: rule.id, eventID: event.id, channel: .email, status: .pending, attempts: 0,
            nextAttemptAt: 0, lastError: nil, createdAt: 0, updatedAt: 0)
        let message = try AlertEmail.message(
            delivery: delivery, rule: rule, event: event, tenantSlug: "acme", from: "alerts@rampart.test", now: 1_700_000_000_000)
        let wire = String(decoding: SMTPDotStuffing.encode(message.rendered()), as: UTF8.self)
        let head = try #require(wire.components(separatedBy: "\r\n\r\n").first)
        let names = head.components(separatedBy: "\r\n").compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(
            names == [
                "From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "X-Rampart-Event", "X-Rampart-Delivery", "MIME-Version",
                "Content-Type", "Content-Transfer-Encoding",
            ])
        #expect(wire.hasSuffix("\r\n.\r\n"))
        // Everything before the terminator: no line a server would read as a header, a command or the end.
        let lines = wire.components(separatedBy: "\r\n").dropLast(2)
        #expect(!lines.contains { $0.lowercased().hasPrefix("bcc:") || $0.hasPrefix("X-Evil") || $0.hasPrefix("RCPT") || $0 == "." })
        #expect(head.contains("Subject: [Rampart] device.new in acme"))
        #expect(head.contains("Date: Tue, 14 Nov 2023 22:13:20 +0000"))
    }

    @Test func recipientAddressesAreStrict() throws {
        #expect(try MailboxAddress.validate("Sec.Team+alerts@Acme.COM", field: "emails") == "Sec.Team+alerts@acme.com")
        for bad in [
            "a", "a@b", "@acme.com", "a@acme.com>", "a b@acme.com", "a@acme.com\r\nRCPT TO:<x@y.z>", "\"q\"@acme.com", "a..b@acme.com",
            "a@-acme.com", "ü@acme.com", "a,b@acme.com", "a@[127.0.0.1]",
        ] {
            #expect(throws: RampartError.self, "\(bad)") { try MailboxAddress.validate(bad, field: "emails") }
        }
    }

    @Test func plainSMTPOnlyToLoopbackAndCredentialsOnlyOverTLS() throws {
        func validated(_ url: String, environment: [String: String] = [:]) throws -> SMTPConfiguration {
            var configuration = ServerConfiguration()
            configuration.smtp = try SMTPConfiguration(url: url, from: "alerts@example.com", caFile: nil, environment: environment)
            _ = try configuration.validate()
            return try #require(configuration.smtp)
        }
        for refused in ["smtp://mail.example.com", "smtp://mail.example.com:25", "smtp://10.0.0.5:2525", "smtp://[2001:db8::1]:25"] {
            let error = #expect(throws: RampartError.self, "\(refused)") { try validated(refused) }
            #expect(error?.code == .configuration)
        }
        #expect(try validated("smtp://mail.example.com:587").security == .startTLS)
        let implicit = try validated("smtps://mail.example.com")
        #expect(implicit.security == .implicitTLS && implicit.port == 465)
        #expect(try validated("smtp://127.0.0.1:2525").security == .plain)
        let credentials = ["RAMPART_SMTP_USERNAME": "relay", "RAMPART_SMTP_PASSWORD": "hunter2-relay-secret"]
        let authenticated = try validated("smtps://mail.example.com:2465", environment: credentials)
        #expect(authenticated.username == "relay" && authenticated.password?.exposedValue == "hunter2-relay-secret")
        #expect(throws: RampartError.self) { try validated("smtp://127.0.0.1:2525", environment: credentials) }
        #expect(throws: RampartError.self) { try validated("smtps://mail.example.com", environment: ["RAMPART_SMTP_USERNAME": "relay"]) }
        #expect(throws: RampartError.self) { try validated("smtps://user:pw@mail.example.com") }
        #expect(throws: RampartError.self) { try validated("https://mail.example.com") }
        var badSender = ServerConfiguration()
        badSender.smtp = SMTPConfiguration(host: "mail.example.com", port: 465, security: .implicitTLS, from: "alerts")
        #expect(throws: RampartError.self) { try badSender.validate() }
    }
}
