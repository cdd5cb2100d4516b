/// The hybrid and pure check-character systems of ISO/IEC 7064 used by national ids.
public enum ISO7064 {
    /// MOD 11,10 (hybrid): whether `digits` (0–9 each, check digit last) pass. Germany's tax
    /// identification number uses it.
    public static func mod11_10IsValid(_ digits: [Int]) -> Bool {
        guard digits.count > 1 else { return false }
        var product = 10
        for d in digits.dropLast() {
            var sum = (d + product) % 10
            if sum == 0 { sum = 10 }
            product = (2 * sum) % 11
        }
        var check = 11 - product
        if check == 10 { check = 0 }
        return check == digits[digits.count - 1]
    }

    /// MOD 11-2 (pure): the check character (`0`–`9` as 0–9, `X` as 10) of `digits`, with the
    /// weights 2^(n) mod 11 counted from the right. China's resident identity number uses it.
    public static func mod11_2Check(_ digits: [Int]) -> Int {
        var sum = 0
        var weight = 2
        for d in digits.reversed() {
            sum += d * weight
            weight = (weight * 2) % 11
        }
        return (12 - sum % 11) % 11
    }
}
