import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The built `sfstream` executable, run as a user runs it.
///
/// `swift test` builds every product into the folder that holds the test bundle, so the binary
/// sits beside the running test executable.
enum ToolProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: String

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stdoutLines: [String] { stdoutText.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test executable may sit inside an .xctest bundle folder.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("sfstream").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("sfstream")
    }

    /// The environment the tool runs with: the test's, without proxies, Salesforce settings and
    /// a config file.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys
        where key.lowercased().hasSuffix("_proxy") || key.hasPrefix("SALESFORCE_") || key == "SFSTREAM_CONFIG" {
            environment.removeValue(forKey: key)
        }
        return environment.merging(extra) { $1 }
    }

    /// Starts the tool without waiting; read its pipes inside ``blocking(_:)``.
    static func start(
        _ arguments: [String], stdin: Pipe? = nil, environment extra: [String: String] = [:]
    ) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment(extra)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        return (process, stdout, stderr)
    }

    /// Runs the tool to completion, feeding `input` on stdin. The waiting happens on a thread of
    /// its own: the Swift concurrency pool has about one thread per core here, and a test that
    /// blocks one starves the emulators other tests run on it.
    static func run(_ arguments: [String], input: Data? = nil, environment extra: [String: String] = [:]) async throws -> Result {
        try await blocking { try runBlocking(arguments, input: input, environment: extra) }
    }

    /// Runs `body` on a new thread and returns its result. Test expectations stay outside `body`,
    /// because they need the test's task context.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try body() })
            }.start()
        }
    }

    /// Runs of the tool at once. Swift Testing starts every parameterized case together, and
    /// dozens of tool processes at a time on two cores starved the emulator tests running beside
    /// them until their requests timed out.
    private static let runSlots = DispatchSemaphore(value: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private static func runBlocking(_ arguments: [String], input: Data?, environment extra: [String: String]) throws -> Result {
        runSlots.wait()
        defer { runSlots.signal() }
        let stdin = Pipe()
        let (process, stdout, stderr) = try start(arguments, stdin: input == nil ? nil : stdin, environment: extra)
        if let input {
            // Writing on a thread of its own, so a large input cannot block against a full stdout.
            Thread.detachNewThread {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let errorData = Mutex<Data>(Data())
        let errorReader = Thread {
            let data = stderr.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
        }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: output, stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }

    /// A throwaway folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sfstream-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Reads from `handle` until a whole line has arrived or the stream ends.
    static func readFirstLine(_ handle: FileHandle) -> Data {
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        return received
    }

    /// Runs the `openssl` command line, for keys made the way users make them.
    static func openssl(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.joined(separator: " ")) failed"])
        }
    }
}
