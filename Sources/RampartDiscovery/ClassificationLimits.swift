/// Bounds that keep classification linear and small on hostile input.
public enum ClassificationLimits {
    /// How many UTF-8 bytes of a value are inspected. A 10 MB single-line value costs the same as
    /// a 4 KiB one; sensitive values (including PEM private keys) fit well inside this.
    public static let defaultMaxInspectedBytes = 4096
}

/// Runs `body` over at most `limit` UTF-8 bytes of `value`, without copying when the value is
/// stored contiguously (native Swift strings always are).
@inline(__always)
func withCappedBytes<R>(_ value: Substring, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = value.utf8.withContiguousStorageIfAvailable({ buffer -> R in
        body(UnsafeBufferPointer(rebasing: buffer.prefix(limit)))
    }) {
        return result
    }
    let copy = Array(value.utf8.prefix(limit))
    return copy.withUnsafeBufferPointer(body)
}
