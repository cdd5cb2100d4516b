/// One labelled table of the multilingual corpus.
struct EvalTable {
    /// One labelled column.
    struct Column {
        var nativeName: String
        var classes: Set<String>
        var values: [String?]
    }

    var name: String
    var locale: String
    var columns: [Column]

    init(_ name: String, locale: String, rows: Int, _ r: inout EvalRandom, _ specs: [ColumnSpec]) {
        self.name = name
        self.locale = locale
        self.columns = specs.map { spec in
            var values: [String?] = []
            for _ in 0..<rows {
                if r.chance(spec.missing) {
                    values.append(r.chance(0.5) ? nil : "")
                } else {
                    values.append(spec.make(&r))
                }
            }
            return Column(nativeName: spec.name, classes: spec.classes, values: values)
        }
    }
}

/// How to make one column: its native name, true classes and a value generator.
struct ColumnSpec {
    var name: String
    var classes: Set<String>
    var missing: Double
    var make: (inout EvalRandom) -> String

    init(_ name: String, _ classes: Set<String> = [], missing: Double = 0.08, _ make: @escaping (inout EvalRandom) -> String) {
        self.name = name
        self.classes = classes
        self.missing = missing
        self.make = make
    }
}
