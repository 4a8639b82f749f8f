import Testing

@testable import SFStreamCommandLine

@Suite struct RunSummaryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var summary: RunSummary
        var expected: String
        var testDescription: String { expected }
    }

    static func summary(
        read: Int, delivered: Int = 0, deleted: Int = 0, unchanged: Int = 0, failed: Int = 0,
        elements: Int = 0, retries: Int = 0
    ) -> RunSummary {
        RunSummary(
            recordsRead: read, recordsDelivered: delivered, recordsDeleted: deleted, recordsUnchanged: unchanged,
            recordsFailed: failed, elements: elements, retries: retries, seconds: 1.5)
    }

    static let cases: [Case] = [
        Case(summary: summary(read: 0), expected: "0 records read; 0 elements, 0 retries, 1.5 s"),
        Case(summary: summary(read: 1, delivered: 1, elements: 1, retries: 1),
             expected: "1 record read: 1 delivered, 0 failed; 1 element, 1 retry, 1.5 s"),
        // Unchanged records were read, so they count in the total that the parts add up to.
        Case(summary: summary(read: 1, unchanged: 1),
             expected: "1 record read: 0 delivered, 1 unchanged, 0 failed; 0 elements, 0 retries, 1.5 s"),
        Case(summary: summary(read: 12, delivered: 5, deleted: 2, unchanged: 3, failed: 2, elements: 40, retries: 3),
             expected: "12 records read: 5 delivered, 2 deleted, 3 unchanged, 2 failed; 40 elements, 3 retries, 1.5 s"),
        Case(summary: summary(read: 2, deleted: 2),
             expected: "2 records read: 0 delivered, 2 deleted, 0 failed; 0 elements, 0 retries, 1.5 s"),
        // A run stopped by a signal leaves records read but not yet delivered or failed.
        Case(summary: summary(read: 100, delivered: 40, failed: 1, elements: 90),
             expected: "100 records read: 40 delivered, 1 failed, 59 not finished; 90 elements, 0 retries, 1.5 s"),
    ]

    @Test(arguments: cases)
    func summaryText(_ testCase: Case) {
        #expect(testCase.summary.text == testCase.expected)
    }
}
