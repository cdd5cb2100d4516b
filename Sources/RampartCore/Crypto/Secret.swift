// SPDX-License-Identifier: Apache-2.0

/// A value that must never be printed: passwords, tokens, API secrets, keys.
///
/// Its `description`, `debugDescription` and reflection all say `<redacted>`, so interpolating a
/// `Secret` into a log line, an error or `dump` output cannot leak it. Read the value only where it
/// is actually used, through ``withValue(_:)`` or ``exposedValue``.
package struct Secret<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: Value

    package init(_ value: Value) { self.value = value }

    /// The wrapped value. The name is deliberately loud so that reviews catch every use.
    package var exposedValue: Value { value }

    package func withValue<R>(_ body: (Value) throws -> R) rethrows -> R { try body(value) }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Secret: Decodable where Value: Decodable {
    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Value.self))
    }
}
