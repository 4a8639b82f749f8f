import Foundation

/// The HTML e-mails and pages that become `EmailMessage.HtmlBody` values, decoded to Unicode.
final class EmailCorpus: Sendable {
    struct Document: Sendable {
        /// The path relative to the corpus folder, for example `talon/gmail.html`.
        let name: String
        let html: String
        /// The iconv name of the charset the bytes were decoded from.
        let charset: String
        /// The text without markup, served as the record's `TextBody`.
        let text: String
        /// The `<title>`, served as the record's `Subject` when it is not empty.
        let title: String?

        init(name: String, html: String, charset: String) {
            self.name = name
            self.html = html
            self.charset = charset
            self.text = HTMLText.plainText(of: html)
            self.title = HTMLText.title(of: html)
        }
    }

    let documents: [Document]

    init(documents: [Document]) {
        self.documents = documents
    }

    /// Loads a corpus folder. A `MANIFEST.json` (a list of objects with `file` and optional
    /// `mime_charset`) gives the files and their order. Without one, every `.html` and `.htm` file
    /// below the folder is loaded in path order.
    convenience init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EmulatorError.invalidCorpus("\(directory.path) is not a directory")
        }
        let manifestURL = directory.appendingPathComponent("MANIFEST.json")
        var entries: [(file: String, mimeCharset: String?)] = []
        if let data = try? Data(contentsOf: manifestURL) {
            guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw EmulatorError.invalidCorpus("\(manifestURL.path) is not a JSON array of objects")
            }
            entries = list.compactMap { entry in
                guard let file = entry["file"] as? String else { return nil }
                return (file, entry["mime_charset"] as? String)
            }
        } else {
            entries = try Self.htmlFiles(below: directory).map { ($0, nil) }
        }
        guard !entries.isEmpty else {
            throw EmulatorError.invalidCorpus("\(directory.path) contains no .html or .htm files and no MANIFEST.json entries")
        }
        let documents = try entries.map { entry -> Document in
            let url = directory.appendingPathComponent(entry.file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw EmulatorError.invalidCorpus("cannot read corpus file \(url.path)")
            }
            let decoded = CharsetDecoder.decode(Array(data), mimeCharset: entry.mimeCharset)
            return Document(name: entry.file, html: decoded.text, charset: decoded.charset)
        }
        self.init(documents: documents)
    }

    /// Returns the corpus bundled with this module (`Sources/SalesforceEmulator/Corpus`), loading it once per process.
    static func bundled() throws -> EmailCorpus {
        try bundledCorpus.get()
    }

    static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "Corpus", withExtension: nil)
    }

    private static let bundledCorpus: Result<EmailCorpus, EmulatorError> = {
        guard let url = bundledDirectory else {
            return .failure(.invalidCorpus("the bundled Corpus folder is missing from the module's resources"))
        }
        do {
            return .success(try EmailCorpus(directory: url))
        } catch let error as EmulatorError {
            return .failure(error)
        } catch {
            return .failure(.invalidCorpus("\(error)"))
        }
    }()

    private static func htmlFiles(below directory: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            throw EmulatorError.invalidCorpus("cannot list \(directory.path)")
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let lowercased = path.lowercased()
            if lowercased.hasSuffix(".html") || lowercased.hasSuffix(".htm") {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
