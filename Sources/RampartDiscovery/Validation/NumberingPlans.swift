/// National numbering plans of 56 countries, compiled from the `PhoneNumberMetadata.xml` of
/// Google's libphonenumber (Apache-2.0, commit f7e3e88c92b9, July 2026): per territory, the
/// country calling code, the national prefix, the possible lengths of fixed-line and mobile
/// numbers, and the two-digit leading ranges its fixed-line and mobile patterns accept (a digit
/// alone where all ten follow it). Only these few fields are kept, a table of a few kilobytes instead of the
/// full metadata; `scripts/numbering-plans.py` regenerates it.
enum NumberingPlans {
    static let all: [NumberingPlan] = [
        NumberingPlan(
            "AE", 971, trunk: "0", lengths: [8, 9],
            fixed: "22 23 24 25 26 27 28 32 33 34 35 36 37 38 42 43 44 45 46 47 48 62 63 64 65 66 67 68 72 73 74 75 76 77 78 92 93 94 95 96 97 98",
            mobile: "50 52 53 54 55 56 58"),
        NumberingPlan("AR", 54, trunk: "0", lengths: [10, 11], fixed: "11 22 23 24 26 28 29 33 34 35 36 37 38 67", mobile: "67 91 92 93"),
        NumberingPlan(
            "AT", 43, trunk: "0", lengths: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            fixed:
                "11 12 13 14 15 16 17 18 19 21 22 25 26 27 28 29 31 33 34 35 36 38 42 43 46 47 48 51 52 53 54 55 56 61 62 64 65 66 72 73 74 75 76 77 79",
            mobile: "64 65 66 67 68 69"),
        NumberingPlan("AU", 61, trunk: "0", lengths: [9], fixed: "2 3 70 71 72 73 74 75 77 78 79 85 86 87 88 89", mobile: "4"),
        NumberingPlan(
            "BD", 880, trunk: "0", lengths: [6, 7, 8, 9, 10],
            fixed: "22 23 24 25 27 28 29 30 31 32 33 34 35 36 37 38 4 5 60 62 63 64 65 66 67 68 69 7 80 81 82 83 84 85 86 87 90 91 92 93 94 95 98",
            mobile: "11 13 14 15 16 17 18 19 37 38 44 64 66"),
        NumberingPlan(
            "BE", 32, trunk: "0", lengths: [8, 9],
            fixed:
                "10 11 12 13 14 15 16 19 22 23 24 25 26 27 28 32 33 34 35 36 37 38 42 43 5 60 61 63 64 65 67 68 69 71 80 81 82 83 84 85 86 87 89 92 93 94",
            mobile: "45 46 47 48 49"),
        NumberingPlan(
            "BR", 55, trunk: "0", lengths: [10, 11],
            fixed:
                "11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99",
            mobile:
                "11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99"
        ),
        NumberingPlan(
            "CA", 1, trunk: "1", lengths: [10],
            fixed: "20 22 23 24 25 26 28 30 34 35 36 38 40 41 42 43 45 46 47 50 51 54 57 58 60 61 63 64 67 68 70 74 75 77 78 80 81 82 86 87 90 94",
            mobile: "20 22 23 24 25 26 28 30 34 35 36 38 40 41 42 43 45 46 47 50 51 54 57 58 60 61 63 64 67 68 70 74 75 77 78 80 81 82 86 87 90 94"),
        NumberingPlan(
            "CH", 41, trunk: "0", lengths: [9], fixed: "21 22 24 26 27 31 32 33 34 41 43 44 52 55 56 61 62 71 81 91",
            mobile: "68 69 72 73 75 76 77 78 79"),
        NumberingPlan(
            "CL", 56, trunk: "", lengths: [9],
            fixed: "21 22 23 26 32 33 34 35 41 42 43 45 51 52 53 55 57 58 60 61 63 64 65 67 71 72 73 75 8 91 92 93 94 95 96 97 98 99",
            mobile: "22 23 32 33 34 35 41 42 43 45 51 52 53 55 57 58 61 63 64 65 67 71 72 73 75 8 91 92 93 94 95 96 97 98 99"),
        NumberingPlan(
            "CN", 86, trunk: "0", lengths: [7, 8, 9, 10, 11],
            fixed:
                "10 20 21 22 23 24 25 27 28 29 31 33 34 35 37 39 41 42 43 45 46 47 48 51 52 53 54 55 56 57 58 59 63 66 69 70 71 72 73 74 75 76 77 79 80 81 82 83 85 87 88 89 90 91 93 94 95 97 99",
            mobile: "13 14 15 16 17 18 19"),
        NumberingPlan("CO", 57, trunk: "0", lengths: [8, 10], fixed: "46 60", mobile: "30 31 32 33 35 37 91 94"),
        NumberingPlan(
            "CZ", 420, trunk: "", lengths: [9], fixed: "2 31 32 35 37 38 39 41 46 47 48 49 51 53 54 55 56 57 58 59", mobile: "60 70 71 72 73 77 79"),
        NumberingPlan(
            "DE", 49, trunk: "0", lengths: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], fixed: "2 30 32 33 34 35 36 37 38 39 4 5 6 7 8 9",
            mobile: "15 16 17"),
        NumberingPlan(
            "DK", 45, trunk: "", lengths: [8], fixed: "2 3 4 5 6 7 81 82 86 87 88 89 91 92 93 94 96 97 98 99",
            mobile: "2 3 4 5 6 7 81 82 86 87 88 89 91 92 93 94 96 97 98 99"),
        NumberingPlan(
            "EG", 20, trunk: "0", lengths: [8, 9, 10], fixed: "13 15 2 3 40 45 46 47 48 50 55 57 62 64 65 66 68 69 82 84 86 88 92 93 95 96 97",
            mobile: "10 11 12 15"),
        NumberingPlan("ES", 34, trunk: "", lengths: [9], fixed: "40 81 82 83 84 85 86 87 88 91 92 93 94 95 96 97 98", mobile: "6 71 72 73 74 78 97"),
        NumberingPlan(
            "FI", 358, trunk: "0", lengths: [5, 6, 7, 8, 9, 10],
            fixed:
                "13 14 15 16 17 19 21 22 23 24 25 26 27 28 31 32 33 34 35 36 37 38 51 52 53 54 55 56 57 58 61 62 63 64 65 66 67 68 81 82 83 84 85 86 87 88 90 91 92 93 94 95 96 97 98",
            mobile: "4 50"),
        NumberingPlan("FR", 33, trunk: "0", lengths: [9], fixed: "1 2 3 41 42 43 44 45 46 47 48 49 5", mobile: "6 73 74 75 76 77 78 79"),
        NumberingPlan("GB", 44, trunk: "0", lengths: [9, 10], fixed: "11 12 13 14 15 16 17 18 19 20 23 24 28 29", mobile: "71 72 73 74 75 77 78 79"),
        NumberingPlan("GR", 30, trunk: "", lengths: [10], fixed: "21 22 23 24 25 26 27 28", mobile: "68 69 94"),
        NumberingPlan(
            "HK", 852, trunk: "", lengths: [8], fixed: "21 22 23 24 25 26 27 28 29 31 34 35 36 37 38 39 58",
            mobile: "40 42 44 46 47 51 52 53 54 55 56 57 59 6 70 84 90 91 92 93 94 95 96 97 98"),
        NumberingPlan(
            "HU", 36, trunk: "06", lengths: [8, 9],
            fixed:
                "1 22 23 24 25 26 27 28 29 32 33 34 35 36 37 42 44 45 46 47 48 49 52 53 54 55 56 57 59 62 63 66 68 69 72 73 74 75 76 77 78 79 82 83 84 85 87 88 89 92 93 94 95 96 99",
            mobile: "20 30 31 50 70"),
        NumberingPlan(
            "ID", 62, trunk: "0", lengths: [7, 8, 9, 10, 11, 12],
            fixed:
                "21 22 23 24 25 26 27 28 29 31 32 33 34 35 36 37 38 40 41 42 43 44 45 46 47 48 51 52 53 54 55 56 61 62 63 64 65 70 71 72 73 74 75 76 77 90 91 92 95 96 97 98",
            mobile: "81 82 83 85 86 87 88 89"),
        NumberingPlan(
            "IE", 353, trunk: "0", lengths: [7, 8, 9, 10],
            fixed: "1 21 22 23 24 25 26 27 28 29 4 50 51 52 53 56 57 58 59 61 62 63 64 65 66 67 68 69 71 74 90 91 93 94 95 96 97 98 99",
            mobile: "82 83 85 86 87 88 89"),
        NumberingPlan("IL", 972, trunk: "0", lengths: [8, 9, 11, 12], fixed: "15 2 3 4 8 9", mobile: "50 51 52 53 54 55 56 58 59"),
        NumberingPlan(
            "IN", 91, trunk: "0", lengths: [10],
            fixed:
                "11 12 13 14 15 16 17 18 19 2 30 31 32 33 34 35 36 37 38 4 51 52 53 54 55 56 57 58 59 61 62 63 64 65 66 67 68 71 72 73 74 75 76 77 78 79 8",
            mobile: "16 6 7 8 9"),
        NumberingPlan(
            "IT", 39, trunk: "", lengths: [6, 7, 8, 9, 10, 11, 12], fixed: "01 02 03 04 05 06 07 08 09", mobile: "31 32 33 34 35 36 37 38 39 43"),
        NumberingPlan(
            "JP", 81, trunk: "0", lengths: [9, 10],
            fixed:
                "11 12 13 14 15 16 17 18 19 22 23 24 25 26 27 28 29 31 32 33 34 35 36 37 38 39 42 43 44 45 46 47 48 49 52 53 54 55 56 57 58 59 61 62 63 64 65 66 67 68 69 72 73 74 75 76 77 78 79 82 83 84 85 86 87 88 89 92 93 94 95 96 97 98 99",
            mobile: "60 70 80 90"),
        NumberingPlan(
            "KE", 254, trunk: "0", lengths: [7, 8, 9], fixed: "20 40 41 42 43 44 45 46 5 60 61 62 64 65 66 67 68 69", mobile: "10 11 12 13 14 18 7"),
        NumberingPlan(
            "KR", 82, trunk: "0", lengths: [5, 6, 8, 9, 10], fixed: "21 22 23 24 25 26 27 28 29 31 32 33 41 42 43 44 51 52 53 54 55 61 62 63 64",
            mobile: "10 11 12 16 17 18 19"),
        NumberingPlan(
            "LU", 352, trunk: "", lengths: [4, 5, 6, 7, 8, 9, 10, 11],
            fixed: "22 23 24 25 26 27 28 29 3 4 5 7 80 81 83 84 85 86 87 88 89 90 92 93 94 95 97 99", mobile: "62 65 66 67 68 69"),
        NumberingPlan(
            "MX", 52, trunk: "", lengths: [10],
            fixed:
                "20 22 23 24 27 28 29 31 32 33 34 35 37 38 39 41 42 43 44 45 46 47 48 49 55 56 58 59 61 62 63 64 65 66 67 68 69 71 72 73 74 75 76 77 78 79 81 82 83 84 86 87 89 91 92 93 95 96 97 98 99",
            mobile:
                "22 23 24 27 28 29 31 32 33 34 35 37 38 39 41 42 43 44 45 46 47 48 49 55 56 58 59 61 62 63 64 65 66 67 68 69 71 72 73 74 75 76 77 78 79 81 82 83 84 86 87 89 91 92 93 95 96 97 98 99"
        ),
        NumberingPlan(
            "MY", 60, trunk: "0", lengths: [8, 9, 10],
            fixed:
                "32 33 34 35 36 37 38 39 42 43 44 45 46 47 48 49 52 53 54 55 56 57 58 59 62 63 64 65 66 67 68 69 72 73 74 75 76 77 78 79 82 83 84 85 86 87 88 89 9",
            mobile: "1"),
        NumberingPlan("NG", 234, trunk: "0", lengths: [10], fixed: "20", mobile: "70 71 72 80 81 90 91"),
        NumberingPlan(
            "NL", 31, trunk: "0", lengths: [9, 11],
            fixed: "10 11 13 15 16 17 18 20 22 23 24 25 26 29 30 31 32 33 34 35 36 38 40 41 43 45 46 47 48 49 5 7", mobile: "61 62 63 64 65 68 97"),
        NumberingPlan(
            "NO", 47, trunk: "", lengths: [8],
            fixed: "21 22 23 24 31 32 33 35 37 38 51 52 53 55 56 57 61 62 63 64 66 67 68 69 70 71 72 73 74 75 76 77 78", mobile: "4 9"),
        NumberingPlan(
            "NZ", 64, trunk: "0", lengths: [8, 9, 10],
            fixed: "24 32 33 34 35 36 37 39 42 43 44 45 46 47 48 49 62 63 65 66 67 68 69 72 73 74 75 77 78 79 92 93 94 95 96 97 98 99",
            mobile: "20 21 22 26 27 28 29"),
        NumberingPlan(
            "PE", 51, trunk: "0", lengths: [8, 9],
            fixed: "10 11 12 13 14 15 16 17 18 41 42 43 44 51 52 53 54 56 61 62 63 64 65 66 67 68 71 72 73 74 75 76 81 82 83 84 86 87", mobile: "9"),
        NumberingPlan(
            "PH", 63, trunk: "0", lengths: [6, 8, 9, 10],
            fixed: "2 32 33 34 35 36 38 42 43 44 45 46 47 48 49 52 53 54 55 56 62 63 64 65 68 72 74 75 77 78 82 83 84 85 86 87 88", mobile: "81 89 9"),
        NumberingPlan(
            "PK", 92, trunk: "0", lengths: [9, 10],
            fixed:
                "21 22 23 24 25 29 40 41 42 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 67 68 71 72 74 81 82 83 84 85 86 91 92 93 94 96 99",
            mobile: "30 31 32 33 34 35 36 37"),
        NumberingPlan(
            "PL", 48, trunk: "", lengths: [7, 9],
            fixed:
                "12 13 14 15 16 17 18 22 23 24 25 26 29 30 32 33 34 41 42 43 44 46 47 48 52 54 55 56 58 59 61 62 63 65 67 68 71 74 75 76 77 81 82 83 84 85 86 87 89 91 94 95",
            mobile: "21 45 50 51 53 57 60 66 69 72 73 78 79 88"),
        NumberingPlan("PT", 351, trunk: "", lengths: [9], fixed: "21 22 23 24 25 26 27 28 29", mobile: "16 60 63 65 66 91 92 93 94 96"),
        NumberingPlan("RO", 40, trunk: "0", lengths: [6, 9], fixed: "21 23 24 25 26 31 33 34 35 36", mobile: "60 62 63 7"),
        NumberingPlan("RU", 7, trunk: "8", lengths: [10], fixed: "30 33 34 35 36 38 39 40 41 42 47 48 49 81 82 83 84 85 86 87", mobile: "9"),
        NumberingPlan("SA", 966, trunk: "0", lengths: [9], fixed: "11 12 13 14 16 17", mobile: "50 51 53 54 55 56 57 58 59"),
        NumberingPlan(
            "SE", 46, trunk: "0", lengths: [7, 8, 9],
            fixed: "11 12 13 14 15 16 17 18 19 21 22 23 24 25 26 27 28 29 3 4 5 6 8 90 91 92 93 94 95 96 97 98", mobile: "70 72 73 76 78 79"),
        NumberingPlan("SG", 65, trunk: "", lengths: [8], fixed: "6", mobile: "8 90 91 92 93 94 95 96 97 98"),
        NumberingPlan(
            "SK", 421, trunk: "0", lengths: [6, 7, 9],
            fixed: "21 22 23 24 25 26 27 28 29 31 32 33 34 35 36 37 38 41 42 43 44 45 46 47 48 51 52 53 54 55 56 57 58 60 81", mobile: "90 91 94 95"),
        NumberingPlan(
            "TH", 66, trunk: "0", lengths: [8, 9], fixed: "10 16 18 19 2 32 33 34 35 36 37 38 39 42 43 44 45 52 53 54 55 56 73 74 75 76 77",
            mobile: "14 61 62 63 64 65 66 67 8 9"),
        NumberingPlan(
            "TR", 90, trunk: "0", lengths: [10], fixed: "21 22 23 24 25 26 27 28 31 32 33 34 35 36 37 38 39 41 42 43 44 45 46 47 48",
            mobile: "50 51 52 53 54 55 56 57 59"),
        NumberingPlan(
            "TW", 886, trunk: "0", lengths: [8, 9],
            fixed:
                "22 23 24 25 26 27 28 32 33 34 35 36 37 38 39 40 41 42 43 44 47 48 49 52 53 54 55 56 57 58 60 61 62 63 64 65 66 67 69 71 72 73 74 75 76 77 78 79 82 83 84 87 88 89",
            mobile: "90 91 92 93 94 95 96 97 98"),
        NumberingPlan(
            "UA", 380, trunk: "0", lengths: [9], fixed: "31 32 33 34 35 36 37 38 41 43 44 45 46 47 48 51 52 53 54 55 56 57 61 62 64 65 69",
            mobile: "39 50 63 66 67 68 71 72 73 75 77 79 91 92 93 94 95 96 97 98 99"),
        NumberingPlan(
            "US", 1, trunk: "1", lengths: [10],
            fixed:
                "20 21 22 23 24 25 26 27 28 30 31 32 33 34 35 36 38 40 41 42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 67 68 70 71 72 73 74 75 76 77 78 80 81 82 83 84 85 86 87 90 91 92 93 94 95 97 98",
            mobile:
                "20 21 22 23 24 25 26 27 28 30 31 32 33 34 35 36 38 40 41 42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 67 68 70 71 72 73 74 75 76 77 78 80 81 82 83 84 85 86 87 90 91 92 93 94 95 97 98"
        ),
        NumberingPlan(
            "VN", 84, trunk: "0", lengths: [9, 10], fixed: "2", mobile: "12 16 3 51 52 55 56 58 59 70 76 77 78 79 81 82 83 84 85 86 87 88 89 9"),
        NumberingPlan(
            "ZA", 27, trunk: "0", lengths: [5, 6, 7, 8, 9],
            fixed: "10 11 12 13 14 15 16 17 18 21 22 23 27 28 31 32 33 34 35 36 39 4 51 53 54 56 57 58",
            mobile: "10 12 15 19 21 43 50 6 7 81 82 83 84 85 87"),
    ]

    /// Plans by calling code (several regions share `1` and `7`).
    static let byCallingCode: [Int: [NumberingPlan]] = Dictionary(grouping: all, by: \.callingCode)

    /// Plans dialled with a trunk prefix.
    static let withTrunkPrefix: [NumberingPlan] = all.filter { !$0.trunkPrefix.isEmpty }

    /// The plan of the calling code `digits` start with, and the national significant number
    /// after it; `nil` when the code is not in the table.
    static func international(_ digits: [Int]) -> (plans: [NumberingPlan], nsn: ArraySlice<Int>)? {
        var code = 0
        for length in 1...3 where digits.count > length {
            code = code * 10 + digits[length - 1]
            if let plans = byCallingCode[code] { return (plans, digits[length...]) }
        }
        return nil
    }

    /// Whether `digits`, dialled inside a country with its trunk prefix, fit that country's plan.
    static func fitsTrunkDialled(_ digits: [Int]) -> Bool {
        withTrunkPrefix.contains { plan in
            digits.starts(with: plan.trunkPrefix) && plan.fits(digits[plan.trunkPrefix.count...])
        }
    }

    /// Whether `digits`, written without a trunk prefix, fit a mobile range of some plan (a
    /// Spanish `612 345 678`, an Italian `333 123 4567`, a Chinese `138 1234 5678`).
    static func fitsMobileWithoutTrunk(_ digits: [Int]) -> Bool {
        all.contains { $0.fitsMobile(digits[...]) }
    }

    /// Whether `digits` fit a plan that dials no trunk prefix at all (Spain, Italy, Norway, …).
    static func fitsTrunkless(_ digits: [Int]) -> Bool {
        all.contains { $0.trunkPrefix.isEmpty && $0.fits(digits[...]) }
    }
}
