/// The faults waiting to be served: injected ones first, in the order they were injected, then
/// random ones at `faultRate`. A value type kept inside the emulator's lock.
struct FaultPlan: Sendable {
    private struct Injection: Sendable {
        let fault: EmulatorFault
        let target: FaultTarget
        var remaining: Int
    }

    private var injections: [Injection] = []
    private var random: SplitMix64
    private let rate: Double
    private(set) var log: [ServedFault] = []

    init(seed: UInt64, rate: Double) {
        self.random = SplitMix64(seed: seed, 0xFA17)
        self.rate = rate
    }

    mutating func inject(_ fault: EmulatorFault, on target: FaultTarget, times: Int) {
        guard times > 0 else { return }
        injections.append(Injection(fault: fault, target: target, remaining: times))
    }

    mutating func removeAll() {
        injections.removeAll()
    }

    var pendingCount: Int {
        injections.reduce(0) { $0 + $1.remaining }
    }

    /// Returns the fault for the next request to `endpoint`, if any, and records it in `log`.
    mutating func nextFault(for endpoint: EmulatorEndpoint) -> EmulatorFault? {
        if let position = injections.firstIndex(where: { Self.matches($0.target, endpoint) }) {
            let fault = injections[position].fault
            injections[position].remaining -= 1
            if injections[position].remaining == 0 {
                injections.remove(at: position)
            }
            log.append(ServedFault(endpoint: endpoint, fault: fault, isRandom: false))
            return fault
        }
        guard rate > 0, endpoint != .token, random.chance(rate) else { return nil }
        let fault = randomFault(for: endpoint)
        log.append(ServedFault(endpoint: endpoint, fault: fault, isRandom: true))
        return fault
    }

    private static func matches(_ target: FaultTarget, _ endpoint: EmulatorEndpoint) -> Bool {
        switch target {
        case .endpoint(let wanted): wanted == endpoint
        case .anyDataEndpoint: endpoint != .token
        }
    }

    /// A weighted mix: mostly transient errors a client should retry, and some session and
    /// cursor losses it must recover from. The daily allowance (`requestLimitExceeded`) is left
    /// out, because a client must stop on it, so a run with random faults can still finish.
    private mutating func randomFault(for endpoint: EmulatorEndpoint) -> EmulatorFault {
        var choices: [(EmulatorFault, Int)] = [
            (.status(500), 14), (.status(502), 8), (.status(503), 14), (.invalidSession, 8),
            (.closeWithoutResponse, 10), (.closeMidBody, 10), (.truncatedJSON, 6),
            (.delay(milliseconds: random.int(in: 200...1500)), 12), (.concurrentRequestLimitExceeded, 2),
        ]
        if endpoint == .queryMore { choices.append((.invalidQueryLocator, 6)) }
        if endpoint == .query || endpoint == .queryMore { choices.append((.queryTimeout, 4)) }
        let total = choices.reduce(0) { $0 + $1.1 }
        var pick = random.int(in: 0...(total - 1))
        for (fault, weight) in choices {
            if pick < weight { return fault }
            pick -= weight
        }
        return .status(500)
    }
}
