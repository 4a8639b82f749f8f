import SFStream

/// The properties every element list must have, whatever the input. Each failure names the
/// property, so a crash report shows which contract broke.
enum Invariants {
    /// Stops the process like `precondition`, but keeps the message in `-O` builds, where
    /// `precondition` traps without one.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { failInvariant(message()) }
    }

    static func failInvariant(_ message: String) -> Never {
        fatalError("invariant broken: \(message)")
    }

    /// Checks partition output: non-empty text, unique ids, parent ids naming an earlier element.
    static func checkPartition(_ elements: [Element]) {
        var seen: Set<String> = []
        for element in elements {
            require(!element.text.isEmpty, "partition wrote an element with empty text: \(element.type)")
            require(element.elementID.count == 32, "element id is not 32 hex digits: \(element.elementID)")
            if let parent = element.metadata.parentID {
                require(seen.contains(parent), "parent_id \(parent) names no earlier element")
            }
            require(seen.insert(element.elementID).inserted, "duplicate element id \(element.elementID)")
        }
    }

    /// Checks chunk output: non-empty text within the hard limit, unique ids, and for tables split as
    /// HTML, `text_as_html` within the hard limit too.
    static func checkChunks(_ chunks: [Element], options: ChunkingOptions) {
        var seen: Set<String> = []
        for chunk in chunks {
            require(!chunk.text.isEmpty, "chunker wrote a \(chunk.type) with empty text (\(options.strategy), max_characters \(options.maxCharacters))")
            let textCount = chunk.text.unicodeScalars.count
            require(
                textCount <= options.maxCharacters,
                "\(chunk.type) text of \(textCount) scalars exceeds max_characters \(options.maxCharacters)")
            require(seen.insert(chunk.elementID).inserted, "duplicate chunk id \(chunk.elementID)")

            guard chunk.type == .table || chunk.type == .tableChunk, let html = chunk.metadata.textAsHTML else {
                continue
            }
            let htmlCount = html.unicodeScalars.count
            require(
                htmlCount <= options.maxCharacters,
                "\(chunk.type) text_as_html of \(htmlCount) scalars exceeds max_characters \(options.maxCharacters)")
        }
    }

    /// Checks that writing each element as an NDJSON line and reading it back gives the same
    /// element, and that the buffer contains exactly one line per element.
    static func checkRoundTrip(_ elements: [Element]) {
        var writer = ElementJSONWriter()
        for element in elements {
            writer.write(element)
        }
        let newlineCount = writer.buffer.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        require(newlineCount == elements.count, "NDJSON has \(newlineCount) lines for \(elements.count) elements")

        let lines = writer.buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        for (element, line) in zip(elements, lines) {
            let text = String(decoding: line, as: UTF8.self)
            let decoded: Element
            do {
                decoded = try ElementJSONReader.element(fromJSONLine: text)
            } catch {
                failInvariant("reader rejected the writer's line: \(error)")
            }
            require(decoded == element, "NDJSON round trip changed the element: \(text) read back as \(ElementJSONWriter.line(for: decoded))")
        }
    }
}
