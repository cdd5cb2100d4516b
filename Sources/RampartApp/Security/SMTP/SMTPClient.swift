// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import RampartCore

/// Sends one message over one SMTP session: just enough of a client for alert e-mails, on
/// SwiftNIO and NIOSSL like the webhook and syslog senders, so the server needs no mail library.
///
/// The session is `EHLO`, `STARTTLS` and `EHLO` again when configured so, `AUTH PLAIN` (only once
/// encrypted), `MAIL FROM`, one `RCPT TO` per recipient, `DATA` and `QUIT`. Errors are
/// ``RampartError``s: `rejected` for a 5xx reply (the outbox stops retrying), `unavailable` for
/// everything worth retrying (4xx, timeouts, connection and TLS failures). Messages never contain
/// the credentials.
package struct SMTPClient: Sendable {
    /// What happened to a message the server accepted.
    package struct Outcome: Sendable, Equatable {
        /// Recipients the server refused for good (5xx on `RCPT TO`); the others got the message.
        package var rejectedRecipients: [String]
    }

    package let configuration: SMTPConfiguration
    package let tls: NIOSSLContext?

    package init(configuration: SMTPConfiguration) throws {
        self.configuration = configuration
        if configuration.usesTLS {
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            tlsConfiguration.minimumTLSVersion = .tlsv12
            if let caFile = configuration.caFile {
                tlsConfiguration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            tls = try NIOSSLContext(configuration: tlsConfiguration)
        } else {
            tls = nil
        }
    }

    /// Sends `message` to `recipients`, within ``SMTPConfiguration/timeout``.
    package func send(_ message: EmailMessage, to recipients: [String]) async throws -> Outcome {
        let data = SMTPDotStuffing.encode(message.rendered())
        let timeout = configuration.timeout
        return try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask { try await session(data: data, recipients: recipients) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw RampartError(.unavailable, "SMTP timeout")
            }
            defer { group.cancelAll() }
            guard let outcome = try await group.next() else { throw RampartError(.unavailable, "SMTP session ended early") }
            return outcome
        }
    }

    private func session(data: [UInt8], recipients: [String]) async throws -> Outcome {
        let configuration = self.configuration
        let tls = self.tls
        // SNI carries host names only; an address literal is verified against the certificate's IP entries.
        let serverName = IPAddress(configuration.host) == nil ? configuration.host : nil
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.security == .implicitTLS, let tls {
                            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw RampartError(.unavailable, "SMTP connection failed")
        }
        let raw = channel.channel
        return try await channel.executeThenClose { inbound, outbound in
            var conversation = Conversation(replies: inbound.makeAsyncIterator(), outbound: outbound)
            conversation.inHandshake = configuration.security == .implicitTLS
            try await conversation.expect(200..<300, during: "greeting")
            let extensions = try await conversation.command("EHLO \(configuration.heloName)", expect: 250..<251, during: "EHLO").lines
            if configuration.security == .startTLS {
                guard extensions.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                    throw RampartError(.unavailable, "the SMTP server did not offer STARTTLS, which is required")
                }
                try await conversation.command("STARTTLS", expect: 220..<221, during: "STARTTLS")
                // Anything the server sent after its STARTTLS reply arrived in clear and may be an
                // attacker's injection (CVE-2011-0411 class); refuse rather than read it as TLS data.
                guard !conversation.parser.hasBufferedBytes else {
                    throw RampartError(.unavailable, "SMTP protocol error: clear-text data after the STARTTLS reply")
                }
                guard let tls else { throw RampartError(.internalError, "no TLS context for STARTTLS") }
                let watcher = TLSHandshakeWatcher()
                try await raw.eventLoop.submit {
                    // In this order, first in the pipeline: TLS, then the watcher, then the reader.
                    try raw.pipeline.syncOperations.addHandler(watcher, position: .first)
                    try raw.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
                }.get()
                conversation.inHandshake = true
                conversation.handshake = watcher
                // What the server said before encryption is forgotten (RFC 3207 §4.2): greet again.
                try await conversation.command("EHLO \(configuration.heloName)", expect: 250..<251, during: "EHLO after STARTTLS")
            }
            if let username = configuration.username, let password = configuration.password {
                guard configuration.usesTLS else { throw RampartError(.configuration, "SMTP credentials are sent only over TLS") }
                let token = Data(([0] + Array(username.utf8) + [0] + Array(password.exposedValue.utf8))).base64EncodedString()
                try await conversation.command("AUTH PLAIN \(token)", expect: 235..<236, during: "AUTH")
            }
            try await conversation.command("MAIL FROM:<\(configuration.from)>", expect: 250..<251, during: "MAIL FROM")
            var rejected: [String] = []
            for recipient in recipients {
                let reply = try await conversation.send("RCPT TO:<\(recipient)>")
                if reply.code == 250 || reply.code == 251 { continue }
                // One transient refusal: retry the whole message later, before anyone received it.
                guard reply.isPermanent else { throw reply.failure(during: "RCPT TO") }
                rejected.append(recipient)
            }
            guard rejected.count < recipients.count else {
                throw RampartError(.rejected, "SMTP server refused every recipient")
            }
            try await conversation.command("DATA", expect: 354..<355, during: "DATA")
            try await conversation.write(ByteBuffer(bytes: data))
            try await conversation.expect(250..<251, during: "end of DATA")
            // The message is accepted; a failed goodbye changes nothing.
            _ = try? await conversation.send("QUIT")
            return Outcome(rejectedRecipients: rejected)
        }
    }

    /// A secret-free `unavailable` error for a failed read or write; TLS failures (an untrusted
    /// certificate, most often) are named as such, since they need the operator's attention.
    package static func transportFailure(_ error: any Error, inHandshake: Bool) -> RampartError {
        if let error = error as? RampartError { return error }
        if error is NIOSSLError || error is BoringSSLError { return RampartError(.unavailable, "SMTP TLS failure: \(error)") }
        return inHandshake ? handshakeFailure : RampartError(.unavailable, "SMTP connection lost")
    }

    package static let handshakeFailure = RampartError(
        .unavailable, "SMTP TLS failure: the connection ended during the handshake (untrusted certificate?)")

    /// Commands out, replies in, over one connection.
    private struct Conversation {
        package var replies: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        package let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        package var parser = SMTPReplyParser()
        /// TLS has started and no reply has come through it yet: a failure now is most likely the
        /// handshake (an untrusted certificate), whichever way the connection reports it.
        package var inHandshake = false
        /// After `STARTTLS`: refuses data read before the handshake completed.
        package var handshake: TLSHandshakeWatcher?

        package init(replies: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
            self.replies = replies
            self.outbound = outbound
        }

        package mutating func reply() async throws -> SMTPReply {
            while true {
                if let reply = try parser.next() { return reply }
                let chunk: ByteBuffer?
                do {
                    chunk = try await replies.next()
                } catch {
                    throw SMTPClient.transportFailure(error, inHandshake: inHandshake)
                }
                guard let chunk else {
                    throw inHandshake ? SMTPClient.handshakeFailure : RampartError(.unavailable, "SMTP server closed the connection")
                }
                if let handshake, !handshake.isComplete {
                    throw RampartError(.unavailable, "SMTP protocol error: clear-text data after the STARTTLS reply")
                }
                inHandshake = false
                parser.feed(chunk.readableBytesView)
            }
        }

        package mutating func send(_ line: String) async throws -> SMTPReply {
            try await write(ByteBuffer(string: line + "\r\n"))
            return try await reply()
        }

        package func write(_ buffer: ByteBuffer) async throws {
            do {
                try await outbound.write(buffer)
            } catch {
                throw SMTPClient.transportFailure(error, inHandshake: inHandshake)
            }
        }

        @discardableResult
        package mutating func command(_ line: String, expect codes: Range<Int>, during step: String) async throws -> SMTPReply {
            let reply = try await send(line)
            guard codes.contains(reply.code) else { throw reply.failure(during: step) }
            return reply
        }

        package mutating func expect(_ codes: Range<Int>, during step: String) async throws {
            let reply = try await reply()
            guard codes.contains(reply.code) else { throw reply.failure(during: step) }
        }
    }
}
