#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Length of a NUL-terminated libxml2 string, through the C library's `strlen`.
@inline(__always)
func cStringLength(_ pointer: UnsafePointer<UInt8>) -> Int {
    strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
}
