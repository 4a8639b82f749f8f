import SFStreamElements
import SFStreamPartition
import Testing

/// Element ids follow `unstructured`'s scheme: the first 32 hex digits of SHA-256 over
/// `filename + text + "None" + index`. The expected ids were computed with Python's `hashlib`.
struct ElementIDSchemeTests {
    @Test func partitionGivesUnstructuredIDs() {
        var metadata = ElementMetadata()
        metadata.filename = "notes.html"
        let html = "<p>Hello there.</p><p>Second paragraph.</p><p>Café — ünïcode.</p>"
        let elements = HTMLPartitioner.partition(html: html, options: PartitionOptions(metadata: metadata))
        #expect(elements.map(\.text) == ["Hello there.", "Second paragraph.", "Café — ünïcode."])
        #expect(
            elements.map(\.elementID) == [
                "cd3ce8b23fd1ea8577fce50b22c0b01f", "0b035d69c7bc53753e0cec61599f1307",
                "f605c63a97a1ea95ae2cff80eb2c0e42",
            ])
    }

    @Test func parentIDsNameTheNewIDs() {
        var metadata = ElementMetadata()
        metadata.filename = "notes.html"
        let html = "<h1>Heading</h1><p>Under the heading.</p><h2>Sub</h2><p>Under the sub.</p>"
        let elements = HTMLPartitioner.partition(html: html, options: PartitionOptions(metadata: metadata))
        #expect(elements.count == 4)
        #expect(elements[0].metadata.parentID == nil)
        #expect(elements[1].metadata.parentID == elements[0].elementID)
        #expect(elements[2].metadata.parentID == elements[0].elementID)
        #expect(elements[3].metadata.parentID == elements[2].elementID)
        #expect(Set(elements.map(\.elementID)).count == 4)
    }
}
