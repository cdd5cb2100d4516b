// SPDX-License-Identifier: Apache-2.0

/// Arithmetic that clamps at the type's bounds instead of trapping.
///
/// Swift traps on overflow, and a trap stops the whole process: every tenant's requests, not only
/// the one whose setting or input held the huge number. Time arithmetic on values that come from
/// outside (tenant settings, tokens, files, the database) goes through these, so the worst such a
/// value can do is mean "for ever".
extension FixedWidthInteger {
    /// `self + other`, clamped to `min...max`.
    @inlinable
    package func addingSaturating(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to `min...max`.
    @inlinable
    package func subtractingSaturating(_ other: Self) -> Self {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }

    /// `self · other`, clamped to `min...max`.
    @inlinable
    package func multipliedSaturating(by other: Self) -> Self {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}

extension Int64 {
    /// A `Double` (JSON numbers arrive as one) as an `Int64`, or `nil` when it is not finite, has a
    /// fractional part, or lies outside `Int64`'s range; `Int64(_: Double)` traps on all three.
    package init?(exactlyFinite value: Double) {
        guard value.isFinite, value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else { return nil }
        self.init(exactly: value)
    }
}
