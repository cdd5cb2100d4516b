// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOTLS
import Synchronization

/// Sits right behind the TLS handler added by `STARTTLS` and notes when the handshake completes.
///
/// Bytes the server sent in clear after its `220` reply may already have passed the pipeline
/// before the TLS handler was added; they would then reach the reader as if they had come through
/// TLS, letting a network attacker answer commands (the CVE-2011-0411 class). Decrypted data only
/// flows after the handshake, so any data read before this watcher saw it complete is refused.
package final class TLSHandshakeWatcher: ChannelInboundHandler, Sendable {
    package typealias InboundIn = ByteBuffer
    package typealias InboundOut = ByteBuffer

    private let completed = Mutex(false)

    package var isComplete: Bool { completed.withLock { $0 } }

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event { completed.withLock { $0 = true } }
        context.fireUserInboundEventTriggered(event)
    }
}
