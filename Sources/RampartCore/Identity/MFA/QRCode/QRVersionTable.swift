// SPDX-License-Identifier: Apache-2.0

/// The per-version constants of QR codes 1–15 (ISO/IEC 18004 Tables 1, 9 and Annex E).
///
/// Version 15 holds 412 bytes at level M, three times a typical `otpauth://` URI, so larger
/// versions (whose tables would only add untested surface) are not supported.
enum QRVersionTable {
    static let versions: ClosedRange<Int> = 1...15

    /// Error-correction codewords per block, indexed `[level][version - 1]` (levels L, M, Q, H).
    private static let eccCodewordsPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24],
    ]

    /// Number of error-correction blocks, indexed `[level][version - 1]` (levels L, M, Q, H).
    private static let errorCorrectionBlocks: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18],
    ]

    /// Centre coordinates of alignment patterns (Annex E), used for both rows and columns.
    private static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46],
        [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70],
    ]

    static func size(_ version: Int) -> Int { 17 + 4 * version }

    static func eccPerBlock(_ version: Int, _ level: QRErrorCorrection) -> Int {
        eccCodewordsPerBlock[level.tableIndex][version - 1]
    }

    static func blockCount(_ version: Int, _ level: QRErrorCorrection) -> Int {
        errorCorrectionBlocks[level.tableIndex][version - 1]
    }

    static func alignmentPositions(_ version: Int) -> [Int] { alignmentCentres[version - 1] }

    /// Modules left for codewords once every function pattern is drawn, remainder bits included.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentCount = version / 7 + 2
            result -= (25 * alignmentCount - 10) * alignmentCount - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Data (not error-correction) codewords that fit `version` at `level`.
    static func dataCodewords(_ version: Int, _ level: QRErrorCorrection) -> Int {
        rawDataModules(version) / 8 - eccPerBlock(version, level) * blockCount(version, level)
    }

    /// Bits of the byte-mode character count indicator (Table 3).
    static func byteCountBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }
}
