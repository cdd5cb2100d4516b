// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

extension OwnAccount.Origin {
    /// The device and address of this request.
    init(request: Request, context: RampartRequestContext) {
        self.init(deviceFingerprint: LoginDevice(request: request).fingerprint.hex, sourceIP: context.sourceIP)
    }
}
