import RampartCalendar

/// The written form and check rules of one national identity number.
///
/// A format sees a value already reduced to its *compact* form, upper-case ASCII letters and
/// digits with separators removed, plus the sizes of the groups the separators made
/// (`943 476 5919` → `9434765919`, `[3, 3, 4]`), so each format only states its own rules.
protocol NationalIDFormat: Sendable {
    /// The class the format's numbers belong to.
    var dataClass: DataClass { get }
    /// Column-name keywords, in the languages the number is written in.
    var nameHints: ColumnNameHints { get }
    /// Lengths of the compact form.
    var compactLengths: ClosedRange<Int> { get }
    /// How many digits the value holds: with ``letterCount``, a gate on the counts every
    /// classifier shares, so most values cost nothing here.
    var digitCount: ClosedRange<Int> { get }
    /// How many ASCII letters the value holds.
    var letterCount: ClosedRange<Int> { get }
    /// The thresholds of the column verdict.
    var columnPolicy: ColumnPolicy { get }
    /// Whether the number's leading letters vary from person to person, so that a column whose
    /// values all share them is an organisation's own ids (``SharedLetterPrefix``).
    var hasPersonalLetterPrefix: Bool { get }
    /// Judges the compact form: validated when its check passes, look-alike when it is shaped
    /// right but fails, `nil` when it is not shaped like the number at all.
    func strength(_ compact: [UInt8], groups: [Int]) -> Match.Strength?
}

extension NationalIDFormat {
    /// Most formats carry a check digit that random digits pass about one time in ten, so a
    /// column needs most of its values to pass before the class is believed, and few failing.
    var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.5, plausiblePrevalence: nil, maxLookalikeShare: 0.3)
    }

    var hasPersonalLetterPrefix: Bool { false }
}

/// Helpers formats share.
enum NationalIDRules {
    /// The digit values of `compact`, or `nil` if it holds anything else.
    static func digits(_ compact: some Collection<UInt8>) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(compact.count)
        for b in compact {
            guard ASCII.isDigit(b) else { return nil }
            out.append(ASCII.digitValue(b))
        }
        return out
    }

    /// Whether the value was written compact or in exactly one of `layouts`.
    static func grouped(_ groups: [Int], as layouts: [[Int]]) -> Bool {
        groups.count == 1 || layouts.contains(groups)
    }

    /// `.validated` when `passes`, `.lookalike` otherwise.
    static func checked(_ passes: Bool) -> Match.Strength { passes ? .validated : .lookalike }

    /// Whether year, month and day form a real calendar date.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        return day <= CivilDate.daysIn(month: month, year: year)
    }

    /// The number written by `digits[range]`.
    static func number(_ digits: [Int], _ range: Range<Int>) -> Int {
        var v = 0
        for i in range { v = v * 10 + digits[i] }
        return v
    }
}
