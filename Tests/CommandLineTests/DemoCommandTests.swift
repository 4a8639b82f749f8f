import Foundation
import Testing

@Suite(.timeLimit(.minutes(10))) struct DemoCommandTests {
    @Test func demoWritesElementsOfEveryDefaultCategory() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "6"])
        #expect(result.status == 0, "\(result.stderr)")

        var categories = Set<String>()
        for line in result.stdoutLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["type"] is String)
            #expect((object["element_id"] as? String)?.count == 32)
            let metadata = try #require(object["metadata"] as? [String: Any])
            let source = try #require(metadata["data_source"] as? [String: Any])
            let locator = try #require(source["record_locator"] as? [String: String])
            categories.insert(try #require(locator["category"]))
        }
        #expect(categories == ["Account", "Campaign", "Case", "EmailMessage", "Lead"])

        let summary = try #require(result.stderrLines.last)
        #expect(summary.hasPrefix("sfstream demo: "))
        #expect(summary.contains("records read"))
        #expect(summary.contains("\(result.stdoutLines.count) elements"))
        #expect(summary.contains("0 failed"))
    }

    @Test func demoWithoutChunkingWritesPartitionedElements() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "3", "--categories", "EmailMessage", "--chunking-strategy", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        let types = Set(result.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String
        })
        #expect(types.contains("Title"))
        #expect(types.contains("NarrativeText"))
        #expect(!types.contains("CompositeElement"))
    }

    @Test func invalidChunkingOptionIsReportedBeforeAnyRecord() async throws {
        let result = try await ToolProcess.run(["demo", "--max-characters", "100", "--new-after-n-chars", "200"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderr.contains("new_after_n_chars (200)"))
    }

    @Test func unknownCategoryIsOneLine() async throws {
        let result = try await ToolProcess.run(["demo", "--categories", "Account,Widget__c"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("unknown category 'Widget__c'"))
    }

    @Test func closedStdoutEndsQuietly() async throws {
        let (process, stdout, stderr) = try ToolProcess.start(["demo", "--records", "40"])
        let (reason, status, errors) = try await ToolProcess.blocking {
            _ = ToolProcess.readFirstLine(stdout.fileHandleForReading)
            try stdout.fileHandleForReading.close()
            process.waitUntilExit()
            let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationReason == .exit, process.terminationStatus, errors)
        }
        #expect(reason)
        // Quiet, but not a success: the reader did not get every record.
        #expect(status == 1)
        // Only the demo's own start-up line: no error and no summary.
        #expect(errors.split(separator: "\n").count == 1, "\(errors)")
        #expect(!errors.contains("error"), "\(errors)")
    }

    @Test func interruptFlushesWholeLinesAndExits130() async throws {
        let (process, stdout, _) = try ToolProcess.start(["demo", "--records", "3000", "--categories", "EmailMessage", "--latency-ms", "20"])
        let (received, exited, status) = try await ToolProcess.blocking {
            var received = ToolProcess.readFirstLine(stdout.fileHandleForReading)
            kill(process.processIdentifier, SIGINT)
            received.append(stdout.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            return (received, process.terminationReason == .exit, process.terminationStatus)
        }
        #expect(exited)
        #expect(status == 130)
        #expect(received.last == UInt8(ascii: "\n"))
        for line in String(decoding: received, as: UTF8.self).split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "partial line: \(line.prefix(80))")
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct DemoRunOptionsTests {
    func recordIDs(_ result: ToolProcess.Result) -> Set<String> {
        Set(result.stdoutLines.compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let source = (object?["metadata"] as? [String: Any])?["data_source"] as? [String: Any]
            return (source?["record_locator"] as? [String: String])?["id"]
        })
    }

    @Test func secondRunWithStateFileEmitsNothing() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state.json").path

        let first = try await ToolProcess.run(["demo", "--records", "5", "--state-file", state])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdoutLines.isEmpty)
        #expect(FileManager.default.fileExists(atPath: state))

        // The demo's emulator is seeded the same way each run, so nothing has changed.
        let second = try await ToolProcess.run(["demo", "--records", "5", "--state-file", state])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdoutLines.isEmpty)
        #expect(second.stderr.contains("unchanged"))
    }

    @Test func randomFaultsDeliverTheCleanRunsRecords() async throws {
        let clean = try await ToolProcess.run(["demo", "--records", "10", "--page-size", "4"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let faulty = try await ToolProcess.run(["demo", "--records", "10", "--page-size", "4", "--fault-rate", "0.1", "--seed", "1"])
        #expect(faulty.status == 0, "\(faulty.stderr)")
        #expect(recordIDs(faulty) == recordIDs(clean))
        let summary = try #require(faulty.stderrLines.last)
        #expect(!summary.contains(" 0 retries"), "\(summary)")
    }

    @Test func apiUsageThresholdStopsWithStatusThree() async throws {
        let result = try await ToolProcess.run([
            "demo", "--records", "50", "--page-size", "5", "--api-request-limit", "40", "--max-api-usage", "50",
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("stopped at API usage"))
    }

    @Test func failureCountsPrintBeforeSummary() async throws {
        // Each fetch request names one record and the org allows 20 requests, so most fetches
        // fail with REQUEST_LIMIT_EXCEEDED, more often than the 10 lines shown per reason.
        let result = try await ToolProcess.run([
            "demo", "--categories", "EmailMessage", "--records", "40", "--fetch-batch-size", "1",
            "--api-request-limit", "20", "--max-api-usage", "100", "--quiet",
        ])
        #expect([1, 3].contains(result.status), "\(result.stderr)")
        let lines = result.stderrLines
        let countLine = try #require(lines.firstIndex { $0.contains(" more records failed with the same reason ") }, "\(result.stderr)")
        let summaryLine = try #require(lines.firstIndex { $0.contains(" records read: ") }, "\(result.stderr)")
        #expect(countLine < summaryLine)
        #expect(summaryLine == lines.count - 1)
        for line in lines {
            let mentions = line.components(separatedBy: "REQUEST_LIMIT_EXCEEDED").count - 1
            #expect(mentions <= 1, "\(line)")
        }
    }

    @Test func limitDuringDescribeExits3() async throws {
        // One request allowed: the describe calls before the run already exceed it.
        let result = try await ToolProcess.run(["demo", "--api-request-limit", "1", "--quiet"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("REQUEST_LIMIT_EXCEEDED"), "\(result.stderr)")
    }

    @Test func summaryDurationIncludesLoginAndDescribe() async throws {
        // Every response waits 400 ms, the token and describe responses before the run included,
        // and the run itself needs only one query page.
        let result = try await ToolProcess.run([
            "demo", "--categories", "Account", "--records", "1", "--latency-ms", "400", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(result.stderrLines.last)
        let seconds = try #require(summary.split(separator: " ").dropLast().last.flatMap { Double($0) }, "\(summary)")
        #expect(seconds >= 1.2, "\(summary)")
    }

    @Test func terminateSavesStateAndExits143() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state.json").path
        let (process, stdout, _) = try ToolProcess.start([
            "demo", "--records", "3000", "--categories", "EmailMessage", "--latency-ms", "20", "--state-file", state,
            // One fetch and one parse worker deliver in query order, so the first line written
            // means the first records are committed to the state.
            "--fetch-concurrency", "1", "--workers", "1",
        ])
        let status = try await ToolProcess.blocking {
            _ = ToolProcess.readFirstLine(stdout.fileHandleForReading)
            kill(process.processIdentifier, SIGTERM)
            _ = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 143)
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: state))) as? [String: Any]
        let categories = try #require(saved?["categories"] as? [String: Any])
        #expect(categories["EmailMessage"] != nil)
    }
}

@Suite(.timeLimit(.minutes(10))) struct DemoArgumentCheckTests {
    @Test(arguments: [",", " , "])
    func emptyCategoryListIsRejected(list: String) async throws {
        let result = try await ToolProcess.run(["demo", "--categories", list])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderr.contains("--categories"))
    }

    @Test func repeatedCategoryIsReadOnce() async throws {
        let result = try await ToolProcess.run(["demo", "--records", "3", "--categories", "Account,account,Account", "--chunking-strategy", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = result.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["element_id"] as? String
        }
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: ["--state-file", "--errors"])
    func fileInMissingFolderFailsBeforeTheRun(option: String) async throws {
        let result = try await ToolProcess.run(["demo", "--records", "3", option, "/nonexistent-folder/file.json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test func corruptWatermarkIsRejected() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state.json")
        try Data(#"{"version":1,"categories":{"Account":{"watermark":"not a date","recent":{}}}}"#.utf8).write(to: state)
        let result = try await ToolProcess.run(["demo", "--records", "3", "--state-file", state.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid watermark"))
    }

    @Test func noCommandPrintsHelpOnStderr() async throws {
        let result = try await ToolProcess.run([])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Usage: sfstream COMMAND"))
    }
}
