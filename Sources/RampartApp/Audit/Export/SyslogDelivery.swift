// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOPosix
import NIOSSL
import RampartCore

/// Delivers one batch of framed syslog messages and learns that the collector has read all of it.
///
/// Plain syslog over TCP has no acknowledgement, so a write that succeeded says only that the
/// bytes reached a kernel buffer; a collector killed then would lose them silently. Each batch
/// therefore goes over its own connection: write everything, half-close our side, and wait for the
/// collector to close its side, which it does only after reading up to our end of stream. Only
/// then is the batch counted as delivered.
package struct SyslogDelivery: Sendable {
    package let sink: SyslogSink
    package let tls: NIOSSLContext?
    package let timeout: Duration

    package init(sink: SyslogSink, timeout: Duration = .seconds(15)) throws {
        self.sink = sink
        self.timeout = timeout
        switch sink.transport {
        case .tcp:
            tls = nil
        case .tls:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.minimumTLSVersion = .tlsv12
            if let caFile = sink.caFile {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            tls = try NIOSSLContext(configuration: configuration)
        }
    }

    package func deliver(_ frames: [[UInt8]]) async throws {
        let total = frames.reduce(0) { $0 + $1.count }
        var buffer = ByteBufferAllocator().buffer(capacity: total)
        for frame in frames { buffer.writeBytes(frame) }
        let payload = buffer
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await send(payload) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw RampartError(.unavailable, "the syslog collector did not acknowledge within \(timeout)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func send(_ payload: ByteBuffer) async throws {
        let tls = self.tls
        // SNI cannot carry an IP address; without a name NIOSSL checks the certificate against
        // the peer's IP address instead.
        let isAddress = sink.host.contains(":") || sink.host.allSatisfy { $0.isNumber || $0 == "." }
        let host: String? = isAddress ? nil : sink.host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connectTimeout(.seconds(5))
            .connect(host: sink.host, port: sink.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(payload)
            outbound.finish()
            // The collector sends nothing back; its end of stream is the acknowledgement.
            for try await _ in inbound {}
        }
    }
}
