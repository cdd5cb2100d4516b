/// Column-name keywords for one class.
///
/// A name is split into lower-case words (`shipTo_Address2` → `ship`, `to`, `address`); a keyword
/// matches a word, or several consecutive words written together (`date_of_birth` matches
/// `dateofbirth`). Negative keywords win over positive ones, so `company_name` is not a hint for
/// names and `card_masked` not one for card numbers. Hints only move thresholds and confidence:
/// content must always carry the evidence.
public struct ColumnNameHints: Sendable, Hashable, Codable {
    /// The verdict of a column name for one class.
    public enum Hint: String, Sendable, Hashable, Codable {
        case positive, none, negative
    }

    /// Keywords that suggest the class.
    public var positive: Set<String>
    /// Keywords that suggest a look-alike of the class.
    public var negative: Set<String>

    public init(positive: Set<String> = [], negative: Set<String> = []) {
        self.positive = Set(positive.map(Self.normalise))
        self.negative = Set(negative.map(Self.normalise))
    }

    /// The hint `columnName` gives.
    public func hint(for columnName: String) -> Hint {
        hint(forWords: Self.words(of: columnName))
    }

    func hint(forWords words: [String]) -> Hint {
        if positive.isEmpty && negative.isEmpty { return .none }
        var sawPositive = false
        for start in words.indices {
            var joined = ""
            for end in start..<min(words.count, start + 4) {
                joined += words[end]
                if negative.contains(joined) { return .negative }
                if positive.contains(joined) { sawPositive = true }
            }
        }
        return sawPositive ? .positive : .none
    }

    /// Splits a column name into lower-case words at non-alphanumerics, lower→upper case changes
    /// and letter↔digit changes. A dotted JSON path keeps only its last two segments, which
    /// name the field itself.
    public static func words(of columnName: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for ch in columnName.prefix(200) {
            let boundary: Bool
            if !(ch.isLetter || ch.isNumber) {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previous = nil
                continue
            } else if let p = previous {
                boundary = (p.isLowercase && ch.isUppercase) || (p.isNumber != ch.isNumber)
            } else {
                boundary = false
            }
            if boundary, !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
            current.append(ch)
            previous = ch
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words.filter { !$0.allSatisfy(\.isNumber) }
    }

    private static func normalise(_ keyword: String) -> String {
        words(of: keyword).joined()
    }
}
