import SFStreamElements
import SFStreamPartition
import Testing

@Suite struct TextPartitionerTests {
    private func partitionText(_ text: String) -> [Element] {
        var metadata = ElementMetadata()
        metadata.filename = "note.txt"
        return TextPartitioner.partition(text: text, options: PartitionOptions(metadata: metadata))
    }

    @Test func blankLinesSeparateParagraphs() {
        let elements = partitionText("Hello Alex,\n\nThe contract goes to legal\non Monday.\r\n \r\nSam")
        #expect(elements.map(\.text) == ["Hello Alex,", "The contract goes to legal on Monday.", "Sam"])
        #expect(elements.map(\.type) == [.uncategorizedText, .narrativeText, .uncategorizedText])
    }

    @Test func bulletLinesBecomeListItems() {
        let elements = partitionText(
            "Agenda:\n- Pricing\n* Support cases\n  that wrap\n• Review\n1. First\n2) Second\nAfter the list.")
        #expect(
            elements.map(\.text) == [
                "Agenda:", "Pricing", "Support cases that wrap", "Review", "First", "Second", "After the list.",
            ])
        #expect(
            elements.map(\.type) == [
                .uncategorizedText, .listItem, .listItem, .listItem, .listItem, .listItem, .narrativeText,
            ])
    }

    @Test func indentedBulletsNest() {
        let elements = partitionText("- Parent\n  - Child\n- Sibling")
        #expect(elements.map(\.metadata.categoryDepth) == [1, 2, 1])
        #expect(elements[1].metadata.parentID == elements[0].elementID)
    }

    @Test func fillerLinesAreBlank() {
        let elements = partitionText("One.\n\u{200C}\u{00A0}\u{FEFF}\nTwo.")
        #expect(elements.map(\.text) == ["One.", "Two."])
    }

    @Test func idsAreUniqueAndDeterministic() {
        let first = partitionText("Thanks,\n\nThanks,")
        let second = partitionText("Thanks,\n\nThanks,")
        #expect(first.map(\.elementID) == second.map(\.elementID))
        #expect(Set(first.map(\.elementID)).count == 2)
    }

    @Test func emptyTextYieldsNothing() {
        #expect(partitionText("").isEmpty)
        #expect(partitionText("\n \n\t\n").isEmpty)
    }
}

@Suite struct TextClassifierTests {
    @Test(arguments: [
        "We reviewed the renewal terms during the call today.",
        "First line.",
        "Can you send the invoice?",
        "見積書をお送りします。",
        "Мы отправили счёт вчера вечером.",
        "אנחנו שולחים את החשבונית היום.",
        "هل استلمت الفاتورة؟",
        "«Nous arrivons demain.»",
    ])
    func narrative(text: String) {
        #expect(TextClassifier.classify(text) == .narrativeText)
    }

    @Test(arguments: [
        "Hello Alex,", "Thanks,", "Sam Roe Account Executive Example Corp", "Agenda for Thursday:",
        "URGENT: PLEASE READ", "Total: $1,200", "1042", "Pay invoice 1042", "—", "報告書",
    ])
    func uncategorized(text: String) {
        #expect(TextClassifier.classify(text) == .uncategorizedText)
    }
}
