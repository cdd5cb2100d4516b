// SPDX-License-Identifier: Apache-2.0

/// Reed–Solomon error-correction codewords over GF(2⁸) with QR's reducing polynomial
/// x⁸ + x⁴ + x³ + x² + 1 (0x11D) and generator roots α⁰…αⁿ⁻¹ (ISO/IEC 18004 §7.5.2).
///
/// This is coding theory, not cryptography, so it is written here rather than taken from a
/// crypto library.
enum ReedSolomon {
    /// The monic generator polynomial of `degree`, highest coefficient omitted, highest first.
    static func generator(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply the polynomial by (x - root); subtraction is XOR in GF(2⁸).
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The remainder of `data` · xⁿ divided by `generator`: the error-correction codewords.
    static func remainder(_ data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for index in 0..<result.count { result[index] ^= multiply(generator[index], factor) }
        }
        return result
    }

    /// Product in GF(2⁸) modulo 0x11D (shift-and-add, reducing whenever bit 8 is set).
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        var product: UInt32 = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            product ^= UInt32((right >> UInt8(bit)) & 1) * UInt32(left)
        }
        return UInt8(truncatingIfNeeded: product)
    }
}
