// SPDX-License-Identifier: Apache-2.0

/// A QR code symbol (ISO/IEC 18004, Model 2), versions 1–15, byte mode.
///
/// Used to show `otpauth://` URIs at TOTP enrolment, so the only mode needed is byte mode:
/// URIs mix lower case and punctuation that the numeric and alphanumeric modes cannot carry.
///
/// ```swift
/// let code = try QRCode.encode(Array(uri.utf8))   // level M, smallest version, best mask
/// let svg = code.svg()
/// ```
package struct QRCode: Sendable, Equatable {
    package let version: Int
    package let errorCorrection: QRErrorCorrection
    /// The data mask (0–7) applied.
    package let mask: Int
    /// Internal so tests can score the finished symbol.
    let matrix: QRMatrix

    /// Modules per side, without the quiet zone.
    package var size: Int { matrix.size }

    /// Whether the module at `row`, `column` is dark. Outside the symbol (the quiet zone) is light.
    package subscript(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return matrix[row, column]
    }

    /// The modules as rows of `1` (dark) and `0` (light): a stable text form for fixtures and
    /// debugging.
    package var rows: [String] {
        (0..<size).map { row in String((0..<size).map { matrix[row, $0] ? "1" : "0" }) }
    }

    /// Encodes `data` in byte mode.
    ///
    /// - Parameters:
    ///   - version: a fixed version, or `nil` for the smallest one the data fits.
    ///   - mask: a fixed data mask, or `nil` to pick the one with the lowest penalty score
    ///     (ties go to the lowest-numbered mask).
    /// - Throws: ``RampartError`` `validation-failed` when the data does not fit (in the requested
    ///   version, or in version 15) or when `version` or `mask` is out of range.
    package static func encode(
        _ data: [UInt8], errorCorrection: QRErrorCorrection = .medium, version: Int? = nil, mask: Int? = nil
    ) throws -> QRCode {
        if let mask, !(0...7).contains(mask) {
            throw RampartError.validation("the QR mask must be 0 to 7", field: "mask")
        }
        let chosenVersion: Int
        if let version {
            guard QRVersionTable.versions.contains(version) else {
                throw RampartError.validation("the QR version must be 1 to 15", field: "version")
            }
            guard fits(data.count, version: version, errorCorrection: errorCorrection) else {
                throw RampartError.validation("the data does not fit QR version \(version)", field: "data")
            }
            chosenVersion = version
        } else {
            guard
                let smallest = QRVersionTable.versions.first(where: {
                    fits(data.count, version: $0, errorCorrection: errorCorrection)
                })
            else {
                throw RampartError.validation("the data is too long for a QR code", field: "data")
            }
            chosenVersion = smallest
        }

        let codewords = interleavedCodewords(data, version: chosenVersion, errorCorrection: errorCorrection)
        var unmasked = QRMatrix(version: chosenVersion)
        unmasked.placeCodewords(codewords)

        func masked(_ mask: Int) -> QRMatrix {
            var candidate = unmasked
            candidate.applyMask(mask)
            candidate.drawFormatBits(errorCorrection: errorCorrection, mask: mask)
            return candidate
        }

        if let mask {
            return QRCode(version: chosenVersion, errorCorrection: errorCorrection, mask: mask, matrix: masked(mask))
        }
        var best: (mask: Int, matrix: QRMatrix, penalty: Int)?
        for candidateMask in 0...7 {
            let candidate = masked(candidateMask)
            let penalty = QRMaskPenalty.score(candidate)
            if best == nil || penalty < best?.penalty ?? Int.max {
                best = (candidateMask, candidate, penalty)
            }
        }
        // `best` is set on the first iteration; the fallback only satisfies the type checker.
        let chosen = best ?? (0, masked(0), 0)
        return QRCode(version: chosenVersion, errorCorrection: errorCorrection, mask: chosen.mask, matrix: chosen.matrix)
    }

    /// Whether `byteCount` bytes fit `version` in byte mode: 4 mode bits, the length field, data.
    static func fits(_ byteCount: Int, version: Int, errorCorrection: QRErrorCorrection) -> Bool {
        let countBits = QRVersionTable.byteCountBits(version)
        guard byteCount < 1 << countBits else { return false }
        let needed = 4 + countBits + byteCount * 8
        return needed <= QRVersionTable.dataCodewords(version, errorCorrection) * 8
    }

    /// The data codewords (mode, length, data, terminator, padding) split into blocks, each
    /// followed by its error correction, interleaved in transmission order (ISO/IEC 18004 §7.6).
    static func interleavedCodewords(_ data: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let dataCapacity = QRVersionTable.dataCodewords(version, errorCorrection)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)  // byte mode
        bits.append(data.count, count: QRVersionTable.byteCountBits(version))
        for byte in data { bits.append(Int(byte), count: 8) }
        let capacityBits = dataCapacity * 8
        bits.append(0, count: min(4, capacityBits - bits.count))  // terminator
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var dataCodewords = bits.bytes
        // Alternating pad codewords 11101100 and 00010001 fill the rest (§7.4.10).
        var padIndex = 0
        while dataCodewords.count < dataCapacity {
            dataCodewords.append(padIndex % 2 == 0 ? 0xEC : 0x11)
            padIndex += 1
        }

        let blockCount = QRVersionTable.blockCount(version, errorCorrection)
        let eccLength = QRVersionTable.eccPerBlock(version, errorCorrection)
        let rawCodewords = QRVersionTable.rawDataModules(version) / 8
        // Blocks differ by at most one data codeword; the shorter ones come first.
        let shortBlockCount = blockCount - rawCodewords % blockCount
        let shortBlockDataLength = rawCodewords / blockCount - eccLength
        let generator = ReedSolomon.generator(degree: eccLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for blockIndex in 0..<blockCount {
            let length = shortBlockDataLength + (blockIndex < shortBlockCount ? 0 : 1)
            let block = dataCodewords[offset..<(offset + length)]
            offset += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(block, generator: generator))
        }

        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for index in 0...shortBlockDataLength {
            for block in dataBlocks where index < block.count {
                result.append(block[block.startIndex + index])
            }
        }
        for index in 0..<eccLength {
            for block in eccBlocks { result.append(block[index]) }
        }
        return result
    }
}

/// Bits appended most significant first, read back as bytes.
private struct BitBuffer {
    private(set) var count = 0
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: Int, count bitCount: Int) {
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 != 0 { bytes[bytes.count - 1] |= UInt8(0x80 >> (count % 8)) }
            count += 1
        }
    }
}
