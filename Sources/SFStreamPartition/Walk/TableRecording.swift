/// The events inside a `<table>` whose shape is not yet known, kept until ``TableShape`` decides
/// and then replayed into the walker.
///
/// Element names are libxml2 dictionary strings, valid for the whole parse, so they are kept as
/// pointers. Attribute values and text live only during their callback, so their bytes are copied.
struct TableRecording {
    private enum Kind {
        case start
        case end
        case text
        case otherNodeContent
    }

    private struct Event {
        var kind: Kind
        var name: UnsafePointer<UInt8>?
        /// For `.start`, the range in `attributes`; for `.text` and `.otherNodeContent`, the
        /// range in `bytes`.
        var lower: Int
        var upper: Int
    }

    private struct Attribute {
        var name: UnsafePointer<UInt8>
        /// Offset of the NUL-terminated value in `bytes`, or -1 for an attribute without a value.
        var value: Int
    }

    var shape = TableShape()
    private var events: [Event] = []
    private var attributes: [Attribute] = []
    private var bytes: [UInt8] = []

    mutating func recordStart(_ name: UnsafePointer<UInt8>, attributes list: AttributeList?) {
        let lower = attributes.count
        if var cursor = list {
            while let attributeName = cursor[0] {
                var offset = -1
                if let value = cursor[1] {
                    offset = bytes.count
                    bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: cStringLength(value) + 1))
                }
                attributes.append(Attribute(name: attributeName, value: offset))
                cursor += 2
            }
        }
        events.append(Event(kind: .start, name: name, lower: lower, upper: attributes.count))
    }

    mutating func recordEnd() {
        events.append(Event(kind: .end, name: nil, lower: 0, upper: 0))
    }

    mutating func recordText(_ text: UnsafeBufferPointer<UInt8>) {
        let lower = bytes.count
        bytes.append(contentsOf: text)
        events.append(Event(kind: .text, name: nil, lower: lower, upper: bytes.count))
    }

    mutating func recordOtherNodeContent(_ content: UnsafeBufferPointer<UInt8>) {
        let lower = bytes.count
        bytes.append(contentsOf: content)
        events.append(Event(kind: .otherNodeContent, name: nil, lower: lower, upper: bytes.count))
    }

    /// Feeds the recorded events to `walker` in their order. A nested table met on the way may
    /// start a recording of its own in the walker, and the events after it go there.
    func replay(into walker: inout DocumentWalker) {
        var list: [UnsafePointer<UInt8>?] = []
        bytes.withUnsafeBufferPointer { storage in
            for event in events {
                switch event.kind {
                case .start:
                    list.removeAll(keepingCapacity: true)
                    for attribute in attributes[event.lower..<event.upper] {
                        list.append(attribute.name)
                        list.append(attribute.value < 0 ? nil : storage.baseAddress! + attribute.value)
                    }
                    list.append(nil)
                    list.withUnsafeMutableBufferPointer { walker.start(event.name!, attributes: $0.baseAddress) }
                case .end:
                    walker.end()
                case .text:
                    walker.text(UnsafeBufferPointer(rebasing: storage[event.lower..<event.upper]))
                case .otherNodeContent:
                    walker.otherNodeContent(UnsafeBufferPointer(rebasing: storage[event.lower..<event.upper]))
                }
            }
        }
    }
}
