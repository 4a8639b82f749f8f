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
            CommandLog.levelOption,
        ] + ChunkingArguments.options(defaultStrategy: "none")
    )

    static func run(_ arguments: ParsedArguments, logger: Logger) -> ExitStatus {
        let chunker: Chunker?
        do {
            guard !arguments.positionals.isEmpty else {
                throw UsageError("missing FILE: name one or more HTML files; run 'sfstream partition --help'")
            }
            chunker = try ChunkingArguments.parse(arguments, defaultStrategy: "none").map { Chunker(options: $0) }
        } catch {
            logger.error("\(error)")
            return .notStarted
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        var jsonWriter = ElementJSONWriter()
        var failures = 0
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                logger.error("cannot read '\(path)': check the path and permissions")
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
                for element in elements { jsonWriter.write(element) }
                writer.append(jsonWriter.buffer)
                jsonWriter.removeAll()
                try writer.flush()
            } catch let error as OutputClosed {
                if !error.isBrokenPipe { logger.error("\(error)") }
                return .recordsFailed
            } catch let error as PartitionError where error.kind == .unknownEncoding {
                // The same --encoding would fail for every file: stop as a usage error.
                logger.error("--encoding: \(error)")
                return .notStarted
            } catch {
                logger.error("\(path): \(error)")
                failures += 1
            }
        }
        return failures == 0 ? .success : .recordsFailed
    }
}
