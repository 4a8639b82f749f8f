import Synchronization

/// The process-wide handler factory behind ``Logger/init(label:)``, as in swift-log.
///
/// Until ``bootstrap(_:)`` is called, loggers made with `init(label:)` drop every event, so a
/// library that logs prints nothing in a program that configured no logging.
public enum LoggingSystem {
    private static let storedFactory = Mutex<@Sendable (String) -> any LogHandler>({ _ in NoOpLogHandler() })

    /// Sets the factory for loggers created afterwards. Loggers already created keep their handler.
    public static func bootstrap(_ factory: @escaping @Sendable (String) -> any LogHandler) {
        storedFactory.withLock { $0 = factory }
    }

    static func factory(_ label: String) -> any LogHandler {
        let factory = storedFactory.withLock { $0 }
        return factory(label)
    }
}
