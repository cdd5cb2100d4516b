import Foundation

@testable import RampartDiscovery

/// Real-format identifiers for the corpus. Check digits are found by trying each candidate
/// against the validators, which ``NationalIDFormatTests`` pin to published examples.
enum EvalIdentifiers {
    /// `body` followed by the single digit that makes `valid` true.
    static func completing(_ body: String, _ valid: (String) -> Bool) -> String {
        for d in 0...9 where valid(body + String(d)) { return body + String(d) }
        return body + "0"
    }

    static func luhnComplete(_ body: String) -> String { completing(body) { Luhn.isValid($0) } }

    static func card(_ r: inout EvalRandom) -> String {
        switch r.int(0...4) {
        case 0: return group(luhnComplete("4" + r.digits(14)), [4, 4, 4, 4], " ")
        case 1: return group(luhnComplete("5" + String(r.int(1...5)) + r.digits(13)), [4, 4, 4, 4], "-")
        case 2: return group(luhnComplete("3" + r.pick(["4", "7"]) + r.digits(12)), [4, 6, 5], " ")
        case 3: return luhnComplete("4" + r.digits(14))
        default: return luhnComplete("2" + String(r.int(221...720)) + r.digits(11))
        }
    }

    static func group(_ s: String, _ sizes: [Int], _ separator: String) -> String {
        var out: [String] = []
        var rest = Substring(s)
        for n in sizes {
            out.append(String(rest.prefix(n)))
            rest = rest.dropFirst(n)
        }
        if !rest.isEmpty { out.append(String(rest)) }
        return out.joined(separator: separator)
    }

    /// An IBAN of `country` with a random BBAN of the given shape ("n" digit, "a" letter).
    static func iban(_ country: String, _ shape: String, _ r: inout EvalRandom) -> String {
        let bban = String(shape.map { $0 == "n" ? Character(String(r.int(0...9))) : r.letter() })
        let compact = ibanCompact(country, bban)
        return r.chance(0.5) ? compact : group(compact, Array(repeating: 4, count: 9), " ")
    }

    /// The compact IBAN of `country` and `bban`, with its ISO 7064 mod-97 check digits.
    static func ibanCompact(_ country: String, _ bban: String) -> String {
        country + format2(98 - mod97(bban + country + "00")) + bban
    }

    /// A string of digits and letters (letters count 10–35) modulo 97.
    static func mod97(_ s: String) -> Int {
        var remainder = 0
        for ch in s {
            let v = ch.isNumber ? Int(String(ch))! : Int(ch.asciiValue! - 55)
            for digit in String(v) { remainder = (remainder * 10 + Int(String(digit))!) % 97 }
        }
        return remainder
    }

    static func siret(_ r: inout EvalRandom) -> String {
        let siren = luhnComplete(String(r.int(1...9)) + r.digits(7))
        let full = completing(siren + r.digits(4)) { Luhn.isValid($0) }
        return r.chance(0.5) ? full : group(full, [3, 3, 3, 5], " ")
    }

    static func nino(_ r: inout EvalRandom) -> String {
        let first = r.letter("ABCEGHJKLMNOPRSTWXYZ")
        let second = r.letter("ABCEGHJKLMNPRSTWXYZ")
        let prefix = "\(first)\(second)"
        let safe = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(prefix) ? "AB" : prefix
        let digits = r.digits(6)
        let suffix = r.letter("ABCD")
        return r.chance(0.5) ? "\(safe)\(digits)\(suffix)" : "\(safe) \(group(digits, [2, 2, 2], " ")) \(suffix)"
    }

