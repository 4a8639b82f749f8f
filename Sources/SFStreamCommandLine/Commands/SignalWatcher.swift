import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a call of `handler` instead of ending the process, so the
/// stages can stop and flush. Restores the default actions in ``stop()``.
final class SignalWatcher: @unchecked Sendable {
    // Mutable state is touched only on `queue`.
    private let queue = DispatchQueue(label: "sfstream.signals")
    private var sources: [DispatchSourceSignal] = []
    private var received: Int32?

    init(handler: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                if self.received == nil {
                    self.received = number
                    handler(number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and returns the signal received, if any.
    func stop() -> Int32? {
        queue.sync {
            for source in sources { source.cancel() }
            sources.removeAll()
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            return received
        }
    }
}
