import Foundation
import SalesforceEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// Peak resident set size of whole pipeline runs, each size in its own child process so that
/// no run inherits another's heap.
///
/// The emulator runs in this process and the pipeline in the child (this executable started
/// with the hidden `rss-child` command), so the figure is sfstream's memory: client, stages and
/// NDJSON encoding, without the emulator's record generation and responses.
///
/// The child prints its `VmHWM` (the peak of its own address space) from `/proc/self/status`
/// before exiting, and the parent also reads `ru_maxrss` from `wait4`. The table shows `VmHWM`,
/// because Linux carries the parent's peak over to the child at `fork` and `exec`, so that
/// `ru_maxrss` is never below the parent's resident size when it spawned the child.
enum MemoryBenchmark {
    static let childCommand = "rss-child"
    /// The environment variable that hands the throwaway key to the child, off its command line.
    static let keyVariable = "SFSTREAM_BENCHMARK_PRIVATE_KEY"

    /// Measures one record count. Every EmailMessage body is a corpus document, the heavier of the
    /// emulator's two mixes.
    static func figure(
        emailMessages: Int, keyPair: (privateKeyPEM: String, certificatePEM: String), childSettings: [String] = []
    ) throws -> Figure {
        let setup = PipelineSetup(emailMessages: emailMessages, corpusBodies: true, latencyMilliseconds: 0, allCategories: false)
        let emulator = try EmulatorLauncher.start(setup, certificatePEM: keyPair.certificatePEM)
        defer { emulator.stop() }

        let output = Pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output.fileHandleForWriting.fileDescriptor, 1)

        let executable = "/proc/self/exe"
        let arguments = ["sfstream-benchmarks", childCommand, String(emailMessages), emulator.loginURL.absoluteString] + childSettings
        var environment = ProcessInfo.processInfo.environment
        environment[keyVariable] = keyPair.privateKeyPEM
        var cArguments = arguments.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in cArguments { free(argument) }
            for variable in cEnvironment { free(variable) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, &cArguments, &cEnvironment)
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
            note: String(
                format: "pipeline child, emulator in the parent: VmHWM %.1f MiB, wait4 ru_maxrss %.1f MiB; seconds include start-up",
                highWaterKiB / 1024, rusageMiB)
        )
    }

    /// Runs the pipeline once over `emailMessages` records from the emulator at `loginURL`, then
    /// prints this process's `VmHWM` in KiB.
    ///
    /// `settings` may override pipeline settings for experiments: `workers=N`,
    /// `fetch-concurrency=N`, `fetch-batch-size=N`, `channel-capacity=N`, `query-batch-size=N`.
    static func runChild(emailMessages: Int, loginURL: URL, settings: [String] = []) async throws {
        var setup = PipelineSetup(emailMessages: emailMessages, corpusBodies: true, latencyMilliseconds: 0, allCategories: false)
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]) else { throw BenchmarkError("invalid setting '\(setting)': expected NAME=INTEGER") }
            switch parts[0] {
            case "workers": setup.workers = value
            case "fetch-concurrency": setup.fetchConcurrency = value
            case "fetch-batch-size": setup.fetchBatchSize = value
            case "channel-capacity": setup.channelCapacity = value
            case "query-batch-size": setup.queryBatchSize = value
            default: throw BenchmarkError("unknown setting '\(parts[0])'")
            }
        }

        guard let privateKeyPEM = ProcessInfo.processInfo.environment[keyVariable] else {
            throw BenchmarkError("\(keyVariable) is not set; the \(childCommand) command is started by the memory benchmark")
        }
        let driver = try await PipelineDriver(setup, loginURL: loginURL, privateKeyPEM: privateKeyPEM)
        let start = ContinuousClock.now
        let run = try await driver.run()
        let seconds = start.duration(to: .now).seconds

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
        let rate = Int((Double(run.records) / seconds).rounded())
        FileHandle.standardError.write(Data("\(childCommand): \(rate) records/s, \(run.elements) chunks, VmHWM \(kibibytes) KiB\n".utf8))
    }
}

