import SFStream

/// The libFuzzer entry point: runs one input through every path a hostile document can reach.
///
/// The same bytes are read as a local file (with and without a declared encoding), as a decoded
/// Salesforce HTML field, as a plain-text field, and as one NDJSON line. Every element list is
/// checked by ``Invariants``, chunked with each of ``FuzzChunking/configurations``, and written to
/// NDJSON and read back. A broken invariant stops the process through `fatalError`, which
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
        // A local file, encoding sniffed from BOM, bytes and <meta>.
        if let elements = try? HTMLPartitioner.partition(htmlBytes: bytes, declaredEncoding: nil, options: options) {
            check(elements)
        }

        // A local file with `--encoding`; the input's length picks the label, so libFuzzer can
        // reach each one without a separate control byte that would shift the markup.
        let label = declaredEncodings[bytes.count % declaredEncodings.count]
        do {
            let elements = try HTMLPartitioner.partition(htmlBytes: bytes, declaredEncoding: label, options: options)
            check(elements)
        } catch {
            Invariants.require(label == "no-such-charset", "partition threw \(error) for known label \(label)")
        }

        // A Salesforce field: already Unicode, invalid UTF-8 repaired to U+FFFD by the decoder.
        let text = String(decoding: bytes, as: UTF8.self)
        check(HTMLPartitioner.partition(html: text, options: options))
        check(TextPartitioner.partition(text: text, options: options))

        // The reader must reject or accept any line without crashing.
        _ = try? ElementJSONReader.element(fromJSONLine: text)
    }

    static func check(_ elements: [Element]) {
        ElementDump.write("elements", elements)
        Invariants.checkPartition(elements)
        Invariants.checkRoundTrip(elements)
        for configuration in FuzzChunking.configurations {
            let options = configuration.chunker.options
            let chunks = configuration.chunker.chunk(elements)
            ElementDump.write("chunks (\(options.strategy), max_characters \(options.maxCharacters))", chunks)
            Invariants.checkChunks(chunks, options: options)
            Invariants.checkRoundTrip(chunks)
        }
    }
}
