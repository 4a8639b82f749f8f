/// Transforms the items of `input` on `workers` concurrent tasks and sends the results to
/// `output` in the order the items arrived, so that parallel stages keep the output byte-stable.
///
/// A dispatcher numbers the items, the workers transform them in any order, and a single
/// reorderer sends each result once every earlier one is out. At most `window` items are between
/// the dispatcher and the reorderer at a time (a token channel of that capacity), so a slow item
/// holds back at most `window` finished results instead of letting them pile up.
///
/// - When `output` is closed by its consumer, or the calling task is cancelled, `input` is
///   cancelled so that upstream stages stop too.
/// - `output` is finished when `input` ends and every result is sent.
func orderedConcurrentMap<Input: Sendable, Output: Sendable>(
    input: BoundedChannel<Input>,
    output: BoundedChannel<Output>,
    workers: Int,
    window: Int,
    transform: @escaping @Sendable (Input) async -> [Output]
) async {
    let workers = max(1, workers)
    let window = max(workers, window)
    let numbered = BoundedChannel<(sequence: Int, item: Input)>(capacity: workers)
    let results = BoundedChannel<(sequence: Int, outputs: [Output])>(capacity: window)
    // One token per item in flight; the reorderer takes one back for each item it sends on.
    let tokens = BoundedChannel<Void>(capacity: window)

    // Stops every internal channel and the input; each task then ends at its next operation.
    @Sendable func stopAll() {
        input.cancel()
        numbered.cancel()
        results.cancel()
        tokens.cancel()
    }

    await withTaskGroup(of: Void.self) { group in
        group.addTask {
            var sequence = 0
            do {
                for try await item in input {
                    try await tokens.send(())
                    try await numbered.send((sequence, item))
                    sequence += 1
                }
                numbered.finish()
            } catch {
                stopAll()
            }
        }
        let workerGroupDone = BoundedChannel<Void>(capacity: workers)
        for _ in 0..<workers {
            group.addTask {
                do {
                    for try await (sequence, item) in numbered {
                        try await results.send((sequence, await transform(item)))
                    }
                } catch {
                    stopAll()
                }
                try? await workerGroupDone.send(())
            }
        }
        group.addTask {
            // The last worker to end closes `results`, so the reorderer receives its end.
            for _ in 0..<workers {
                _ = try? await workerGroupDone.receive()
            }
            results.finish()
        }
        group.addTask {
            var parked: [Int: [Output]] = [:]
            var next = 0
            do {
                for try await (sequence, outputs) in results {
                    parked[sequence] = outputs
                    while let ready = parked.removeValue(forKey: next) {
                        for value in ready {
                            try await output.send(value)
                        }
                        next += 1
                        _ = try await tokens.receive()
                    }
                }
            } catch {
                stopAll()
            }
        }
    }
    output.finish()
}
