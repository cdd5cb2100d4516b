import Foundation

/// Shannon entropy of byte strings, used to tell random credentials from words and ids.
enum Entropy {
    /// Bits per byte of `bytes[range]`.
    static func bitsPerByte(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for i in range { counts[Int(bytes[i])] += 1 }
        let n = Double(range.count)
        var h = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / n
            h -= p * log2(p)
        }
        return h
    }
}
