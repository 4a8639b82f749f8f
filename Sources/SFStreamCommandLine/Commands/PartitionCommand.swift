import Foundation

/// `sfstream partition FILE...`: the parse stage alone, on local HTML files.
enum PartitionCommand {
    static let spec = CommandSpec(
        name: "partition",
        brief: "Partition local HTML files into elements.",
        summary: "Partition local HTML files into elements and write them to stdout as NDJSON, one element a line, file by file.",
        usage: "sfstream partition [options] FILE...",
        options: [
            OptionSpec("encoding", value: "NAME", help: "Charset of files that are not valid UTF-8 (used after a byte-order mark, before <meta charset>), e.g. windows-1252 (default: <meta charset>, else windows-1252)."),
            OptionSpec("output-dir", value: "DIR", help: "Write one JSON file per input file instead of NDJSON: DIR/<file name>.json, a JSON array of its elements, as unstructured-ingest's local destination names it (default: stdout)."),
            CommandLog.levelOption,
        ] + ChunkingArguments.options(defaultStrategy: "none") + [OptionSpec.config]
    )

    static func run(_ arguments: ParsedArguments, logger: Logger) -> ExitStatus {
        let chunker: Chunker?
        let encoding = arguments.value("encoding")
        let outputDirectory = arguments.value("output-dir").map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            guard !arguments.positionals.isEmpty else {
                throw UsageError("missing FILE: name one or more HTML files")
            }
            if let encoding {
                do {
                    // An unknown name is rejected even for empty input, before any file is read.
                    _ = try HTMLPartitioner.decode(htmlBytes: [], declaredEncoding: encoding)
                } catch {
                    throw arguments.invalidValue("encoding", expected: "a charset name that iconv knows, such as windows-1252 or iso-8859-15")
                }
            }
            chunker = try ChunkingArguments.parse(arguments, defaultStrategy: "none").map { Chunker(options: $0) }
            if let outputDirectory {
                try checkOutputNames(arguments.positionals)
                try RecordFileDestination.prepare(directory: outputDirectory.path)
            }
        } catch {
            return StartFailure.report(error, command: spec)
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        var jsonWriter = ElementJSONWriter()
        var missingFiles = 0
        var failures = 0
        // A missing file is reported and the others are still written, as cat(1) does.
        for path in arguments.positionals {
            let data: Data
            switch readInput(path) {
            case .success(let contents):
                data = contents
            case .failure(let error):
                logger.error("\(error)")
                missingFiles += 1
                continue
            }
            var metadata = ElementMetadata()
            metadata.filename = URL(fileURLWithPath: path).lastPathComponent
            metadata.filetype = "text/html"
            do {
                var elements = try HTMLPartitioner.partition(
                    htmlBytes: [UInt8](data), declaredEncoding: encoding,
                    options: PartitionOptions(metadata: metadata, idAssignment: chunker == nil ? .final : .omitted)
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
                if !error.isBrokenPipe { logger.error("\(error)") }
                // A file that cannot be written in --output-dir stops the run as stdout does.
                return .recordsFailed
            } catch {
                logger.error("\(path): \(error)")
                failures += 1
            }
        }
        if missingFiles > 0 { return .noInput }
        return failures == 0 ? .success : .recordsFailed
    }

    /// Reads one input file; a file that does not exist or cannot be opened is an ``InputFileError``.
    private static func readInput(_ path: String) -> Result<Data, InputFileError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(InputFileError("'\(path)' not found: check the path"))
        }
        guard !isDirectory.boolValue else {
            return .failure(InputFileError("'\(path)' is a folder: name the HTML files in it"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputFileError("'\(path)' cannot be opened for reading: check its permissions"))
        }
        return .success(data)
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
