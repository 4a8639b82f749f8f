import SalesforceEmulator
import Synchronization

/// Responses handed out in order, one per request; the last one repeats once the list runs out.
final class ResponseQueue: Sendable {
    private let responses: Mutex<[HTTPResponse]>

    init(_ responses: [HTTPResponse]) {
        self.responses = Mutex(responses)
    }

    func next() -> HTTPResponse {
        responses.withLock { queue in
            queue.count > 1 ? queue.removeFirst() : (queue.first ?? .text(status: 500, "empty queue"))
        }
    }
}

/// A counter shared between a stub handler and the test.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new value.
    func increment() -> Int {
        value.withLock { $0 += 1; return $0 }
    }

    var current: Int { value.withLock { $0 } }
}