    static func nhs(_ r: inout EvalRandom) -> String {
        while true {
            let body = String(r.int(4...7)) + r.digits(8)
            let d = body.map { Int(String($0))! }
            let check = 11 - WeightedSum.of(d[0..<9], [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
            guard check != 10 else { continue }
            let full = body + String(check == 11 ? 0 : check)
            return r.chance(0.6) ? group(full, [3, 3, 4], " ") : full
        }
    }

    static func germanTaxID(_ r: inout EvalRandom) -> String {
        // Ten digits from a shuffled alphabet with one digit doubled, first not 0.
        while true {
            var digits = r.shuffle(Array(0...9))
            digits[9] = digits[r.int(0...8)]
            digits = r.shuffle(digits)
            guard digits[0] != 0 else { continue }
            let body = digits.map(String.init).joined()
            let full = completing(body) { ISO7064.mod11_10IsValid($0.map { Int(String($0))! }) }
            return r.chance(0.7) ? full : group(full, [2, 3, 3, 3], " ")
        }
    }

    static func nir(_ r: inout EvalRandom) -> String {
        let dept = r.chance(0.05) ? "2A" : String(format2(r.int(1...95)))
        let body = "\(r.int(1...2))\(format2(r.int(40...99)))\(format2(r.int(1...12)))\(dept)\(format3(r.int(1...999)))\(format3(r.int(1...999)))"
        let numeric = body.replacingOccurrences(of: "2A", with: "19")
        var n = 0
        for ch in numeric { n = (n * 10 + Int(String(ch))!) % 97 }
        let key = format2(97 - n)
        let full = body + key
        return r.chance(0.6) ? group(full, [1, 2, 2, 2, 3, 3, 2], " ") : full
    }

    static func dni(_ r: inout EvalRandom) -> String {
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        if r.chance(0.25) {
            let prefix = r.int(0...2)
            let digits = r.digits(7)
            let n = Int(String(prefix) + digits)!
            return "\(["X", "Y", "Z"][prefix])\(digits)\(letters[n % 23])"
        }
        let digits = r.digits(8)
        let sep = r.chance(0.3) ? "-" : ""
        return "\(digits)\(sep)\(letters[Int(digits)! % 23])"
    }

    static func codiceFiscale(_ r: inout EvalRandom) -> String {
        let consonants = "BCDFGHJKLMNPQRSTVWXYZ"
        var body = ""
        for _ in 0..<6 { body.append(r.letter(consonants)) }
        body += format2(r.int(40...99))
        body.append(r.letter("ABCDEHLMPRST"))
        body += format2(r.int(1...28) + (r.chance(0.5) ? 40 : 0))
        body.append(r.letter("ABCDEFGHILM"))
        body += format3(r.int(1...999))
        let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var sum = 0
        for (i, ch) in body.enumerated() {
            let v = ch.isNumber ? Int(String(ch))! : Int(ch.asciiValue! - 65)
            sum += i % 2 == 0 ? odd[v] : v
        }
        body.append(Character(Unicode.Scalar(UInt8(65 + sum % 26))))
        return body
    }

    static func bsn(_ r: inout EvalRandom) -> String {
        while true {
            let body = String(r.int(1...6)) + r.digits(7)
            let d = body.map { Int(String($0))! }
            let s = WeightedSum.of(d[0..<8], [9, 8, 7, 6, 5, 4, 3, 2]) % 11
            guard s != 10 else { continue }
            return body + String(s)
        }
    }

    static func cpf(_ r: inout EvalRandom) -> String {
        let body = r.digits(9)
        let d = body.map { Int(String($0))! }
        let first = WeightedSum.mod11Complement(WeightedSum.of(d[0..<9], [10, 9, 8, 7, 6, 5, 4, 3, 2]))
        let second = WeightedSum.mod11Complement(WeightedSum.of((d + [first])[0..<10], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]))
        let full = body + String(first) + String(second)
        return r.chance(0.7) ? group(full, [3, 3, 3], ".").replacingOccurrences(of: ".\(full.suffix(2))", with: "-\(full.suffix(2))") : full
    }

    static func cnpj(_ r: inout EvalRandom) -> String {
        let body = r.digits(8) + "000" + String(r.int(1...3))
        let d = body.map { Int(String($0))! }
        let first = WeightedSum.mod11Complement(WeightedSum.of(d[0..<12], [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        let second = WeightedSum.mod11Complement(WeightedSum.of((d + [first])[0..<13], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]))
        let full = body + String(first) + String(second)
        let f = Array(full).map(String.init)
        return "\(f[0..<2].joined()).\(f[2..<5].joined()).\(f[5..<8].joined())/\(f[8..<12].joined())-\(f[12..<14].joined())"
    }

    static func aadhaar(_ r: inout EvalRandom) -> String {
        let body = String(r.int(2...9)) + r.digits(10)
        let full = completing(body) { Verhoeff.isValid($0.map { Int(String($0))! }) }
        return r.chance(0.7) ? group(full, [4, 4, 4], " ") : full
    }

    static func pan(_ r: inout EvalRandom) -> String {
        var s = ""
        for _ in 0..<3 { s.append(r.letter()) }
        s.append(r.letter("PPPPPCHFAT"))
        s.append(r.letter())
        s += r.digits(4)
        s.append(r.letter())
        return s
    }

    static func myNumber(_ r: inout EvalRandom) -> String {
        let body = r.digits(11)
        let d = body.map { Int(String($0))! }
        let check = WeightedSum.mod11Complement(WeightedSum.of(d[0..<11], [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]))
        let full = body + String(check)
        return r.chance(0.5) ? group(full, [4, 4, 4], " ") : full
    }

    static func chineseID(_ r: inout EvalRandom) -> String {
        let region = r.pick(["110105", "310115", "440305", "330106", "510107", "420102"])
        let birth = "\(r.int(1950...2004))\(format2(r.int(1...12)))\(format2(r.int(1...28)))"
        let body = region + birth + r.digits(3)
        let check = ISO7064.mod11_2Check(body.map { Int(String($0))! })
        return body + (check == 10 ? "X" : String(check))
    }

    static func rrn(_ r: inout EvalRandom) -> String {
        let year = r.int(50...99)
        let front = "\(format2(year))\(format2(r.int(1...12)))\(format2(r.int(1...28)))"
        let body = front + String(r.int(1...2)) + r.digits(5)
        let d = body.map { Int(String($0))! }
        let check = (11 - WeightedSum.of(d[0..<12], [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11) % 10
        let full = body + String(check)
        return "\(full.prefix(6))-\(full.dropFirst(6))"
    }

    static func ssn(_ r: inout EvalRandom) -> String {
        var area = r.int(1...899)
        if area == 666 { area = 667 }
        return "\(format3(area))-\(format2(r.int(1...99)))-\(String(format4(r.int(1...9999))))"
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    static func format3(_ n: Int) -> String { String(repeating: "0", count: 3 - String(n).count) + String(n) }
    static func format4(_ n: Int) -> String { String(repeating: "0", count: 4 - String(n).count) + String(n) }
}
