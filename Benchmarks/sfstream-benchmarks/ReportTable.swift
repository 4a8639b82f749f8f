import Foundation

/// The plain-text form of a ``Report``: one table of figures, then the targets.
enum ReportTable {
    static func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append("machine: \(report.machine.processors) processors, \(report.machine.cpuModel)\(report.quick ? " (quick run)" : "")")
        lines.append("medians of the runs shown; x floor = documents/s / libxml2 floor documents/s on the same input;")
        lines.append("CPU ms/doc: the measuring thread for stage rows, the whole process (emulator included) for pipeline rows")
        lines.append("")

        let header = ["stage", "input", "runs", "median s", "docs/s", "MB/s", "elements/s", "items/s", "x floor", "CPU ms/doc", "peak RSS MiB"]
        var rows: [[String]] = [header]
        for figure in report.figures {
            rows.append([
                figure.name, figure.input, String(figure.runs), format(figure.medianSeconds, "%.3f"),
                format(figure.documentsPerSecond, "%.0f"), format(figure.megabytesPerSecond, "%.1f"),
                format(figure.elementsPerSecond, "%.0f"), format(figure.itemsPerSecond, "%.0f"),
                format(figure.ratioToFloor, "%.2f"), format(figure.cpuMillisecondsPerDocument, "%.3f"),
                format(figure.peakRSSMiB, "%.1f"),
            ])
        }

        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            lines.append(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }

        let notes = report.figures.compactMap { figure in figure.note.map { "  \(figure.name) (\(figure.input)): \($0)" } }
        if !notes.isEmpty {
            lines.append("")
            lines.append("notes:")
            lines += notes
        }
        if !report.targets.isEmpty {
            lines.append("")
            lines.append("targets:")
            for target in report.targets {
                lines.append("  [\(target.met ? "met" : "NOT MET")] \(target.goal): \(target.measured)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double?, _ pattern: String) -> String {
        value.map { String(format: pattern, $0) } ?? "-"
    }
}
