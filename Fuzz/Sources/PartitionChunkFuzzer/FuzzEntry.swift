import SFStream

/// The libFuzzer entry point: runs one input through every path a hostile document can reach.
///
/// The same bytes are read as a local file (with and without a declared encoding), as a decoded
/// Salesforce HTML field, as a plain-text field, and as one NDJSON line. Every element list is
/// checked by ``Invariants`` and chunked with one of ``FuzzChunking/configurations``, and the
/// elements and chunks of one path are written to NDJSON and read back. A broken invariant stops the process through `fatalError`, which
/// libFuzzer reports as a crash with the input saved.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzRun.run(bytes)
    return 0
}

enum FuzzRun {
    static let options: PartitionOptions = {
        var metadata = ElementMetadata()
        metadata.filename = "fuzz.html"
        metadata.filetype = "text/html"
        metadata.dataSource = DataSource(
            url: "https://example.invalid/services/data/v62.0/sobjects/EmailMessage/02s000000000001",
            version: "2026-01-01T00:00:00.000+0000",
            recordLocator: ["category": "EmailMessage", "id": "02s000000000001"],
            dateCreated: nil,
            dateModified: nil
        )
        return PartitionOptions(metadata: metadata)
    }()

    /// Charset labels given as the declared encoding: stateful, multi-byte, wide and unknown ones.
    static let declaredEncodings = ["utf-8", "windows-1252", "shift_jis", "iso-2022-jp", "utf-16", "gb2312", "no-such-charset"]

    static func run(_ bytes: [UInt8]) {
        // The input's length picks the declared encoding and which chunking configuration and
        // round trip each path gets, so libFuzzer reaches every combination by growing or
        // shrinking an input, without a control byte that would shift the markup. Chunking every
        // path with every configuration cost three times as much per input.
        let rotation = bytes.count

        // A local file, encoding sniffed from BOM, bytes and <meta>.
        if let elements = try? HTMLPartitioner.partition(htmlBytes: bytes, declaredEncoding: nil, options: options) {
            check(elements, path: 0, rotation: rotation)
        }

        // A local file with `--encoding`.
        let label = declaredEncodings[rotation % declaredEncodings.count]
        do {
            let elements = try HTMLPartitioner.partition(htmlBytes: bytes, declaredEncoding: label, options: options)
            check(elements, path: 1, rotation: rotation)
        } catch {
            Invariants.require(label == "no-such-charset", "partition threw \(error) for known label \(label)")
        }

        // A Salesforce field: already Unicode, invalid UTF-8 repaired to U+FFFD by the decoder.
        let text = String(decoding: bytes, as: UTF8.self)
        check(HTMLPartitioner.partition(html: text, options: options), path: 2, rotation: rotation)
        check(TextPartitioner.partition(text: text, options: options), path: 3, rotation: rotation)

        // The reader must reject or accept any line without crashing.
        _ = try? ElementJSONReader.element(fromJSONLine: text)
    }

    /// Checks one partition path's elements and its chunks. Writing NDJSON and reading it back
    /// costs more than partitioning and chunking together, so only one path of four does it.
    static func check(_ elements: [Element], path: Int, rotation: Int) {
        ElementDump.write("elements", elements)
        Invariants.checkPartition(elements)

        let configurations = FuzzChunking.configurations
        let chunker = configurations[(path + rotation) % configurations.count].chunker
        let chunks = chunker.chunk(elements)
        ElementDump.write("chunks (\(chunker.options.strategy), max_characters \(chunker.options.maxCharacters))", chunks)
        Invariants.checkChunks(chunks, options: chunker.options)

        if (path + rotation) % 4 == 0 {
            Invariants.checkRoundTrip(elements)
            Invariants.checkRoundTrip(chunks)
        }
    }
}
