/// Decoding of one non-ASCII scalar from valid UTF-8, for the byte loops of the partitioner and
/// the chunker that handle ASCII inline and call this for the rest.
public enum UTF8Scalar {
    /// Returns the value of the scalar whose lead byte (0x80 or above) is at `index`, and the
    /// index after it. The bytes must be valid UTF-8, such as a Swift string's. A sequence cut
    /// short by the end of `bytes` decodes from the bytes present.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, next: Int) {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : (lead < 0xF0 ? 3 : 4)
        var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        var next = index + 1
        let end = min(index + length, bytes.count)
        while next < end {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
            next += 1
        }
        return (value, next)
    }
}
