import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a pipeline and writes its elements to the chosen destination (NDJSON on stdout by
/// default), its failures to stderr (and the `--errors` file), its progress and a one-line
/// summary to stderr.
///
/// SIGINT and SIGTERM stop the stages. The records already written are kept (an `--output` file
/// is renamed into place with them), the state file is saved, and the exit status is 130 or
/// 143. A closed stdout (`| head`) ends the run quietly. After a failed write, the `--output`
/// file keeps its previous content and the state file is left as it was.
struct StreamRunner {
    var pipeline: SalesforcePipeline
    var errorsPath: String?
    /// Path of the incremental-sync state, saved after the records are out.
    var statePath: String?
    var outputTarget: OutputTarget = .standardOutput
    var log: CommandLog
    var progressMode: ProgressDisplay.Mode
    /// When the command started, before it read the key and logged in. The summary's duration
    /// counts from here.
    var started: ContinuousClock.Instant

    func run() async -> ExitStatus {
        let reporter: FailureReporter
        do {
            reporter = try FailureReporter(errorsPath: errorsPath, logger: log.logger)
        } catch {
            log.logger.error("\(error)")
            return .notStarted
        }
        let destination: any ElementDestination
        do {
            destination = try outputTarget.open()
        } catch {
            reporter.close()
            log.logger.error("\(error)")
            return .notStarted
        }

        let output = BoundedChannel<[RecordOutput]>(capacity: pipeline.configuration.channelCapacity)
        let pipeline = self.pipeline
        let tracker = pipeline.configuration.tracker
        let pipelineTask = Task { await pipeline.run(into: output) }
        let progressDisplay = ProgressDisplay(mode: progressMode, prefix: log.prefix, progress: pipeline.progress, client: pipeline.client)
        progressDisplay.start()
        let signals = SignalWatcher { _ in
            output.cancel()
            pipelineTask.cancel()
        }

        var delivered: [RecordLocator] = []
        var recordsDelivered = 0
        var recordsDeleted = 0
        var elementsWritten = 0
        var outputFailure: (any Error)?
        do {
            for try await batch in output {
                for item in batch {
                    switch item {
                    case .elements(let record):
                        recordsDelivered += 1
                        try destination.write(record)
                        elementsWritten += record.elements.count
                        delivered.append(record.locator)
                    case .deleted(let locator):
                        recordsDeleted += 1
                        try destination.writeDeleted(locator)
                        delivered.append(locator)
                    case .failure(let failure):
                        reporter.report(failure)
                    }
                }
                try destination.flush()
                // Only records whose lines are written count as delivered for the watermark.
                for locator in delivered {
                    tracker?.markDelivered(category: locator.category, id: locator.id)
                }
                delivered.removeAll(keepingCapacity: true)
            }
        } catch {
            // Only a write failure reaches here: the channel itself finishes without error.
            outputFailure = error
            output.cancel()
            pipelineTask.cancel()
        }
        let statistics = await pipelineTask.value
        let signal = signals.stop()
        progressDisplay.stop()
        // The count lines of repeated failures belong with the failures, before the summary.
        reporter.close()
        do {
            try destination.finish(keepOutput: outputFailure == nil)
        } catch {
            outputFailure = error
        }

        var stateSaveFailed = false
        // After a failed write the reader may not have consumed lines that write(2) accepted
        // (a pipe's buffer), so the state is left as it was and the next run sends them again.
        if let statePath, let tracker, outputFailure == nil {
            do {
                try tracker.snapshot().save(to: statePath)
            } catch {
                log.logger.error("\(error)")
                stateSaveFailed = true
            }
        }

        CommandLog.repeatLimiter.flush()
        let clientStatistics = pipeline.client.statistics()
        let elapsed = started.duration(to: .now).components
        let summary = RunSummary(
            recordsRead: statistics.recordsRead.values.reduce(0, +) + statistics.recordsUnchanged,
            recordsDelivered: recordsDelivered, recordsDeleted: recordsDeleted,
            recordsUnchanged: statistics.recordsUnchanged, recordsFailed: reporter.failedRecords,
            elements: elementsWritten, retries: clientStatistics.retries,
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        )
        if let reason = statistics.stopReason {
            log.logger.warning("\(reason); run again later to continue\(statePath == nil ? " (use --state-file to resume where this run stopped)" : "")")
        }
        if let outputFailure, (outputFailure as? OutputClosed)?.isBrokenPipe != true {
            log.logger.error("\(outputFailure)")
        }
        if outputFailure == nil {
            // The summary is not a log event: it prints whatever the log level.
            StandardErrorConsole.shared.writeLine("\(log.prefix): \(summary.text)")
        }

        switch signal {
        case SIGINT: return .interrupted
        case SIGTERM: return .terminated
        default: break
        }
        // A reader that stopped early (`| head`) ends the run quietly, but not as a success.
        if outputFailure != nil { return .recordsFailed }
        if statistics.stopReason != nil { return .stoppedAtAPILimit }
        if reporter.failedRecords + reporter.failedCategories > 0 || stateSaveFailed { return .recordsFailed }
        return .success
    }
}

extension StreamRunner {
    /// Creates the runner of `salesforce` and `demo`, with the `--errors` and `--state-file`
    /// paths from their arguments.
    init(
        pipeline: SalesforcePipeline, arguments: ParsedArguments, outputTarget: OutputTarget, log: CommandLog,
        progressMode: ProgressDisplay.Mode, started: ContinuousClock.Instant
    ) {
        self.init(
            pipeline: pipeline, errorsPath: arguments.value("errors"), statePath: arguments.value("state-file"),
            outputTarget: outputTarget, log: log, progressMode: progressMode, started: started)
    }
}
