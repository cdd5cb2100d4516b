/// The Luhn (mod 10) check used by payment card numbers.
public enum Luhn {
    /// Whether the ASCII digits in `digits` (other bytes ignored) pass the Luhn check.
    public static func isValid(_ digits: some Collection<UInt8>) -> Bool {
        var sum = 0
        var count = 0
        var double = false
        for b in digits.reversed() where ASCII.isDigit(b) {
            var d = ASCII.digitValue(b)
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
            count += 1
        }
        return count > 1 && sum % 10 == 0
    }

    /// Whether the digits of `text` pass the Luhn check; separators are ignored.
    public static func isValid(_ text: String) -> Bool {
        isValid(Array(text.utf8))
    }
}
