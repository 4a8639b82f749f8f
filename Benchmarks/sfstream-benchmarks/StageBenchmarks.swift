import Foundation
import SFStream

/// The parse, chunk and encode stages alone and together, on one thread, as one partition
/// worker runs them (`--workers 1`).
struct StageBenchmarks {
    var set: DocumentSet
    var runs: Int
    /// Passes over the set in one timed run, so a run lasts long enough to time.
    var passes: Int
    /// by_title with `unstructured`'s defaults, the chunking `sfstream salesforce` applies.
    let chunker = Chunker(options: try! ChunkingOptions(strategy: .byTitle))

    /// Metadata like the pipeline's: a filename and the HTML file type on every element.
    let options: PartitionOptions = {
        var metadata = ElementMetadata()
        metadata.filename = "02s000000000001AAA.html"
        metadata.filetype = "text/html"
        return PartitionOptions(metadata: metadata)
    }()

    /// The same, with ids left to the chunker, as the pipeline partitions when it chunks next.
    var chunkingOptions: PartitionOptions {
        var options = options
        options.idAssignment = .omitted
        return options
    }

    func figures() -> [Figure] {
        let documents = Array([[String]](repeating: set.documents, count: passes).joined())
        let bytes = set.totalBytes * passes

        let partitioned = documents.map { HTMLPartitioner.partition(html: $0, options: options) }
        let elementCount = partitioned.reduce(0) { $0 + $1.count }
        let partitionedForChunking = documents.map { HTMLPartitioner.partition(html: $0, options: chunkingOptions) }
        let chunked = partitionedForChunking.map { chunker.chunk($0) }
        precondition(
            chunked.map { $0.map(\.elementID) } == partitioned.map { chunker.chunk($0).map(\.elementID) },
            "chunk ids depend on whether the partitioner assigned element ids")
        let chunkCount = chunked.reduce(0) { $0 + $1.count }

        var textBytes = 0
        let rows: [(name: String, note: String?, body: () -> Void)] = [
            ("libxml2 floor", "htmlReadMemory + text walk + xmlFreeDoc", {
                textBytes = 0
                for document in documents { textBytes += LibXML2Floor.parseAndWalk(document) }
            }),
            ("libxml2 events", "SAX parse, callbacks only sum text lengths (no tree)", {
                var eventBytes = 0
                for document in documents { eventBytes += LibXML2Floor.parseEvents(document) }
                precondition(eventBytes > 0, "the event parse saw no text")
            }),
            ("partition", nil, {
                var count = 0
                for document in documents { count += HTMLPartitioner.partition(html: document, options: options).count }
                precondition(count == elementCount, "partition output changed between runs")
            }),
            ("chunk", "by_title defaults on the partition output; \(chunkCount) chunks a run", {
                var count = 0
                for elements in partitionedForChunking { count += chunker.chunk(elements).count }
                precondition(count == chunkCount, "chunk output changed between runs")
            }),
            ("encode", "NDJSON of the chunks", {
                var writer = ElementJSONWriter(reservingCapacity: 1 << 16)
                for chunks in chunked {
                    for chunk in chunks { writer.write(chunk) }
                    writer.removeAll()
                }
            }),
            ("partition+chunk", nil, {
                var count = 0
                for document in documents {
                    count += chunker.chunk(HTMLPartitioner.partition(html: document, options: chunkingOptions)).count
                }
                precondition(count == chunkCount, "chunk output changed between runs")
            }),
            ("partition+chunk+encode", nil, {
                var writer = ElementJSONWriter(reservingCapacity: 1 << 16)
                for document in documents {
                    for chunk in chunker.chunk(HTMLPartitioner.partition(html: document, options: chunkingOptions)) {
                        writer.write(chunk)
                    }
                    writer.removeAll()
                }
            }),
        ]
        let samples = Measurement.interleavedSamples(runs: runs, rows.map(\.body))
        precondition(textBytes > 0, "the floor walk saw no text")

        // Each row's ratio is the median, over the rounds, of the floor's time divided by the
        // row's time in the same round.
        let floorSamples = samples[0]
        return zip(rows, samples).map { row, rowSamples in
            var figure = Figure.documents(
                row.name, input: set.name, samples: rowSamples, documents: documents.count, bytes: bytes,
                elements: elementCount, note: row.note)
            figure.ratioToFloor = Measurement.median(zip(floorSamples, rowSamples).map { $0.wall / $1.wall })
            return figure
        }
    }
}

extension StageBenchmarks {
    /// Runs one stage over the corpus `passes` times and nothing else, for a profiler. Chunk and
    /// encode read partition output made before the passes.
    static func profile(stage: String, passes: Int) throws {
        let stages = StageBenchmarks(set: try .corpus(), runs: 1, passes: 1)
        let documents = stages.set.documents
        var partitioned: [[Element]] = []
        if stage == "chunk" || stage == "encode" {
            partitioned = documents.map { HTMLPartitioner.partition(html: $0, options: stages.chunkingOptions) }
        }
        if stage == "encode" { partitioned = partitioned.map { stages.chunker.chunk($0) } }
        var count = 0
        for _ in 0..<passes {
            switch stage {
            case "floor":
                for document in documents { count += LibXML2Floor.parseAndWalk(document) }
            case "events":
                for document in documents { count += LibXML2Floor.parseEvents(document) }
            case "partition":
                for document in documents { count += HTMLPartitioner.partition(html: document, options: stages.options).count }
            case "partition+chunk":
                for document in documents {
                    count += stages.chunker.chunk(HTMLPartitioner.partition(html: document, options: stages.chunkingOptions)).count
                }
            case "chunk":
                for elements in partitioned { count += stages.chunker.chunk(elements).count }
            case "encode":
                var writer = ElementJSONWriter(reservingCapacity: 1 << 16)
                for chunks in partitioned {
                    for chunk in chunks { writer.write(chunk) }
                    count += writer.buffer.count
                    writer.removeAll()
                }
            default:
                throw BenchmarkError("unknown stage '\(stage)': expected partition, chunk, partition+chunk, encode, floor or events")
            }
        }
        print("\(stage): \(count)")
    }
}
