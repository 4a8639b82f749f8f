import Foundation
import SFStream

/// A set of HTML documents, decoded to Unicode, that every stage benchmark reads.
struct DocumentSet: Sendable {
    var name: String
    var documents: [String]

    var totalBytes: Int { documents.reduce(0) { $0 + $1.utf8.count } }

    /// Reads the public corpus the emulator serves (`Sources/SalesforceEmulator/Corpus`) from disk
    /// in `MANIFEST.json` order, decoded as `sfstream partition` decodes a file given no
    /// `--encoding`.
    static func corpus() throws -> DocumentSet {
        let directory = packageRoot.appendingPathComponent("Sources/SalesforceEmulator/Corpus")
        let manifestData = try Data(contentsOf: directory.appendingPathComponent("MANIFEST.json"))
        guard let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [[String: Any]] else {
            throw BenchmarkError("\(directory.path)/MANIFEST.json is not a JSON array of objects")
        }
        var documents: [String] = []
        for entry in manifest {
            guard let file = entry["file"] as? String else { continue }
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            documents.append(try HTMLPartitioner.decode(htmlBytes: [UInt8](bytes), declaredEncoding: nil))
        }
        guard !documents.isEmpty else { throw BenchmarkError("no documents listed in \(directory.path)/MANIFEST.json") }
        return DocumentSet(name: "corpus", documents: documents)
    }

    /// Returns one synthetic e-mail of about 20 KB, repeated `count` times.
    static func syntheticEmail(count: Int) -> DocumentSet {
        DocumentSet(name: "synthetic", documents: Array(repeating: SyntheticEmail.html, count: count))
    }

    /// The package root, found from this file's path so the benchmark runs from any directory.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // sfstream-benchmarks
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
