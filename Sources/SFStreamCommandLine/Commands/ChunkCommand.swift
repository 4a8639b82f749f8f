import Foundation

/// `sfstream chunk`: the chunk stage alone, on elements read as NDJSON from stdin.
enum ChunkCommand {
    static let spec = CommandSpec(
        name: "chunk",
        brief: "Chunk NDJSON elements read from stdin.",
        summary: "Read elements as NDJSON on stdin and write chunks as NDJSON on stdout. Consecutive elements with the same metadata.filename form one document; chunks never span two documents.",
        usage: "sfstream chunk [options] < elements.ndjson",
        options: ChunkingArguments.options(defaultStrategy: "by_title") + [CommandLog.levelOption, OptionSpec.config]
    )

    static func run(_ arguments: ParsedArguments, logger: Logger) -> ExitStatus {
        let chunker: Chunker?
        do {
            chunker = try ChunkingArguments.parse(arguments, defaultStrategy: "by_title").map { Chunker(options: $0) }
        } catch {
            return StartFailure.report(error, command: spec)
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        var jsonWriter = ElementJSONWriter()
        var document: [Element] = []
        var lineNumber = 0
        var invalidLines = 0

        func flushDocument() throws {
            guard !document.isEmpty else { return }
            let output = chunker?.chunk(document) ?? document
            for element in output { jsonWriter.write(element) }
            writer.append(jsonWriter.buffer)
            jsonWriter.removeAll()
            document.removeAll()
            try writer.flush()
        }

        do {
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                // A deleted record's tombstone line is not an element: pass it on unchanged.
                if line.hasPrefix("{\"deleted\":true") {
                    try flushDocument()
                    writer.append(line: line)
                    try writer.flush()
                    continue
                }
                let element: Element
                do {
                    element = try ElementJSONReader.element(fromJSONLine: line)
                } catch {
                    // One bad file can hold millions of invalid lines: a constant message lets the
                    // repeat limiter cut them to a few lines a minute and a count.
                    logger.error("invalid element line skipped", metadata: ["line": "\(lineNumber)", "error": "\(error)"])
                    invalidLines += 1
                    continue
                }
                if let last = document.last, last.metadata.filename != element.metadata.filename {
                    try flushDocument()
                }
                document.append(element)
            }
            try flushDocument()
        } catch {
            let failure = error as? OutputClosed ?? OutputClosed(code: EIO)
            if !failure.isBrokenPipe { logger.error("\(failure)") }
            CommandLog.repeatLimiter.flush()
            return .recordsFailed
        }
        CommandLog.repeatLimiter.flush()
        return invalidLines == 0 ? .success : .recordsFailed
    }
}
