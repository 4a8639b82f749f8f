import Foundation
import Testing
@testable import SFStreamCommandLine

#if canImport(Glibc)
import Glibc
#endif

@Suite struct StandardErrorConsoleTests {
    /// Returns what `body` wrote through a console whose output is a pipe.
    func written(_ body: (StandardErrorConsole) -> Void) throws -> String {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        body(StandardErrorConsole(output: FileDescriptorLineOutput(descriptor: descriptors[1])))
        close(descriptors[1])
        let data = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func logLineErasesAndRedrawsProgress() throws {
        let text = try written { console in
            console.showProgress(["Case: 1", "Lead: 2"])
            console.writeLine("warning line")
            console.showProgress(["Case: 3", "Lead: 2"])
            console.showProgress([])
            console.writeLine("summary")
        }
        let erase = "\r\u{1B}[2A\u{1B}[J"
        #expect(text == "Case: 1\nLead: 2\n" + erase + "warning line\nCase: 1\nLead: 2\n"
            + erase + "Case: 3\nLead: 2\n" + erase + "summary\n")
    }

    @Test func unchangedProgressNotRedrawn() throws {
        let text = try written { console in
            console.showProgress(["Case: 1"])
            console.showProgress(["Case: 1"])
        }
        #expect(text == "Case: 1\n")
    }

    @Test func linesWithoutProgressWrittenAsIs() throws {
        let text = try written { console in
            console.writeLine("one")
            console.writeLine("two")
        }
        #expect(text == "one\ntwo\n")
    }

    @Test func progressLineFormats() {
        var running = PipelineProgress.Category(name: "Case")
        running.recordsRead = 120
        running.elements = 340
        var done = PipelineProgress.Category(name: "Lead")
        done.recordsRead = 5
        done.recordsDelivered = 5
        done.elements = 9
        done.queryFinished = true
        let snapshot = PipelineProgress.Snapshot(categories: [running, done])
        let usage = APIUsage(used: 14, limit: 100_000)

        #expect(ProgressDisplay.terminalLines(prefix: "sfstream demo", snapshot: snapshot, apiUsage: usage, seconds: 2) == [
            "sfstream demo: Case: 120 records read, 340 elements, 60.0 records/s, API usage 14/100000",
        ])
        #expect(ProgressDisplay.plainLine(prefix: "sfstream", snapshot: snapshot, apiUsage: nil, seconds: 5)
            == "sfstream: progress: 125 records read, 349 elements, 25.0 records/s; running: Case 120")
    }
}
