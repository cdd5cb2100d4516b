// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection that sends a request and waits for its response: a
/// minimal client, so that the benchmark measures the server rather than a client library.
final class HTTPConnection: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: ByteBuffer
    }

    /// Collects one response at a time. Only touched on the channel's event loop.
    private final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPClientResponsePart
        var pending: EventLoopPromise<Reply>?
        var reply = Reply(status: 0, body: ByteBuffer())

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                reply = Reply(status: Int(head.status.code), body: context.channel.allocator.buffer(capacity: 0))
            case .body(var part):
                reply.body.writeBuffer(&part)
            case .end:
                let promise = pending
                pending = nil
                promise?.succeed(reply)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            pending?.fail(error)
            pending = nil
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            pending?.fail(ChannelError.ioOnClosedChannel)
            pending = nil
        }
    }

    private let channel: any Channel
    private let collector: Collector
    private let host: String

    private init(channel: any Channel, collector: Collector, host: String) {
        self.channel = channel
        self.collector = collector
        self.host = host
    }

    static func connect(host: String, port: Int) async throws -> HTTPConnection {
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .connect(host: host, port: port).get()
        return HTTPConnection(channel: channel, collector: collector, host: host)
    }

    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, body: ByteBuffer? = nil) async throws -> Reply {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: host)
        if let token { head.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            head.headers.add(name: "Content-Type", value: "application/json")
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
        } else {
            head.headers.add(name: "Content-Length", value: "0")
        }
        let promise = channel.eventLoop.makePromise(of: Reply.self)
        let requestHead = head
        let collector = self.collector
        let channel = self.channel
        channel.eventLoop.execute {
            collector.pending = promise
            channel.write(HTTPClientRequestPart.head(requestHead), promise: nil)
            if let body { channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil) }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
        return try await promise.futureResult.get()
    }

    func close() async {
        try? await channel.close()
    }
}
