/// The synchronous state machine behind ``BoundedChannel``.
///
/// Each event returns the action the channel carries out after releasing its lock, so no
/// suspension splits a transition. Resuming a continuation only schedules its task, so the one
/// hand-over done under the lock (in `suspendSender`) runs no caller code there.
@usableFromInline
struct ChannelState<Item: Sendable>: ~Copyable {
    @usableFromInline
    struct Sender {
        @usableFromInline var id: UInt64
        @usableFromInline var item: Item
        @usableFromInline var continuation: CheckedContinuation<Void, any Error>

        @inlinable
        init(id: UInt64, item: Item, continuation: CheckedContinuation<Void, any Error>) {
            self.id = id
            self.item = item
            self.continuation = continuation
        }
    }

    @usableFromInline
    struct Receiver {
        @usableFromInline var id: UInt64
        @usableFromInline var continuation: CheckedContinuation<Item?, any Error>

        @inlinable
        init(id: UInt64, continuation: CheckedContinuation<Item?, any Error>) {
            self.id = id
            self.continuation = continuation
        }
    }

    @usableFromInline
    enum Terminal {
        case finished((any Error)?)
        case cancelled
    }

    @usableFromInline let capacity: Int
    @usableFromInline var buffer: RingBuffer<Item>
    @usableFromInline var senders: [Sender] = []
    @usableFromInline var receivers: [Receiver] = []
    @usableFromInline var terminal: Terminal?
    @usableFromInline var nextWaiterID: UInt64 = 0
    /// Waiters whose task was cancelled before they registered their continuation.
    @usableFromInline var cancelledWaiterIDs: Set<UInt64> = []

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        self.buffer = RingBuffer(capacity: capacity)
    }

    // MARK: send

    @usableFromInline
    enum SendAction {
        case done
        case resumeReceiver(CheckedContinuation<Item?, any Error>)
        case closed
        case suspend(UInt64)
    }

    @inlinable
    mutating func send(_ item: Item) -> SendAction {
        if terminal != nil { return .closed }
        if !receivers.isEmpty {
            return .resumeReceiver(receivers.removeFirst().continuation)
        }
        if buffer.count < capacity {
            buffer.append(item)
            return .done
        }
        nextWaiterID += 1
        return .suspend(nextWaiterID)
    }

    @usableFromInline
    enum RegisterAction<Result> {
        case none
        case resume(Result)
    }

    @inlinable
    mutating func suspendSender(
        id: UInt64, item: Item, continuation: CheckedContinuation<Void, any Error>
    ) -> RegisterAction<(any Error)?> {
        if cancelledWaiterIDs.remove(id) != nil { return .resume(CancellationError()) }
        if terminal != nil { return .resume(ChannelClosed()) }
        // The state may have changed between `send` and this registration.
        if !receivers.isEmpty {
            let receiver = receivers.removeFirst()
            receiver.continuation.resume(returning: item)
            return .resume(nil)
        }
        if buffer.count < capacity {
            buffer.append(item)
            return .resume(nil)
        }
        senders.append(Sender(id: id, item: item, continuation: continuation))
        return .none
    }

    @inlinable
    mutating func cancelSender(id: UInt64) -> CheckedContinuation<Void, any Error>? {
        if let index = senders.firstIndex(where: { $0.id == id }) {
            return senders.remove(at: index).continuation
        }
        cancelledWaiterIDs.insert(id)
        return nil
    }

    // MARK: receive

    @usableFromInline
    enum ReceiveAction {
        case item(Item, resumeSender: CheckedContinuation<Void, any Error>?)
        case end((any Error)?)
        case suspend(UInt64)
    }

    @inlinable
    mutating func receive() -> ReceiveAction {
        if let item = buffer.popFirst() {
            var resumed: CheckedContinuation<Void, any Error>?
            if !senders.isEmpty {
                let sender = senders.removeFirst()
                buffer.append(sender.item)
                resumed = sender.continuation
            }
            return .item(item, resumeSender: resumed)
        }
        if !senders.isEmpty {
            // Only reachable with waiting senders and an empty buffer, which `send` never leaves.
            let sender = senders.removeFirst()
            return .item(sender.item, resumeSender: sender.continuation)
        }
        switch terminal {
        case .finished(let error):
            terminal = .finished(nil)  // report a failure once
            return .end(error)
        case .cancelled:
            return .end(nil)
        case nil:
            nextWaiterID += 1
            return .suspend(nextWaiterID)
        }
    }

    @inlinable
    mutating func suspendReceiver(
        id: UInt64, continuation: CheckedContinuation<Item?, any Error>
    ) -> RegisterAction<Result<Item?, any Error>> {
        if cancelledWaiterIDs.remove(id) != nil { return .resume(.failure(CancellationError())) }
        switch receive() {
        case .item(let item, let sender):
            sender?.resume()
            return .resume(.success(item))
        case .end(let error):
            return .resume(error.map { .failure($0) } ?? .success(nil))
        case .suspend:
            receivers.append(Receiver(id: id, continuation: continuation))
            return .none
        }
    }

    @inlinable
    mutating func cancelReceiver(id: UInt64) -> CheckedContinuation<Item?, any Error>? {
        if let index = receivers.firstIndex(where: { $0.id == id }) {
            return receivers.remove(at: index).continuation
        }
        cancelledWaiterIDs.insert(id)
        return nil
    }

    // MARK: termination

    @inlinable
    mutating func finish(error: (any Error)?) -> ([CheckedContinuation<Item?, any Error>], [CheckedContinuation<Void, any Error>]) {
        guard terminal == nil else { return ([], []) }
        terminal = .finished(receivers.isEmpty ? error : nil)
        let waitingReceivers = receivers.map(\.continuation)
        let waitingSenders = senders.map(\.continuation)
        receivers.removeAll()
        senders.removeAll()
        return (waitingReceivers, waitingSenders)
    }

    @inlinable
    mutating func cancel() -> ([CheckedContinuation<Item?, any Error>], [CheckedContinuation<Void, any Error>]) {
        terminal = .cancelled
        buffer.removeAll()
        let waitingReceivers = receivers.map(\.continuation)
        let waitingSenders = senders.map(\.continuation)
        receivers.removeAll()
        senders.removeAll()
        return (waitingReceivers, waitingSenders)
    }
}
