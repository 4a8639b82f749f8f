import Foundation
import Testing

@Suite(.timeLimit(.minutes(10))) struct PartitionAndChunkCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/SalesforceEmulator/Corpus")

    static let sample = corpus.appendingPathComponent("mailchimp-email-blueprints/2col-1-2.html")

    func objects(_ result: ToolProcess.Result) throws -> [[String: Any]] {
        try result.stdoutLines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func partitionWritesElementsNamedByFile() async throws {
        let result = try await ToolProcess.run(["partition", Self.sample.path])
        #expect(result.status == 0, "\(result.stderr)")
        let elements = try objects(result)
        #expect(!elements.isEmpty)
        for element in elements {
            let metadata = try #require(element["metadata"] as? [String: Any])
            #expect(metadata["filename"] as? String == "2col-1-2.html")
            #expect(metadata["filetype"] as? String == "text/html")
        }
        #expect(elements.contains { $0["type"] as? String == "Title" })
    }

    @Test func chunkReadsPartitionOutput() async throws {
        let partitioned = try await ToolProcess.run(["partition", Self.sample.path])
        let chunked = try await ToolProcess.run(["chunk", "--max-characters", "300"], input: partitioned.stdout)
        #expect(chunked.status == 0, "\(chunked.stderr)")
        let chunks = try objects(chunked)
        #expect(!chunks.isEmpty)
        #expect(chunks.count < partitioned.stdoutLines.count)
        for chunk in chunks {
            let type = try #require(chunk["type"] as? String)
            #expect(["CompositeElement", "Table", "TableChunk"].contains(type))
            #expect((chunk["text"] as? String ?? "").unicodeScalars.count <= 300)
        }
    }

    @Test func chunkReportsInvalidLinesAndGoesOn() async throws {
        let input = Data("{\"type\":\"NarrativeText\",\"element_id\":\"a\",\"text\":\"Hello.\",\"metadata\":{}}\nnot json\n".utf8)
        let result = try await ToolProcess.run(["chunk"], input: input)
        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("sfstream chunk: error: invalid element line skipped "))
        #expect(result.stderr.contains(" line=2"))
    }

    @Test func chunkLimitsRepeatedInvalidLines() async throws {
        let input = Data(String(repeating: "not json\n", count: 25).utf8)
        let result = try await ToolProcess.run(["chunk"], input: input)
        #expect(result.status == 1)
        let reported = result.stderrLines.filter { $0.contains("invalid element line skipped") }
        #expect(reported.count == 11, "\(result.stderr)")
        #expect(reported.prefix(10).map { $0.contains(" line=") } == Array(repeating: true, count: 10))
        #expect(reported.last?.hasSuffix(" repeats_suppressed=15") == true, "\(result.stderr)")
    }

    /// Known metadata fields of the wrong JSON type, with the field each error names.
    static let mistypedFields: [(metadata: String, field: String)] = [
        (#""filename": 5"#, "metadata.filename"),
        (#""category_depth": "x""#, "metadata.category_depth"),
        (#""languages": "en""#, "metadata.languages"),
        (#""languages": ["en", 1]"#, "metadata.languages"),
        (#""is_continuation": 1"#, "metadata.is_continuation"),
        (#""chunk_index": true"#, "metadata.chunk_index"),
        (#""data_source": {"url": ["sk-live-SECRET-VALUE"]}"#, "metadata.data_source.url"),
        (#""data_source": "sk-live-SECRET-VALUE""#, "metadata.data_source"),
    ]

    @Test(arguments: mistypedFields)
    func chunkRejectsMistypedMetadataField(metadata: String, field: String) async throws {
        let valid = #"{"type":"NarrativeText","element_id":"a","text":"Hello.","metadata":{"filename":"a.html"}}"#
        let mistyped = #"{"type":"NarrativeText","element_id":"b","text":"Secret sk-live-SECRET-VALUE.","metadata":{"#
            + metadata + "}}"
        let result = try await ToolProcess.run(["chunk"], input: Data((valid + "\n" + mistyped + "\n").utf8))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdoutLines.count == 1, "\(result.stdoutText)")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("sfstream chunk: error: invalid element line skipped "), "\(result.stderr)")
        #expect(result.stderr.contains(" line=2"), "\(result.stderr)")
        #expect(result.stderr.contains("'\(field)'"), "\(result.stderr)")
        #expect(!result.stderr.contains("SECRET"), "\(result.stderr)")
    }

    @Test func chunkKeepsUnknownMetadataFields() async throws {
        let line = #"{"type":"NarrativeText","element_id":"a","text":"Hello.","metadata":{"filename":"a.html","#
            + #""category_depth":null,"custom_label":"kept","page_number":3,"coordinates":{"points":[]}}}"#
        let result = try await ToolProcess.run(["chunk", "--chunking-strategy", "none"], input: Data((line + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let element = try #require(try objects(result).first)
        let metadata = try #require(element["metadata"] as? [String: Any])
        #expect(metadata["custom_label"] as? String == "kept")
        #expect(metadata["filename"] as? String == "a.html")
    }

    @Test func unknownEncodingIsAUsageError() async throws {
        let result = try await ToolProcess.run(["partition", "--encoding", "klingon-8", Self.sample.path])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderr.contains("klingon-8"))
    }

    @Test func missingFileFailsButOthersAreWritten() async throws {
        let result = try await ToolProcess.run(["partition", "/nonexistent/missing.html", Self.sample.path])
        #expect(result.status == 66)
        #expect(!result.stdoutLines.isEmpty)
        #expect(result.stderr.contains("missing.html"))
    }
}

@Suite struct ChunkTombstoneTests {
    @Test func tombstoneLinesPassThroughChunk() async throws {
        let tombstone = #"{"deleted":true,"record_locator":{"category":"Case","id":"500xx"},"url":"https://x/500xx"}"#
        let element = #"{"type":"NarrativeText","element_id":"a","text":"Hello there.","metadata":{"filename":"a.txt"}}"#
        let result = try await ToolProcess.run(["chunk"], input: Data((element + "\n" + tombstone + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == 2)
        #expect(result.stdoutLines.last == tombstone)
    }
}
