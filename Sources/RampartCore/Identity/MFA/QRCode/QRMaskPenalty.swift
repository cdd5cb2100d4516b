// SPDX-License-Identifier: Apache-2.0

/// The penalty score that picks among the eight data masks (ISO/IEC 18004 §7.8.3): lower means
/// fewer features a reader could confuse with finder patterns or lose track in.
enum QRMaskPenalty {
    static let sameColourRun = 3  // N1
    static let sameColourBlock = 3  // N2
    static let finderLike = 40  // N3
    static let imbalance = 10  // N4

    static func score(_ matrix: QRMatrix) -> Int {
        let size = matrix.size
        var total = 0
        for row in 0..<size {
            let line = (0..<size).map { matrix[row, $0] }
            total += runPenalty(line) + finderLikePenalty(line)
        }
        for column in 0..<size {
            let line = (0..<size).map { matrix[$0, column] }
            total += runPenalty(line) + finderLikePenalty(line)
        }
        // Rule 2: every 2×2 block of one colour (overlapping blocks each count).
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let colour = matrix[row, column]
                if matrix[row, column + 1] == colour, matrix[row + 1, column] == colour,
                    matrix[row + 1, column + 1] == colour
                {
                    total += sameColourBlock
                }
            }
        }
        // Rule 4: 10 points per full 5 % that the dark share deviates from 50 %.
        var dark = 0
        for row in 0..<size {
            for column in 0..<size where matrix[row, column] { dark += 1 }
        }
        let modules = size * size
        total += abs(dark * 20 - modules * 10) / modules * imbalance
        return total
    }

    /// Rule 1: each run of five or more same-coloured modules scores 3, plus 1 per extra module.
    static func runPenalty(_ line: [Bool]) -> Int {
        var penalty = 0
        var runLength = 0
        var previous: Bool?
        for module in line {
            if module == previous {
                runLength += 1
            } else {
                if runLength >= 5 { penalty += sameColourRun + runLength - 5 }
                runLength = 1
                previous = module
            }
        }
        if runLength >= 5 { penalty += sameColourRun + runLength - 5 }
        return penalty
    }

    /// Rule 3: each 1:1:3:1:1 dark–light pattern with four light modules before or after it.
    ///
    /// Modules beyond the edge count as light, since the quiet zone is light too; a pattern with
    /// light on both sides counts twice, once per side.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let padding = [Bool](repeating: false, count: 4)
        let padded = padding + line + padding
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        var penalty = 0
        for start in 0...(padded.count - pattern.count) {
            guard padded[start..<(start + pattern.count)].elementsEqual(pattern) else { continue }
            if start >= 4, padded[(start - 4)..<start].allSatisfy({ !$0 }) { penalty += finderLike }
            let end = start + pattern.count
            if end + 4 <= padded.count, padded[end..<(end + 4)].allSatisfy({ !$0 }) { penalty += finderLike }
        }
        return penalty
    }
}
