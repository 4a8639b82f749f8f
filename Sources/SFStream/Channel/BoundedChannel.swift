import Synchronization

/// An async channel with a fixed capacity whose `send` suspends while the buffer is full.
///
/// This is the backpressure between pipeline stages: a slow consumer makes producers wait, so
/// memory stays bounded by the capacities of the channels, however many records flow.
/// `AsyncStream` cannot do this, because its buffering policies either drop items or grow without
/// bound. Any number of tasks may send and receive; each item is received once, in send order.
///
/// - Suspension: `send` suspends while `capacity` items are buffered; `next()` suspends while the
///   buffer is empty and the channel is open.
/// - After ``finish()``: receivers drain the buffer, then get `nil`; `send` throws ``ChannelClosed``.
/// - After ``cancel()`` (the consumer is gone): the buffer is dropped, waiting and later senders
///   throw ``ChannelClosed``, receivers get `nil`.
/// - On task cancellation: a suspended `send` or `next()` throws `CancellationError` and leaves
///   the channel usable for other tasks.
///
/// The methods are `@inlinable` because a generic channel called across modules without
/// specialisation ran about ten times slower in measurements on this platform.
public final class BoundedChannel<Item: Sendable>: Sendable {
    public typealias Element = Item

    /// The number of buffered items at which `send` suspends; at least 1.
    public let capacity: Int

    @usableFromInline
    let state: Mutex<ChannelState<Item>>

    public init(capacity: Int) {
        precondition(capacity >= 1, "BoundedChannel capacity must be at least 1, got \(capacity)")
        self.capacity = capacity
        self.state = Mutex(ChannelState(capacity: capacity))
    }

    /// Sends one item, suspending while the buffer is full.
    ///
    /// - Throws: ``ChannelClosed`` after `finish()` or `cancel()`; `CancellationError` when the
    ///   sending task is cancelled while it waits.
    @inlinable
    public func send(_ item: Item) async throws {
        let id: UInt64
        switch state.withLock({ $0.send(item) }) {
        case .done:
            return
        case .resumeReceiver(let receiver):
            receiver.resume(returning: item)
            return
        case .closed:
            throw ChannelClosed()
        case .suspend(let waiterID):
            id = waiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let action = state.withLock { $0.suspendSender(id: id, item: item, continuation: continuation) }
                switch action {
                case .none: break
                case .resume(let error):
                    if let error { continuation.resume(throwing: error) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.cancelSender(id: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Receives the next item, suspending while the buffer is empty; `nil` once the channel is
    /// finished and drained, or cancelled.
    ///
    /// - Throws: `CancellationError` when the receiving task is cancelled while it waits, or the
    ///   error passed to ``finish(throwing:)`` after the buffer is drained.
    @inlinable
    public func receive() async throws -> Item? {
        let id: UInt64
        switch state.withLock({ $0.receive() }) {
        case .item(let item, let sender):
            sender?.resume()
            return item
        case .end(let error):
            if let error { throw error }
            return nil
        case .suspend(let waiterID):
            id = waiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Item?, any Error>) in
                let action = state.withLock { $0.suspendReceiver(id: id, continuation: continuation) }
                switch action {
                case .none: break
                case .resume(let result):
                    continuation.resume(with: result)
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.cancelReceiver(id: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Ends the stream once the buffer is drained. Receivers then get `nil`, or `error` if given.
    /// Calling it again, or after `cancel()`, has no effect.
    @inlinable
    public func finish(throwing error: (any Error)? = nil) {
        let (receivers, senders) = state.withLock { $0.finish(error: error) }
        for receiver in receivers {
            if let error { receiver.resume(throwing: error) } else { receiver.resume(returning: nil) }
        }
        for sender in senders { sender.resume(throwing: ChannelClosed()) }
    }

    /// Closes the channel from the consumer side: the buffer is dropped and every sender,
    /// waiting or later, throws ``ChannelClosed``.
    @inlinable
    public func cancel() {
        let (receivers, senders) = state.withLock { $0.cancel() }
        for receiver in receivers { receiver.resume(returning: nil) }
        for sender in senders { sender.resume(throwing: ChannelClosed()) }
    }

    /// The number of buffered items, for tests and monitoring.
    public var count: Int { state.withLock { $0.buffer.count } }
}

extension BoundedChannel: AsyncSequence {
    public struct AsyncIterator: AsyncIteratorProtocol {
        @usableFromInline let channel: BoundedChannel<Item>

        @inlinable init(channel: BoundedChannel<Item>) { self.channel = channel }

        @inlinable
        public mutating func next() async throws -> Item? {
            try await channel.receive()
        }
    }

    @inlinable
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: self)
    }
}

/// Thrown by `send` into a channel that was finished or cancelled.
public struct ChannelClosed: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the channel was closed before the item could be sent" }
}
