import Foundation
import SFStream
import SalesforceEmulator

#if canImport(Glibc)
    import Glibc
#endif

/// `sfstream-benchmarks [--json] [--quick]`: throughput of each stage and of the whole
/// pipeline, compared with a libxml2 floor, and peak memory by record count.
let arguments = Array(CommandLine.arguments.dropFirst())
// As `sfstream` does, so that the figures are those of the command-line tool.
MallocTuning.returnLargeBlocksToSystem()

if arguments.first == MemoryBenchmark.childCommand {
    guard arguments.count >= 3, let count = Int(arguments[1]), count > 0, let loginURL = URL(string: arguments[2]) else {
        FileHandle.standardError.write(Data("usage: sfstream-benchmarks \(MemoryBenchmark.childCommand) RECORDS LOGIN_URL [SETTING=N...]\n".utf8))
        exit(64)
    }
    do {
        try await MemoryBenchmark.runChild(emailMessages: count, loginURL: loginURL, settings: Array(arguments.dropFirst(3)))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("sfstream-benchmarks: error: \(error)\n".utf8))
        exit(1)
    }
}

// `profile STAGE PASSES`: one stage over the corpus, for a profiler (perf, callgrind).
if arguments.first == "profile" {
    guard arguments.count == 3, let passes = Int(arguments[2]) else {
        FileHandle.standardError.write(Data("usage: sfstream-benchmarks profile partition|chunk|partition+chunk|encode|floor|events PASSES\n".utf8))
        exit(64)
    }
    do {
        try StageBenchmarks.profile(stage: arguments[1], passes: passes)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("sfstream-benchmarks: error: \(error)\n".utf8))
        exit(1)
    }
}

var options = BenchmarkOptions()
for argument in arguments {
    switch argument {
    case "--json": options.json = true
    case "--quick": options.quick = true
    case "--help", "-h":
        print(BenchmarkOptions.usage)
        exit(0)
    default:
        if argument.hasPrefix("--child-settings=") {
            options.childSettings = argument.dropFirst("--child-settings=".count).split(separator: ",").map(String.init)
        } else if let only = argument.split(separator: "=", maxSplits: 1).last, argument.hasPrefix("--only=") {
            options.only = Set(only.split(separator: ",").map(String.init))
        } else {
            FileHandle.standardError.write(Data("sfstream-benchmarks: error: unknown argument '\(argument)'\n\(BenchmarkOptions.usage)\n".utf8))
            exit(64)
        }
    }
}

// Loopback only: a proxy from the environment must not see the emulator's traffic.
unsetenv("http_proxy")
unsetenv("https_proxy")
unsetenv("HTTP_PROXY")
unsetenv("HTTPS_PROXY")

do {
    let report = try await BenchmarkSuite(options: options).run()
    if options.json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(report))
        FileHandle.standardOutput.write(Data("\n".utf8))
    } else {
        print(ReportTable.render(report))
    }
} catch {
    FileHandle.standardError.write(Data("sfstream-benchmarks: error: \(error)\n".utf8))
    exit(1)
}
