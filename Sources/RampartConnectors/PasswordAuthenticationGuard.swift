// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Synchronization

/// Sits first in a PostgreSQL connection's pipeline and closes the connection before the driver
/// answers a server that asks for the password in clear text (`AuthenticationCleartextPassword`)
/// or as MD5 (`AuthenticationMD5Password`) over a connection without TLS.
///
/// A tenant chooses where a datasource points, and the server it names chooses the
/// authentication method: without this guard, a server that asks for a clear-text password gets
/// it, and an MD5 answer is as good as the password for replay and cheap to crack. SCRAM-SHA-256
/// proves the password without sending it and stays allowed. Over TLS the certificate is verified
/// (the driver's TLS context verifies the chain and host name), so the password goes only to the
/// server the datasource names, and every method is allowed.
///
/// The guard reads what the server sends until authentication is over. When the connection asks
/// for TLS first (`SSLRequest`), the one-byte answer decides: `S` means the bytes that follow are
/// TLS records (the driver puts its TLS handler after this one), and the guard steps aside.
final class PasswordAuthenticationGuard: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    // `@unchecked`: every state change happens on the channel's event loop; ``refusal`` is read by
    // the connecting task after the connection failed, behind its lock.
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// What the server asked for that was refused.
    enum Refusal: String, Sendable {
        case cleartext = "a clear-text password"
        case md5 = "an MD5 password hash"
    }

    private enum State {
        /// The client sent `SSLRequest`; the next byte is `S` (TLS follows) or `N` (plain).
        case awaitingTLSAnswer
        /// Reading plain backend messages until authentication is over.
        case reading
        /// TLS is on, or authentication is over: everything passes.
        case passing
    }

    private var state: State
    private var pending: ByteBuffer?
    private let refused = Mutex<Refusal?>(nil)

    /// - Parameter requestsTLS: whether the driver opens with `SSLRequest` (TLS `prefer` or `require`).
    init(requestsTLS: Bool) {
        state = requestsTLS ? .awaitingTLSAnswer : .reading
    }

    /// Why the connection was closed, when the guard closed it.
    var refusal: Refusal? { refused.withLock { $0 } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        switch state {
        case .passing:
            context.fireChannelRead(data)
            return
        case .awaitingTLSAnswer:
            guard let answer = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return }
            guard answer == UInt8(ascii: "N") else {
                // `S`: TLS records follow. Anything else is an error the driver reports itself.
                state = .passing
                context.fireChannelRead(data)
                return
            }
            state = .reading
            if let answerByte = buffer.readSlice(length: 1) { context.fireChannelRead(wrapInboundOut(answerByte)) }
            guard buffer.readableBytes > 0 else { return }
        case .reading:
            break
        }
        if pending == nil {
            pending = buffer
        } else {
            pending?.writeBuffer(&buffer)
        }
        forwardCompleteMessages(context: context)
    }

    /// Passes on every complete backend message in ``pending``, refusing a password request, and
    /// keeps an incomplete one until the rest arrives.
    private func forwardCompleteMessages(context: ChannelHandlerContext) {
        guard var buffer = pending else { return }
        pending = nil
        while state == .reading, buffer.readableBytes >= 5 {
            let start = buffer.readerIndex
            guard let type = buffer.getInteger(at: start, as: UInt8.self), let length = buffer.getInteger(at: start + 1, as: Int32.self),
                length >= 4
            else {
                // Not a backend message: the driver will fail on it; nothing is left to guard.
                state = .passing
                break
            }
            let total = 1 + Int(length)
            guard buffer.readableBytes >= total else { break }
            if type == UInt8(ascii: "R"), length >= 8, let code = buffer.getInteger(at: start + 5, as: Int32.self) {
                switch code {
                case 3: return refuse(.cleartext, context: context)
                case 5: return refuse(.md5, context: context)
                case 0: state = .passing  // AuthenticationOk: nothing more to guard.
                default: break
                }
            }
            if let message = buffer.readSlice(length: total) { context.fireChannelRead(wrapInboundOut(message)) }
        }
        if buffer.readableBytes > 0 {
            if state == .passing {
                context.fireChannelRead(wrapInboundOut(buffer))
            } else {
                pending = buffer
            }
        }
    }

    private func refuse(_ refusal: Refusal, context: ChannelHandlerContext) {
        refused.withLock { $0 = refusal }
        state = .passing
        context.close(promise: nil)
    }
}
