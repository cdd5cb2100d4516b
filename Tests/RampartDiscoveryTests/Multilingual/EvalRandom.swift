@testable import RampartDiscovery

/// The seeded choices the multilingual corpus is built from.
struct EvalRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < p }

    /// `count` random decimal digits.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(int(0...9))) })
    }

    /// A random upper-case ASCII letter from `alphabet`.
    mutating func letter(_ alphabet: String = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") -> Character { pick(Array(alphabet)) }

    mutating func shuffle<T>(_ items: [T]) -> [T] { items.shuffled(using: &generator) }
}
