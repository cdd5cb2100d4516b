/// A regular expression compiled to a Thompson NFA and run as a Pike VM: matching time is
/// linear in the input (O(input × pattern)), whatever the pattern, so a tenant's pattern cannot
/// backtrack catastrophically (`(a+)+$` on `aaaa…b` is as fast as any other).
///
/// Supported: literals, `.`, `[…]` classes with ranges and negation, `\d \D \w \W \s \S`,
/// escapes, groups `(…)` and `(?:…)`, `|`, `* + ?`, `{n} {n,} {n,m}` (lazy `?` suffixes are
/// accepted; they do not change whether or where a match is found here), anchors `^ $`.
/// Rejected with ``DiscoveryError/Code/invalidPattern``: back-references, look-around,
/// possessive quantifiers, and patterns that expand past ``maxProgramSize`` instructions.
public struct SafePattern: Sendable, Hashable {
    /// Largest compiled program, in instructions.
    public static let maxProgramSize = 4000
    /// Largest repetition count in `{n,m}`.
    public static let maxRepeat = 1000

    /// The source pattern.
    public let source: String
    /// Whether ASCII letters match regardless of case.
    public let caseInsensitive: Bool
    private let program: [Instruction]

    /// Compiles `pattern`.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(DiscoveryError) {
        guard pattern.unicodeScalars.count <= 2000 else {
            throw DiscoveryError(.invalidPattern, "pattern is longer than 2000 characters")
        }
        var parser = Parser(Array(pattern.unicodeScalars.map(\.value)), caseInsensitive: caseInsensitive)
        let node = try parser.parseAll()
        var compiler = Compiler()
        try compiler.emit(node)
        compiler.append(.match)
        self.source = pattern
        self.caseInsensitive = caseInsensitive
        self.program = compiler.program
    }

    /// Whether the whole of `text` matches.
    public func matchesWhole(_ text: some StringProtocol) -> Bool {
        let input = text.unicodeScalars.map(\.value)
        return run(input, anchored: true).map { $0 == 0..<input.count } ?? false
    }

    /// The leftmost (then longest) match in `text`, as offsets in Unicode scalars.
    public func firstMatch(in text: some StringProtocol) -> Range<Int>? {
        run(text.unicodeScalars.map(\.value), anchored: false)
    }

    /// Runs the VM. With `anchored`, only matches starting at 0 and ending at the end count.
    func run(_ input: [UInt32], anchored: Bool) -> Range<Int>? {
        let size = program.count
        var current = ThreadList(capacity: size)
        var next = ThreadList(capacity: size)
        var best: Range<Int>?
        var stack: [Int] = []
        for i in 0...input.count {
            if best == nil, !anchored || i == 0 {
                addThread(&current, pc: 0, start: i, at: i, count: input.count, stack: &stack)
            }
            if current.isEmpty { break }
            next.clear()
            for t in 0..<current.count {
                let (pc, start) = current.thread(t)
                if let b = best, start > b.lowerBound { continue }
                switch program[pc] {
                case .match:
                    if !anchored || i == input.count {
                        if best == nil || start < best!.lowerBound || (start == best!.lowerBound && i > best!.upperBound) {
                            best = start..<i
                        }
                    }
                case .consume(let matcher):
                    if i < input.count, matcher.matches(input[i]) {
                        addThread(&next, pc: pc + 1, start: start, at: i + 1, count: input.count, stack: &stack)
                    }
                default:
                    break
                }
            }
            swap(&current, &next)
        }
        return best
    }

    /// Adds `pc` and everything reachable from it without consuming input.
    private func addThread(_ list: inout ThreadList, pc: Int, start: Int, at position: Int, count: Int, stack: inout [Int]) {
        stack.removeAll(keepingCapacity: true)
        stack.append(pc)
        while let p = stack.popLast() {
            guard list.insert(p, start: start) else { continue }
            switch program[p] {
            case .jump(let target):
                stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertStart:
                if position == 0 { stack.append(p + 1) }
            case .assertEnd:
                if position == count { stack.append(p + 1) }
            case .consume, .match:
                break
            }
        }
    }

    // MARK: Program

    enum Instruction: Sendable, Hashable {
        case consume(Matcher)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    struct Matcher: Sendable, Hashable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func matches(_ c: UInt32) -> Bool {
            var hit = false
            for r in ranges where r.contains(c) {
                hit = true
                break
            }
            return hit != negated
        }

        static let digit = Matcher(ranges: [0x30...0x39], negated: false)
        static let word = Matcher(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F], negated: false)
        static let space = Matcher(ranges: [0x20...0x20, 0x09...0x0D], negated: false)
        static let any = Matcher(ranges: [0x0A...0x0A], negated: true)
    }

    /// A sparse set of (pc, start) threads: O(1) insert, clear and membership.
    struct ThreadList {
        private var dense: [Int]
        private var starts: [Int]
        private var sparse: [Int]
        private(set) var count = 0

        init(capacity: Int) {
            dense = [Int](repeating: 0, count: capacity)
            starts = [Int](repeating: 0, count: capacity)
            sparse = [Int](repeating: 0, count: capacity)
        }

        var isEmpty: Bool { count == 0 }

        mutating func clear() { count = 0 }

        mutating func insert(_ pc: Int, start: Int) -> Bool {
            let s = sparse[pc]
            if s < count, dense[s] == pc { return false }
            sparse[pc] = count
            dense[count] = pc
            starts[count] = start
            count += 1
            return true
        }

        func thread(_ index: Int) -> (pc: Int, start: Int) { (dense[index], starts[index]) }
    }

    // MARK: Syntax tree

    indirect enum Node {
        case empty
        case char(Matcher)
        case start
        case end
        case concat([Node])
        case alternate([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    struct Parser {
        let s: [UInt32]
        let caseInsensitive: Bool
        var i = 0

        init(_ s: [UInt32], caseInsensitive: Bool) {
            self.s = s
            self.caseInsensitive = caseInsensitive
        }

        private func fail(_ message: String) -> DiscoveryError {
            DiscoveryError(.invalidPattern, "\(message) at offset \(i)")
        }

        mutating func parseAll() throws(DiscoveryError) -> Node {
            let node = try parseAlternation(depth: 0)
            guard i == s.count else { throw fail("unbalanced ')'") }
            return node
        }

        private mutating func parseAlternation(depth: Int) throws(DiscoveryError) -> Node {
            guard depth < 100 else { throw fail("groups nested too deeply") }
            var branches = [try parseConcat(depth: depth)]
            while i < s.count, s[i] == 0x7C {
                i += 1
                branches.append(try parseConcat(depth: depth))
            }
            return branches.count == 1 ? branches[0] : .alternate(branches)
        }

        private mutating func parseConcat(depth: Int) throws(DiscoveryError) -> Node {
            var items: [Node] = []
            while i < s.count, s[i] != 0x7C, s[i] != 0x29 {
                var atom = try parseAtom(depth: depth)
                atom = try parseQuantifiers(atom)
                items.append(atom)
            }
            return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
        }

        private mutating func parseQuantifiers(_ atom: Node) throws(DiscoveryError) -> Node {
            var node = atom
            var quantified = false
            while i < s.count {
                let c = s[i]
                var range: (Int, Int?)?
                if c == 0x2A {
                    range = (0, nil)
                    i += 1
                } else if c == 0x2B {
                    range = (1, nil)
                    i += 1
                } else if c == 0x3F {
                    range = (0, 1)
                    i += 1
                } else if c == 0x7B, let counted = try parseCount() {
                    range = counted
                }
                guard let (lo, hi) = range else { break }
                if quantified { throw fail("nested quantifier") }
                quantified = true
                if case .start = node { throw fail("quantified anchor") }
                if case .end = node { throw fail("quantified anchor") }
                node = .repeated(node, min: lo, max: hi)
                if i < s.count, s[i] == 0x3F { i += 1 }  // lazy: same match set
                if i < s.count, s[i] == 0x2B { throw fail("possessive quantifiers are not supported") }
            }
            return node
        }

        /// `{n}`, `{n,}`, `{n,m}`; a `{` that does not start one is a literal.
        private mutating func parseCount() throws(DiscoveryError) -> (Int, Int?)? {
            var j = i + 1
            func number(_ j: inout Int) -> Int? {
                var v = 0
                var digits = 0
                while j < s.count, s[j] >= 0x30, s[j] <= 0x39, digits < 6 {
                    v = v * 10 + Int(s[j] - 0x30)
                    j += 1
                    digits += 1
                }
                return digits > 0 ? v : nil
            }
            guard let lo = number(&j) else { return nil }
            var hi: Int? = lo
            if j < s.count, s[j] == 0x2C {
                j += 1
                hi = number(&j)
            }
            guard j < s.count, s[j] == 0x7D else { return nil }
            i = j + 1
            guard lo <= SafePattern.maxRepeat, (hi ?? lo) <= SafePattern.maxRepeat, (hi ?? lo) >= lo else {
                throw fail("repetition count out of range (0…\(SafePattern.maxRepeat))")
            }
            return (lo, hi)
        }

        private func literal(_ c: UInt32) -> Node {
            if caseInsensitive, (c | 0x20) >= 0x61, (c | 0x20) <= 0x7A {
                return .char(Matcher(ranges: [(c & ~0x20)...(c & ~0x20), (c | 0x20)...(c | 0x20)], negated: false))
            }
            return .char(Matcher(ranges: [c...c], negated: false))
        }

        private mutating func parseAtom(depth: Int) throws(DiscoveryError) -> Node {
            let c = s[i]
            switch c {
            case 0x28:  // (
                i += 1
                if i < s.count, s[i] == 0x3F {
                    guard i + 1 < s.count, s[i + 1] == 0x3A else {
                        throw fail("look-around and inline flags are not supported")
                    }
                    i += 2
                }
                let inner = try parseAlternation(depth: depth + 1)
                guard i < s.count, s[i] == 0x29 else { throw fail("missing ')'") }
                i += 1
                return inner
            case 0x5B:  // [
                return .char(try parseClass())
            case 0x2E:
                i += 1
                return .char(.any)
            case 0x5E:
                i += 1
                return .start
            case 0x24:
                i += 1
                return .end
            case 0x5C:
                i += 1
                guard i < s.count else { throw fail("trailing backslash") }
                let e = s[i]
                i += 1
                if let m = Self.shorthand(e) { return .char(m) }
                if e >= 0x31, e <= 0x39 { throw fail("back-references are not supported") }
                if e == 0x62 || e == 0x42 || e == 0x41 || e == 0x7A || e == 0x5A {
                    throw fail("\\b, \\B, \\A, \\z and \\Z are not supported")
                }
                return literal(Self.escaped(e))
            case 0x2A, 0x2B, 0x3F:
                throw fail("quantifier without a target")
            default:
                i += 1
                return literal(c)
            }
        }

        static func shorthand(_ e: UInt32) -> Matcher? {
            switch e {
            case 0x64: return .digit
            case 0x44: return Matcher(ranges: Matcher.digit.ranges, negated: true)
            case 0x77: return .word
            case 0x57: return Matcher(ranges: Matcher.word.ranges, negated: true)
            case 0x73: return .space
            case 0x53: return Matcher(ranges: Matcher.space.ranges, negated: true)
            default: return nil
            }
        }

        static func escaped(_ e: UInt32) -> UInt32 {
            switch e {
            case 0x6E: return 0x0A
            case 0x74: return 0x09
            case 0x72: return 0x0D
            case 0x66: return 0x0C
            case 0x76: return 0x0B
            case 0x30: return 0x00
            default: return e
            }
        }

        private mutating func parseClass() throws(DiscoveryError) -> Matcher {
            i += 1
            var negated = false
            if i < s.count, s[i] == 0x5E {
                negated = true
                i += 1
            }
            var ranges: [ClosedRange<UInt32>] = []
            var first = true
            while true {
                guard i < s.count else { throw fail("missing ']'") }
                var c = s[i]
                if c == 0x5D, !first {
                    i += 1
                    break
                }
                first = false
                i += 1
                if c == 0x5C {
                    guard i < s.count else { throw fail("trailing backslash") }
                    let e = s[i]
                    i += 1
                    if let m = Self.shorthand(e) {
                        guard !m.negated else { throw fail("negated shorthand inside a class") }
                        ranges += m.ranges
                        continue
                    }
                    c = Self.escaped(e)
                }
                var hi = c
                if i + 1 < s.count, s[i] == 0x2D, s[i + 1] != 0x5D {
                    i += 1
                    hi = s[i]
                    i += 1
                    if hi == 0x5C {
                        guard i < s.count else { throw fail("trailing backslash") }
                        hi = Self.escaped(s[i])
                        i += 1
                    }
                    guard hi >= c else { throw fail("reversed class range") }
                }
                ranges.append(c...hi)
                if caseInsensitive {
                    let lo = max(c, 0x41)
                    let up = min(hi, 0x5A)
                    if lo <= up { ranges.append((lo | 0x20)...(up | 0x20)) }
                    let lo2 = max(c, 0x61)
                    let up2 = min(hi, 0x7A)
                    if lo2 <= up2 { ranges.append((lo2 & ~0x20)...(up2 & ~0x20)) }
                }
            }
            return Matcher(ranges: ranges, negated: negated)
        }
    }

    struct Compiler {
        var program: [Instruction] = []

        mutating func append(_ instruction: Instruction) {
            program.append(instruction)
        }

        mutating func emit(_ node: Node) throws(DiscoveryError) {
            guard program.count <= SafePattern.maxProgramSize else {
                throw DiscoveryError(.invalidPattern, "pattern expands past \(SafePattern.maxProgramSize) instructions")
            }
            switch node {
            case .empty:
                break
            case .char(let m):
                append(.consume(m))
            case .start:
                append(.assertStart)
            case .end:
                append(.assertEnd)
            case .concat(let items):
                for item in items { try emit(item) }
            case .alternate(let branches):
                // split L1, next; L1: branch; jump end; next: ...
                var jumps: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = program.count
                        append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(program.count)
                        append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
            case .repeated(let inner, let lo, let hi):
                for _ in 0..<lo { try emit(inner) }
                if let hi {
                    // Optional copies: split over each, all exiting to the end.
                    var splits: [Int] = []
                    for _ in lo..<hi {
                        splits.append(program.count)
                        append(.split(-1, -1))
                        try emit(inner)
                    }
                    for s in splits { program[s] = .split(s + 1, program.count) }
                } else {
                    let loop = program.count
                    append(.split(loop + 1, -1))
                    try emit(inner)
                    append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
            guard program.count <= SafePattern.maxProgramSize else {
                throw DiscoveryError(.invalidPattern, "pattern expands past \(SafePattern.maxProgramSize) instructions")
            }
        }
    }

    public static func == (lhs: SafePattern, rhs: SafePattern) -> Bool {
        lhs.source == rhs.source && lhs.caseInsensitive == rhs.caseInsensitive
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(caseInsensitive)
    }
}
