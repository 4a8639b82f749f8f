import Foundation
import SalesforceEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// Peak resident set size of whole pipeline runs, each size in its own child process so that
/// no run inherits another's heap.
///
/// The child is this executable started with the hidden `rss-child` command. It prints its
/// `VmHWM` (the peak of its own address space) from `/proc/self/status` before exiting, and the
/// parent also reads `ru_maxrss` from `wait4`. The two differ because Linux carries the parent's
/// peak over to the child at `fork` and `exec`, so `ru_maxrss` is never below the parent's
/// resident size when it spawned the child. The suite runs this group first, while the parent
/// is small, and the table shows `VmHWM`.
enum MemoryBenchmark {
    static let childCommand = "rss-child"

    /// Every EmailMessage body is a corpus document, the heavier of the emulator's two mixes.
    static func figure(emailMessages: Int) throws -> Figure {
        let output = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output.fileHandleForWriting.fileDescriptor, 1)

        let executable = "/proc/self/exe"
        let arguments = ["sfstream-benchmarks", childCommand, String(emailMessages)]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw BenchmarkError("posix_spawn of \(executable) failed: \(String(cString: strerror(spawned)))")
        }
        try output.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = start.duration(to: .now).seconds
        // WIFEXITED and WEXITSTATUS are macros that do not import: exited normally with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchmarkError("the \(childCommand) process for \(emailMessages) records ended with wait status \(status)")
        }
        guard let highWaterKiB = Double(printed.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("the \(childCommand) process printed '\(printed)' instead of its VmHWM in KiB")
        }
        // Linux reports ru_maxrss in KiB.
        let rusageMiB = Double(usage.ru_maxrss) / 1024
        return Figure(
            name: "peak RSS", input: "\(emailMessages) EmailMessage (corpus), 0 ms", runs: 1, medianSeconds: seconds,
            documentsPerSecond: Double(emailMessages) / seconds,
            peakRSSMiB: highWaterKiB / 1024,
            note: String(format: "child process (emulator + pipeline + NDJSON encoding): VmHWM %.1f MiB, wait4 ru_maxrss %.1f MiB", highWaterKiB / 1024, rusageMiB)
        )
    }

    /// The child's work: one pipeline run over `emailMessages` records, then its `VmHWM` in KiB
    /// on stdout.
    static func runChild(emailMessages: Int) async throws {
        let keyPair = try TestKeyPair.generate()
        let org = try await EmulatedOrg(
            PipelineSetup(emailMessages: emailMessages, corpusBodies: true, latencyMilliseconds: 0, allCategories: false),
            keyPair: keyPair
        )
        let run = try await org.run()
        guard run.records == emailMessages, run.failures == 0 else {
            throw BenchmarkError("the child delivered \(run.records) of \(emailMessages) records with \(run.failures) failures")
        }
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kibibytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
        else {
            throw BenchmarkError("no VmHWM line in /proc/self/status")
        }
        print(kibibytes)
    }
}
