import Foundation
@testable import SalesforceEmulator
import Testing

@Suite("Corpus decoding")
struct CorpusTests {
    static func document(_ name: String) throws -> EmailCorpus.Document {
        try #require(try EmailCorpus.bundled().documents.first { $0.name == name }, "\(name) not in the corpus")
    }

    @Test func windows1252WithoutDeclaration() throws {
        let document = try Self.document("unstructured-example-docs/fake-html-cp1252.html")

        #expect(document.charset == "WINDOWS-1252")
        #expect(document.html.contains("Der Preis betrug 15,50 €."))
        #expect(document.html.contains("El niño comió paella con ñoquis."))
    }

    @Test func hebrewFromMIMECharset() throws {
        let document = try Self.document("unstructured-example-docs/email-no-utf8-2008-07-16.062410.html")

        #expect(document.charset == "WINDOWS-1255")
        #expect(document.html.contains("סלבה היקר"))
    }

    @Test func utf16ByByteOrderMark() throws {
        let document = try Self.document("unstructured-example-docs/example-steelJIS-datasheet-utf-16.html")

        #expect(document.charset == "UTF-16LE")
        #expect(document.html.contains("日本語"))
        #expect(!document.html.hasPrefix("\u{FEFF}"))
    }

    @Test func iso2022JPFromMeta() throws {
        let document = try Self.document("talon/ms_outlook_2010.html")

        #expect(document.charset == "ISO-2022-JP")
        #expect(!document.html.contains("\u{1B}"))
    }

    /// The manifest's `decode_as` names the codec (Python's spelling) that reference outputs used;
    /// the emulator's decoder must pick the same one for every file where it is set.
    @Test func decoderAgreesWithManifest() throws {
        let url = try #require(EmailCorpus.bundledDirectory)
        let manifestData = try Data(contentsOf: url.appendingPathComponent("MANIFEST.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [[String: Any]])
        let documents = try EmailCorpus.bundled().documents
        let expected: [String: String] = [
            "utf-8": "UTF-8", "utf-8-sig": "UTF-8", "ascii": "US-ASCII", "iso8859-1": "ISO-8859-1", "cp1255": "WINDOWS-1255",
            "gb18030": "GB18030", "iso2022_jp": "ISO-2022-JP",
        ]
        #expect(documents.count == manifest.count)
        for (entry, document) in zip(manifest, documents) {
            guard let decodeAs = entry["decode_as"] as? String else { continue }
            #expect(entry["file"] as? String == document.name)
            if decodeAs == "utf-16" {
                #expect(document.charset.hasPrefix("UTF-16"), "\(document.name)")
            } else if decodeAs == "ascii" {
                #expect(["US-ASCII", "UTF-8"].contains(document.charset), "\(document.name)")
            } else {
                #expect(document.charset == expected[decodeAs], "\(document.name): \(decodeAs)")
            }
        }
    }

    @Test func servedHtmlBodyIsDecodedText() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let documents = try EmailCorpus.bundled().documents
        let position = try #require(documents.firstIndex { $0.name == "unstructured-example-docs/fake-html-cp1252.html" })
        let id = try harness.emulator.recordIDs("EmailMessage")[position]

        let reply = try await harness.get("/services/data/v62.0/composite/sobjects/EmailMessage?ids=\(id)&fields=HtmlBody", token: token)
        let record = try #require((try reply.json() as? [Any])?.first as? [String: Any])

        #expect(reply.header("Content-Type") == "application/json;charset=UTF-8")
        #expect((record["HtmlBody"] as? String)?.contains("15,50 €") == true)
    }
}
