import Foundation
import RampartCalendar

@testable import RampartDiscovery

/// The strength a classifier gives `value`, or `nil` for no evidence.
func strength(_ classifier: some Classifier, _ value: String) -> Match.Strength? {
    classifier.classify(Substring(value))?.strength
}

/// Whether `classifier` finds confirmed (validated or plausible) evidence in `value`.
func holds(_ classifier: some Classifier, _ value: String) -> Bool {
    guard let s = strength(classifier, value) else { return false }
    return s != .lookalike
}

/// A fixed "today" (2025-06-01) so age rules are reproducible.
let referenceDate = Date(timeIntervalSince1970: Double(CivilDate.days(year: 2025, month: 6, day: 1)) * 86_400)

/// Classifies a column with the built-ins and the fixed reference date.
func classes(_ column: String, _ values: [String?]) -> [DataClass] {
    ColumnClassifier(configuration: .init(referenceDate: referenceDate))
        .classify(columnName: column, values: values)
        .map(\.dataClass)
}

/// Seconds `body` takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
