// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

extension Request {
    /// The `User-Agent`, at most 256 characters: what sessions, audit records and security
    /// events keep of it.
    var boundedUserAgent: String? { headers[.userAgent].map { String($0.prefix(256)) } }
}

extension MFALogin.Origin {
    /// Where a sign-in step comes from: this request's device, address and browser.
    init(request: Request, context: RampartRequestContext, device: LoginDevice) {
        self.init(
            deviceFingerprint: device.fingerprint.hex, deviceLabel: device.label, browser: device.signals,
            sourceIP: context.sourceIP,
            userAgent: request.boundedUserAgent)
    }
}
