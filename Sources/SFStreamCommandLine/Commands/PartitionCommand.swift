import Foundation

/// `sfstream partition FILE...`: the parse stage alone, on local HTML files.
enum PartitionCommand {
    static let spec = CommandSpec(
        name: "partition",
        brief: "Partition local HTML files into elements.",
        summary: "Partition local HTML files into elements and write them to stdout as NDJSON, one element a line, file by file.",
        usage: "sfstream partition [options] FILE...",
        options: [
            OptionSpec("encoding", value: "NAME", help: "Charset of files that are not valid UTF-8 (used after a byte-order mark, before <meta charset>), e.g. windows-1252."),
            OptionSpec("output-dir", value: "DIR", help: "Write one JSON file per input file instead of NDJSON: DIR/<file name>.json, a JSON array of its elements, as unstructured-ingest's local destination names it."),
        ] + ChunkingArguments.options(defaultStrategy: "none")
    )

    static func run(_ arguments: ParsedArguments) -> ExitStatus {
        let chunker: Chunker?
        let outputDirectory = arguments.value("output-dir").map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            guard !arguments.positionals.isEmpty else {
                throw UsageError("missing FILE: name one or more HTML files; run 'sfstream partition --help'")
            }
            chunker = try ChunkingArguments.parse(arguments, defaultStrategy: "none").map { Chunker(options: $0) }
            if let outputDirectory {
                try checkOutputNames(arguments.positionals)
                try RecordFileDestination.prepare(directory: outputDirectory.path)
            }
        } catch {
            writeStandardError("sfstream partition: error: \(error)")
            return .notStarted
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        var jsonWriter = ElementJSONWriter()
        var failures = 0
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                writeStandardError("sfstream partition: error: cannot read '\(path)': check the path and permissions")
                failures += 1
                continue
            }
            var metadata = ElementMetadata()
            metadata.filename = URL(fileURLWithPath: path).lastPathComponent
            metadata.filetype = "text/html"
            do {
                var elements = try HTMLPartitioner.partition(
                    htmlBytes: [UInt8](data), declaredEncoding: arguments.value("encoding"),
                    options: PartitionOptions(metadata: metadata)
                )
                if let chunker { elements = chunker.chunk(elements) }
                if let outputDirectory {
                    let name = URL(fileURLWithPath: path).lastPathComponent + ".json"
                    try RecordFileDestination.writeAtomically(IndentedJSON.array(of: elements), to: outputDirectory.appendingPathComponent(name))
                    continue
                }
                for element in elements { jsonWriter.write(element) }
                writer.append(jsonWriter.buffer)
                jsonWriter.removeAll()
                try writer.flush()
            } catch let error as OutputClosed {
                if !error.isBrokenPipe { writeStandardError("sfstream partition: error: \(error)") }
                // A file that cannot be written in --output-dir stops the run as stdout does.
                return .recordsFailed
            } catch let error as PartitionError where error.kind == .unknownEncoding {
                // The same --encoding would fail for every file: stop as a usage error.
                writeStandardError("sfstream partition: error: --encoding: \(error)")
                return .notStarted
            } catch {
                writeStandardError("sfstream partition: error: \(path): \(error)")
                failures += 1
            }
        }
        return failures == 0 ? .success : .recordsFailed
    }

    /// Rejects input files that share a name, because `--output-dir` names each output after
    /// its input file's name alone.
    private static func checkOutputNames(_ paths: [String]) throws {
        var seen: [String: String] = [:]
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if let earlier = seen[name] {
                throw UsageError("'\(earlier)' and '\(path)' would both be written to \(name).json in --output-dir: partition them in separate runs")
            }
            seen[name] = path
        }
    }
}
