/// A fixed-capacity FIFO queue over one array, so that a channel never reallocates in steady state.
@usableFromInline
struct RingBuffer<Item> {
    @usableFromInline var storage: [Item?]
    @usableFromInline var head = 0
    @usableFromInline var count = 0

    @usableFromInline
    init(capacity: Int) {
        storage = Array(repeating: nil, count: capacity)
    }

    @inlinable
    mutating func append(_ item: Item) {
        precondition(count < storage.count, "RingBuffer is full")
        storage[(head + count) % storage.count] = item
        count += 1
    }

    @inlinable
    mutating func popFirst() -> Item? {
        guard count > 0 else { return nil }
        let item = storage[head].take()
        head = (head + 1) % storage.count
        count -= 1
        return item
    }

    @inlinable
    mutating func removeAll() {
        for index in storage.indices { storage[index] = nil }
        head = 0
        count = 0
    }
}
