// discover-bench: throughput of the discover pipeline (CSV parsing + sampling + classification)
// on one core, in MB/s of CSV input.
//
//   swift run -c release discover-bench [--csv-dir DIR] [--rows N] [--repeat N]
//
// Without --csv-dir it generates the evaluation tables with ../shared/discovery-eval/gen_eval.py
// (python3) at --rows rows (default 20000); without python3 it synthesises a mixed table itself.
// Two figures are printed: the default pipeline (1000 sampled values per column) and a
// "classify everything" run where every value of every column is classified.
import Foundation
import RampartDiscovery

var csvDir: String?
var rows = 20_000
var repeats = 3
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    switch arg {
    case "--csv-dir": csvDir = args.popFirst()
    case "--rows": rows = Int(args.popFirst() ?? "") ?? rows
    case "--repeat": repeats = Int(args.popFirst() ?? "") ?? repeats
    case "--per-classifier": break
    default:
        print("usage: discover-bench [--csv-dir DIR] [--rows N] [--repeat N]")
        exit(64)
    }
}

func generate(rows: Int) -> [(String, [UInt8])] {
    let fm = FileManager.default
    let candidates = ["../shared/discovery-eval/gen_eval.py", "/work/shared/discovery-eval/gen_eval.py"]
    if let script = candidates.first(where: fm.fileExists(atPath:)) {
        let out = fm.temporaryDirectory.appendingPathComponent("discover-bench-\(getpid())").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--out", out, "--rows", String(rows), "--formats", "csv"]
        if (try? process.run()) != nil {
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                defer { try? fm.removeItem(atPath: out) }
                return load(out + "/csv")
            }
        }
    }
    // Fallback: a synthetic mixed table.
    var text = "id,email,phone,name,card,notes,ip\n"
    var rng = SystemRandomNumberGenerator()
    let names = ["Jane Smith", "Carlos Garcia", "Wei Chen", "Priya Patel", "Lukas Müller", "Amara Okafor"]
    for i in 0..<(rows * 10) {
        let n = names[Int.random(in: 0..<names.count, using: &rng)]
        text += "\(i),user\(i)@example.com,(415) 555-\(String(format: "%04d", i % 10000)),\(n),4111 1111 1111 1111,"
        text += "\"Customer called about order #\(i), all fine.\",10.0.\(i % 256).\(i % 250 + 1)\n"
    }
    return [("synthetic", Array(text.utf8))]
}

func load(_ dir: String) -> [(String, [UInt8])] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".csv") }.sorted()) ?? []
    return files.compactMap { file in
        FileManager.default.contents(atPath: dir + "/" + file).map { (String(file.dropLast(4)), Array($0)) }
    }
}

let inputs = csvDir.map(load) ?? generate(rows: rows)
let totalBytes = inputs.reduce(0) { $0 + $1.1.count }
guard totalBytes > 0 else {
    print("no input")
    exit(1)
}

func run(_ inputs: [(String, [UInt8])], sampleLimit: Int) throws -> (seconds: Double, cpu: Double, columns: Int) {
    let scanner = DiscoveryScanner(configuration: .init(sampleLimit: sampleLimit))
    let clockStart = clock()
    let start = Date()
    var columns = 0
    for (name, bytes) in inputs {
        var records = CSVReader.Records(bytes)
        guard let header = try records.nextRecord() else { continue }
        let rows = AnySequence { () -> AnyIterator<[String?]> in
            var r = records
            return AnyIterator { try? r.nextRecord() }
        }
        columns += scanner.scanTable(name: name, columns: header.map { $0 ?? "" }, rows: rows).count
    }
    return (Date().timeIntervalSince(start), Double(clock() - clockStart) / Double(CLOCKS_PER_SEC), columns)
}

let mb = Double(totalBytes) / 1_000_000
print(String(format: "input: %d tables, %.1f MB of CSV", inputs.count, mb))
for (label, limit) in [("default pipeline (1000 samples/column)", 1000), ("classify every value", Int.max / 2)] {
    var best = Double.infinity
    var bestCPU = Double.infinity
    for _ in 0..<repeats {
        let r = try run(inputs, sampleLimit: limit)
        best = min(best, r.seconds)
        bestCPU = min(bestCPU, r.cpu)
    }
    print(String(format: "%@: %.3f s wall, %.3f s CPU -> %.1f MB/s per core", label, best, bestCPU, mb / bestCPU))
}

// Per-classifier cost over every value of the input (one pass each).
if CommandLine.arguments.contains("--per-classifier") || ProcessInfo.processInfo.environment["BENCH_PER_CLASSIFIER"] != nil {
    var values: [String] = []
    for (_, bytes) in inputs {
        var records = CSVReader.Records(bytes)
        _ = try records.nextRecord()
        while let row = try records.nextRecord() { for v in row { if let v { values.append(v) } } }
    }
    for c in BuiltinClassifiers.all {
        let start = clock()
        var hits = 0
        for v in values where c.classify(Substring(v)) != nil { hits += 1 }
        let cpu = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        print(String(format: "%-16@ %.3f s  (%d hits)", c.dataClass.rawValue, cpu, hits))
    }
}
