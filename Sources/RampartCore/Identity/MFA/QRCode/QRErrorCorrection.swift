// SPDX-License-Identifier: Apache-2.0

/// How much of a QR code can be damaged and still decode (ISO/IEC 18004 §5.3.8).
///
/// Enrolment codes use ``medium`` (about 15 % recoverable): they are read off a screen, where
/// damage is rare, and a lower level keeps the symbol small enough for cheap phone cameras.
package enum QRErrorCorrection: Sendable, CaseIterable {
    case low
    case medium
    case quartile
    case high

    /// The two bits this level contributes to the format information (ISO/IEC 18004 Table 12);
    /// deliberately not in declaration order.
    var formatBits: Int {
        switch self {
        case .low: 1
        case .medium: 0
        case .quartile: 3
        case .high: 2
        }
    }

    /// Row of this level in ``QRVersionTable``'s per-level tables.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
