// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOPosix
import RampartConnectors
import Synchronization
import Testing

/// Issue 17, item 4: a PostgreSQL server a tenant points a datasource at must not receive the
/// stored password in clear text or as MD5 unless the connection is TLS with a verified
/// certificate. A fake server on loopback asks for each method and records what it is sent.
@Suite(.timeLimit(.minutes(1))) struct PostgresPasswordGuardTests {
    /// Speaks just enough of the protocol: answers `SSLRequest` with `N`, then asks for the given
    /// authentication method, and counts the password messages (`p`) it receives.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    final class FakeServer: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let authenticationCode: Int32
        let passwordMessages: Counter
        private var buffer = ByteBuffer()
        private var started = false

        init(authenticationCode: Int32, passwordMessages: Counter) {
            self.authenticationCode = authenticationCode
            self.passwordMessages = passwordMessages
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var incoming = unwrapInboundIn(data)
            buffer.writeBuffer(&incoming)
            while true {
                if !started {
                    guard let length = buffer.getInteger(at: buffer.readerIndex, as: Int32.self), buffer.readableBytes >= Int(length),
                        let code = buffer.getInteger(at: buffer.readerIndex + 4, as: Int32.self)
                    else { return }
                    buffer.moveReaderIndex(forwardBy: Int(length))
                    if code == 80_877_103 {  // SSLRequest: no TLS here.
                        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "N")), promise: nil)
                        continue
                    }
                    started = true
                    var request = ByteBuffer()
                    request.writeInteger(UInt8(ascii: "R"))
                    request.writeInteger(Int32(authenticationCode == 5 ? 12 : 8))
                    request.writeInteger(authenticationCode)
                    if authenticationCode == 5 { request.writeBytes([1, 2, 3, 4]) }  // the MD5 salt
                    context.writeAndFlush(wrapOutboundOut(request), promise: nil)
                } else {
                    guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
                        let length = buffer.getInteger(at: buffer.readerIndex + 1, as: Int32.self), buffer.readableBytes >= 1 + Int(length)
                    else { return }
                    if type == UInt8(ascii: "p") { passwordMessages.increment() }
                    buffer.moveReaderIndex(forwardBy: 1 + Int(length))
                }
            }
        }
    }

    static func attempt(authenticationCode: Int32, tls: PostgresConnector.TLSMode) async throws -> (ConnectorError?, passwords: Int) {
        let passwords = Counter()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FakeServer(authenticationCode: authenticationCode, passwordMessages: passwords))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { server.close(promise: Optional<EventLoopPromise<Void>>.none) }
        let port = try #require(server.localAddress?.port)
        let connector = PostgresConnector(
            settings: .init(host: "127.0.0.1", port: port, username: "reader", database: "sales", tls: tls), password: "stored-secret-1",
            timeout: .seconds(5))
        var failure: ConnectorError?
        do {
            let session = try await connector.connect()
            await session.close()
        } catch {
            failure = error
        }
        // The server's handler runs on an event loop: give a password message time to arrive.
        try await Task.sleep(for: .milliseconds(200))
        return (failure, passwords.count)
    }

    @Test(arguments: [(Int32(3), "clear-text"), (Int32(5), "MD5")], [PostgresConnector.TLSMode.disable, .prefer])
    func passwordMethodsWithoutTLSAreRefusedUnsent(_ method: (code: Int32, name: String), tls: PostgresConnector.TLSMode) async throws {
        let (failure, passwords) = try await Self.attempt(authenticationCode: method.code, tls: tls)
        #expect(failure?.code == .auth, "\(String(describing: failure))")
        #expect(failure?.message.contains(method.name) == true, "\(String(describing: failure))")
        #expect(passwords == 0, "the server received the password")
    }
}
