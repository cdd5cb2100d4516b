// SPDX-License-Identifier: Apache-2.0

extension QRCode {
    /// Renders the symbol as a self-contained SVG document.
    ///
    /// One user unit is one module, so the `viewBox` is the symbol plus its quiet zone and the
    /// image scales without blurring; `shape-rendering="crispEdges"` stops anti-aliased seams
    /// between adjacent modules. Dark modules in a row are merged into one rectangle per run,
    /// which keeps the path short.
    ///
    /// - Parameters:
    ///   - quietZone: light modules around the symbol; ISO/IEC 18004 requires 4, and readers fail
    ///     more often with less.
    ///   - pixelsPerModule: the default rendered size (`width`/`height`); CSS can override it.
    package func svg(quietZone: Int = 4, pixelsPerModule: Int = 4) -> String {
        let margin = max(0, quietZone)
        let side = size + 2 * margin
        let pixels = side * max(1, pixelsPerModule)
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[row, column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, self[row, column] { column += 1 }
                let length = column - start
                path += "M\(start + margin),\(row + margin)h\(length)v1h-\(length)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#ffffff"/>\
            <path d="\(path)" fill="#000000"/>\
            </svg>
            """
    }
}
