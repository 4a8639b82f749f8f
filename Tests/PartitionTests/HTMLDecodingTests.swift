import SFStreamElements
import SFStreamPartition
import Testing

@Suite struct HTMLDecodingTests {
    private func partitionBytes(_ bytes: [UInt8], declared: String? = nil) throws -> [String] {
        try HTMLPartitioner.partition(htmlBytes: bytes, declaredEncoding: declared, options: PartitionOptions())
            .map(\.text)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Grüße 見積</p>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try partitionBytes(bytes) == ["Grüße 見積"])
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "<p>Grüße</p>".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try partitionBytes(bytes) == ["Grüße"])
    }

    @Test func utf8BOMOverridesMeta() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=iso-8859-15><p>café</p>".utf8)
        #expect(try partitionBytes(bytes) == ["café"])
    }

    @Test func declaredEncodingDecodesLegacyBytes() throws {
        // "Привет" in windows-1251.
        let bytes = Array("<p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("</p>".utf8)
        #expect(try partitionBytes(bytes, declared: "windows-1251") == ["Привет"])
    }

    @Test func metaCharsetDecodesLegacyBytes() throws {
        // "日本" in Shift_JIS.
        let bytes =
            Array(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>"
                    .utf8)
            + [0x93, 0xFA, 0x96, 0x7B] + Array("</p></body></html>".utf8)
        #expect(try partitionBytes(bytes) == ["日本"])
    }

    @Test func iso2022JapaneseByMeta() throws {
        // "日本" in ISO-2022-JP is plain 7-bit bytes, so only the declaration can identify it.
        let bytes =
            Array("<meta charset=\"iso-2022-jp\"><p>".utf8) + [
                0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42,
            ]
            + Array("</p>".utf8)
        #expect(try partitionBytes(bytes) == ["日本"])
    }

    @Test func validUTF8WinsOverStaleDeclaration() throws {
        let bytes = Array("<meta charset=gb2312><p>café</p>".utf8)
        #expect(try partitionBytes(bytes) == ["café"])
        #expect(try partitionBytes(bytes, declared: "windows-1251") == ["café"])
    }

    @Test func undeclaredLegacyBytesFallBackToWindows1252() throws {
        // "très — €5" in windows-1252.
        let bytes = Array("<p>tr".utf8) + [0xE8] + Array("s ".utf8) + [0x97, 0x20, 0x80] + Array("5</p>".utf8)
        #expect(try partitionBytes(bytes) == ["très — €5"])
    }

    @Test func latin1LabelUsesWindows1252() throws {
        let bytes = Array("<p>".utf8) + [0x93, 0x71, 0x94] + Array("</p>".utf8)
        #expect(try partitionBytes(bytes, declared: "ISO-8859-1") == ["“q”"])
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        let bytes = Array("<p>ok ".utf8) + [0xFF] + Array(" ok</p>".utf8)
        #expect(try partitionBytes(bytes, declared: "utf-8") == ["ok \u{FFFD} ok"])
    }

    @Test func unknownEncodingThrows() {
        #expect(throws: PartitionError.self) {
            try HTMLPartitioner.partition(
                htmlBytes: Array("<p>x</p>".utf8), declaredEncoding: "no-such-charset", options: PartitionOptions())
        }
        do {
            _ = try HTMLPartitioner.partition(htmlBytes: [], declaredEncoding: "klingon-8", options: PartitionOptions())
            Issue.record("expected an error")
        } catch let error as PartitionError {
            #expect(error.description.contains("klingon-8"))
            #expect(error.kind == .unknownEncoding)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func emptyBytesYieldNothing() throws {
        #expect(try partitionBytes([]).isEmpty)
    }
}
