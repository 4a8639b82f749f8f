import Foundation
import SFStream

/// Writes each element list the target checks to standard error as NDJSON when `FUZZ_DUMP` is set,
/// so a crash input can be replayed to see which elements broke a contract. Standard error is
/// unbuffered, so the lines are out before a failed invariant stops the process.
enum ElementDump {
    static let isEnabled = ProcessInfo.processInfo.environment["FUZZ_DUMP"] != nil

    static func write(_ label: String, _ elements: [Element]) {
        guard isEnabled else { return }
        var text = "== \(label)\n"
        for element in elements {
            text += ElementJSONWriter.line(for: element) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
