// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore

extension ConsolePages {
    /// Seconds between refreshes of a scan's page while it is queued or running.
    static let scanRefreshSeconds = 2

    /// A scan: its progress, refreshed while it is queued or running, and once it has finished,
    /// each column's classes with confidence and masked samples (raw values are never kept).
    static func scan(_ viewer: Viewer, _ scan: ScanJob, datasource: Datasource?, columns: [Scans.ColumnFindings], now: Int64) -> HTML {
        let base = "/console/t/\(viewer.tenantSlug)"
        let path = "\(base)/discovery/scans/\(scan.id)"
        let live = !scan.status.isFinished
        let progress = scan.progress
        let eta: HTML =
            if live, let started = scan.startedAt, let seconds = progress.etaSeconds(elapsed: max(0, now.subtractingSaturating(started)) / 1000) {
                "<dt>Time left</dt><dd>about \(seconds) s</dd>"
            } else {
                ""
            }
        let share =
            progress.tablesTotal > 0 ? percent(Double(progress.tablesDone) / Double(progress.tablesTotal)) : (scan.status == .succeeded ? 100 : 0)
        let cancel: HTML =
            live && viewer.permissions.contains(.discoveryWrite)
            ? """
            <form method="post" action="\(path)/cancel">
            <input type="hidden" name="csrf" value="\(viewer.formToken)">
            <button type="submit" class="quiet">Cancel the scan</button>
            </form>
            """ : ""
        let rows = columns.filter { !$0.result.classes.isEmpty }.map { finding -> HTML in
            let result = finding.result
            let classes = result.classes.map { name -> HTML in
                let samples = (finding.maskedSamples[name] ?? []).map { sample -> HTML in "<code>\(sample)</code>" }
                return """
                    <li><code>\(name)</code> \(percent(result.confidence[name] ?? 0))% <span class="muted">(in \(percent(result.prevalence[name] ?? 0))% of
                    values)</span>\(samples.isEmpty ? "" : " e.g. " as HTML)\(HTML(joining: samples.enumerated().map { $0.offset == 0 ? $0.element : ", \($0.element)" }))</li>
                    """
            }
            return
                "<tr><td>\(result.table)</td><td>\(result.column)</td><td><ul class=\"plain\">\(classes)</ul></td><td>\(result.rowsScanned)</td></tr>"
        }
        let results: HTML =
            if scan.status == .succeeded {
                rows.isEmpty
                    ? "<section aria-labelledby=\"results\"><h2 id=\"results\">Results</h2><p>No sensitive data found.</p></section>"
                    : """
                    <section class="wide" aria-labelledby="results"><h2 id="results">Results</h2>
                    <p class="muted">\(rows.count) of \(columns.count) columns hold sensitive data. Samples are masked when found; raw values are never stored.</p>
                    <table><caption class="visually-hidden">Sensitive columns</caption><thead><tr><th scope="col">Table</th><th scope="col">Column</th>
                    <th scope="col">Classes, confidence and masked samples</th><th scope="col">Rows read</th></tr></thead><tbody>\(rows)</tbody></table></section>
                    """
            } else {
                ""
            }
        let failure: HTML = scan.error.map { "<p class=\"error\" role=\"alert\">The scan \(scan.status.rawValue): \($0)</p>" } ?? ""
        let source: HTML =
            datasource.map { "<p><a href=\"\(base)/discovery/datasources/\($0.id)\">Back to \($0.name)</a></p>" } ?? ""
        return layout(
            title: "Scan", viewer: viewer, current: .discovery,
            head: live ? "<meta http-equiv=\"refresh\" content=\"\(scanRefreshSeconds)\">" : "",
            """
            \(source)
            <h1>Scan of \(datasource?.name ?? "a datasource")</h1>
            \(failure)
            <section aria-labelledby="progress"><h2 id="progress">Progress</h2>
            <p role="status">\(scan.status.rawValue)\(live ? " (this page refreshes itself)" : "")</p>
            <progress max="100" value="\(share)" aria-label="Tables scanned">\(share)%</progress>
            <dl>
            <dt>Tables</dt><dd>\(progress.tablesDone) of \(progress.tablesTotal)</dd>
            <dt>Rows read</dt><dd>\(progress.rowsRead)</dd>
            <dt>Bytes read</dt><dd>\(progress.bytesRead)</dd>
            \(progress.currentTable.map { "<dt>Now reading</dt><dd>\($0)</dd>" as HTML } ?? "")
            \(eta)
            </dl>
            \(cancel)</section>
            \(results)
            """)
    }
}
