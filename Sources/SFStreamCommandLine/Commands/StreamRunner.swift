import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline and writes its elements to stdout as NDJSON, its failures to stderr (and
/// the `--errors` file), and a one-line summary to stderr.
///
/// SIGINT and SIGTERM stop the stages; the lines already complete are flushed and the exit
/// status is 130 or 143. A closed stdout (`| head`) ends the run quietly.
struct StreamRunner {
    var pipeline: SalesforcePipeline
    var errorsPath: String?
    var label: String = "sfstream"

    func run() async -> ExitStatus {
        let reporter: FailureReporter
        do {
            reporter = try FailureReporter(errorsPath: errorsPath)
        } catch {
            writeStandardError("\(label): error: \(error)")
            return .notStarted
        }
        defer { reporter.close() }

        let started = ContinuousClock.now
        let output = BoundedChannel<[RecordOutput]>(capacity: pipeline.configuration.channelCapacity)
        let pipeline = self.pipeline
        let pipelineTask = Task { await pipeline.run(into: output) }
        let signals = SignalWatcher { _ in
            output.cancel()
            pipelineTask.cancel()
        }

        let writer = FileDescriptorWriter(descriptor: 1)
        var jsonWriter = ElementJSONWriter(reservingCapacity: 1 << 16)
        var recordsDelivered = 0
        var elementsWritten = 0
        var stdoutClosed = false
        do {
            for try await batch in output {
                for item in batch {
                    switch item {
                    case .elements(let record):
                        recordsDelivered += 1
                        for element in record.elements {
                            jsonWriter.write(element)
                        }
                        elementsWritten += record.elements.count
                    case .failure(let failure):
                        reporter.report(failure)
                    }
                }
                writer.append(jsonWriter.buffer)
                jsonWriter.removeAll()
                try writer.flush()
            }
        } catch {
            // Only OutputClosed reaches here: the channel itself finishes without error.
            stdoutClosed = true
            output.cancel()
            pipelineTask.cancel()
        }
        let statistics = await pipelineTask.value
        let signal = signals.stop()

        let clientStatistics = pipeline.client.statistics()
        let read = statistics.recordsRead.values.reduce(0, +)
        let elapsed = started.duration(to: .now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        if !stdoutClosed {
            writeStandardError(
                "\(label): \(read) records read, \(recordsDelivered) delivered, \(elementsWritten) elements, "
                    + "\(reporter.failedRecords) failed, \(clientStatistics.retries) retries, "
                    + String(format: "%.1f s", seconds)
            )
        }

        switch signal {
        case SIGINT: return .interrupted
        case SIGTERM: return .terminated
        default: break
        }
        if stdoutClosed { return .success }
        return reporter.failedRecords + reporter.failedCategories > 0 ? .recordsFailed : .success
    }
}
