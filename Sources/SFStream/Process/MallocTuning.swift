#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide settings of the C allocator, for executables that run the pipeline.
public enum MallocTuning {
    /// Serves allocations of 256 KiB or more with their own `mmap`, returned to the system on
    /// `free`. Call it once, early in `main`; a library should not.
    ///
    /// glibc raises its mmap threshold each time such a block is freed (up to 32 MiB), after which
    /// response bodies and page buffers of a few MiB come from the heap and leave it fragmented.
    /// With glibc 2.36 on Linux, peak RSS of 10,000 e-mails through the pipeline fell from
    /// about 95 MiB to 75 MiB (`sfstream-benchmarks`, memory group). Does nothing on other
    /// platforms.
    public static func returnLargeBlocksToSystem() {
        #if os(Linux)
            // M_MMAP_THRESHOLD from <malloc.h>; setting it also turns off the dynamic adjustment.
            _ = glibcMallopt(-3, 256 * 1024)
        #endif
    }
}

#if os(Linux)
    /// glibc's `mallopt`, declared in `<malloc.h>`, which the Glibc module does not import.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
