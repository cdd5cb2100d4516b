// SPDX-License-Identifier: Apache-2.0

/// A QR symbol under construction: module colours plus which modules belong to function
/// patterns (finders, timing, alignment, format and version information), which data placement
/// and masking must skip.
struct QRMatrix: Sendable, Equatable {
    let version: Int
    let size: Int
    /// Row-major, `true` = dark.
    private(set) var modules: [Bool]
    private(set) var isFunction: [Bool]

    /// A symbol with every function pattern drawn and the format area reserved.
    init(version: Int) {
        self.version = version
        self.size = QRVersionTable.size(version)
        self.modules = [Bool](repeating: false, count: size * size)
        self.isFunction = [Bool](repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    subscript(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }

    private mutating func setFunction(row: Int, column: Int, dark: Bool) {
        modules[row * size + column] = dark
        isFunction[row * size + column] = true
    }

    // MARK: Function patterns

    private mutating func drawFunctionPatterns() {
        // Timing patterns first: the finders drawn next overwrite their ends.
        for index in 0..<size {
            setFunction(row: 6, column: index, dark: index % 2 == 0)
            setFunction(row: index, column: 6, dark: index % 2 == 0)
        }
        drawFinder(row: 3, column: 3)
        drawFinder(row: 3, column: size - 4)
        drawFinder(row: size - 4, column: 3)

        let centres = QRVersionTable.alignmentPositions(version)
        let last = centres.count - 1
        for (rowIndex, row) in centres.enumerated() {
            for (columnIndex, column) in centres.enumerated() {
                // The three corners where an alignment pattern would sit on a finder are skipped.
                let onFinder =
                    (rowIndex == 0 && columnIndex == 0) || (rowIndex == 0 && columnIndex == last)
                    || (rowIndex == last && columnIndex == 0)
                if !onFinder { drawAlignment(row: row, column: column) }
            }
        }
        // Reserve the format area now (any value); the real bits are drawn once the mask is known.
        drawFormatBits(errorCorrection: .medium, mask: 0)
        drawVersionBits()
    }

    /// A 7×7 finder with its one-module light separator, clipped at the symbol's edge.
    private mutating func drawFinder(row: Int, column: Int) {
        for rowOffset in -4...4 {
            for columnOffset in -4...4 {
                let distance = max(abs(rowOffset), abs(columnOffset))
                let targetRow = row + rowOffset
                let targetColumn = column + columnOffset
                guard (0..<size).contains(targetRow), (0..<size).contains(targetColumn) else { continue }
                setFunction(row: targetRow, column: targetColumn, dark: distance != 2 && distance != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark ring, light ring, dark centre.
    private mutating func drawAlignment(row: Int, column: Int) {
        for rowOffset in -2...2 {
            for columnOffset in -2...2 {
                let distance = max(abs(rowOffset), abs(columnOffset))
                setFunction(row: row + rowOffset, column: column + columnOffset, dark: distance != 1)
            }
        }
    }

    /// The 15-bit format information (level and mask, BCH(15,5) protected, XOR 0x5412), drawn
    /// twice: around the top-left finder, and split between the other two (ISO/IEC 18004 §7.9).
    mutating func drawFormatBits(errorCorrection: QRErrorCorrection, mask: Int) {
        let data = errorCorrection.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 != 0 }

        for index in 0...5 { setFunction(row: index, column: 8, dark: bit(index)) }
        setFunction(row: 7, column: 8, dark: bit(6))
        setFunction(row: 8, column: 8, dark: bit(7))
        setFunction(row: 8, column: 7, dark: bit(8))
        for index in 9..<15 { setFunction(row: 8, column: 14 - index, dark: bit(index)) }

        for index in 0..<8 { setFunction(row: 8, column: size - 1 - index, dark: bit(index)) }
        for index in 8..<15 { setFunction(row: size - 15 + index, column: 8, dark: bit(index)) }
        // The "dark module", always dark, beside the bottom-left finder.
        setFunction(row: size - 8, column: 8, dark: true)
    }

    /// The 18-bit version information (BCH(18,6), generator 0x1F25) in two 6×3 blocks, for
    /// versions 7 and up (ISO/IEC 18004 §7.10).
    private mutating func drawVersionBits() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 != 0
            let near = index / 3
            let far = size - 11 + index % 3
            setFunction(row: near, column: far, dark: dark)
            setFunction(row: far, column: near, dark: dark)
        }
    }

    // MARK: Data

    /// Places codeword bits in the two-column zigzag from the bottom-right corner, skipping the
    /// vertical timing column and function modules (ISO/IEC 18004 §7.7.3). Modules left over
    /// (the remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let row = upward ? size - 1 - vertical : vertical
                for column in [right, right - 1] where !isFunction[row * size + column] && bitIndex < totalBits {
                    modules[row * size + column] = (codewords[bitIndex >> 3] >> UInt8(7 - (bitIndex & 7))) & 1 != 0
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }

    /// Inverts every non-function module selected by data mask `mask` (ISO/IEC 18004 Table 10).
    /// Applying the same mask twice restores the original.
    mutating func applyMask(_ mask: Int) {
        for row in 0..<size {
            for column in 0..<size where !isFunction[row * size + column] {
                if Self.maskSelects(mask, row: row, column: column) { modules[row * size + column].toggle() }
            }
        }
    }

    static func maskSelects(_ mask: Int, row i: Int, column j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }
}
