// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time as Unix milliseconds, the one time representation stored by Rampart.
package enum UnixTime {
    package static func nowMilliseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) * 1000 + UInt64(spec.tv_nsec) / 1_000_000
    }

    package static func nowMicroseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) * 1_000_000 + UInt64(spec.tv_nsec) / 1000
    }
}

/// A source of the current time, injected so expiry logic can be tested without sleeping.
package protocol RampartClock: Sendable {
    /// Unix milliseconds.
    func now() -> Int64
    /// Unix microseconds, for audit records; clocks without the precision scale ``now()``.
    func nowMicroseconds() -> Int64
}

extension RampartClock {
    package func nowMicroseconds() -> Int64 { now() * 1000 }
}

/// The real wall clock.
package struct SystemClock: RampartClock {
    package init() {}
    package func now() -> Int64 { Int64(UnixTime.nowMilliseconds()) }
    package func nowMicroseconds() -> Int64 { Int64(UnixTime.nowMicroseconds()) }
}
