import Foundation
import SalesforceEmulator
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `--output`, `--output-dir` and byte-stable output, run through the built binary. The tests run
/// one at a time because each starts demo processes that keep both cores busy.
@Suite(.serialized, .timeLimit(.minutes(4))) struct OutputDestinationTests {
    /// Several categories and two partition workers, so that any order left to timing shows.
    static let demoArguments = [
        "demo", "--records", "12", "--categories", "Account,Case,EmailMessage,Lead", "--workers", "2",
        "--fetch-batch-size", "5",
    ]

    @Test func twoDemoRunsWriteSameBytes() async throws {
        let port = try freeLoopbackPort()
        let first = try await ToolProcess.run(Self.demoArguments + ["--port", port])
        let second = try await ToolProcess.run(Self.demoArguments + ["--port", port])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.stdoutLines.count > 100)
        #expect(first.stdout == second.stdout)
    }

    @Test func outputFollowsSymlinkAndKeepsMode() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.ndjson")
        try Data("old\n".utf8).write(to: target)
        #expect(chmod(target.path, 0o640) == 0)
        let link = folder.appendingPathComponent("link.ndjson")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

        let result = try await ToolProcess.run(["demo", "--records", "3", "--categories", "Account", "--output", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        let linkType = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
        #expect(linkType == .typeSymbolicLink)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\"type\""))
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
    }

    @Test func outputToFIFOWritesThroughIt() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // The reader blocks in open(2) until the tool opens the FIFO for writing.
        async let received = ToolProcess.blocking { try FileHandle(forReadingFrom: fifo).readToEnd() ?? Data() }

        let result = try await ToolProcess.run(["demo", "--records", "3", "--categories", "Account", "--output", fifo.path])
        let data = try await received
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("{\"type\""))
        var status = stat()
        #expect(stat(fifo.path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func twoDemoRunsWriteSameFolders() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try freeLoopbackPort()
        let first = folder.appendingPathComponent("first")
        let second = folder.appendingPathComponent("second")
        for destination in [first, second] {
            let result = try await ToolProcess.run(Self.demoArguments + ["--port", port, "--output-dir", destination.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }

        let firstFiles = try files(under: first)
        #expect(firstFiles.count > 40)
        #expect(firstFiles == (try files(under: second)))
    }

    @Test func outputDirNamesFilesAsUnstructuredIngest() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await ToolProcess.run([
            "demo", "--records", "3", "--categories", "Account,EmailMessage", "--output-dir", folder.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")

        let names = try files(under: folder).keys.sorted()
        let accountNames = names.filter { $0.hasPrefix("Account/") }
        let emailNames = names.filter { $0.hasPrefix("EmailMessage/") }
        #expect(accountNames.count == 3)
        #expect(accountNames.allSatisfy { $0.hasSuffix(".xml.json") }, "\(accountNames)")
        #expect(!emailNames.isEmpty)
        #expect(emailNames.allSatisfy { $0.hasSuffix(".eml.json") }, "\(emailNames)")
        #expect(!names.contains { $0.contains("/.") }, "temporary files were left: \(names)")
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let elements = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "\(name)")
            #expect(!elements.isEmpty)
            #expect(String(decoding: data.prefix(6), as: UTF8.self) == "[\n  {\n")
            let id = String(name.split(separator: "/")[1].prefix { $0 != "." })
            for element in elements {
                let metadata = try #require(element["metadata"] as? [String: Any])
                let locator = (metadata["data_source"] as? [String: Any])?["record_locator"] as? [String: String]
                #expect(locator?["id"] == id)
            }
        }
    }

    @Test func outputFileHoldsWhatStdoutGets() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try freeLoopbackPort()
        let file = folder.appendingPathComponent("elements.ndjson")
        try Data("previous run\n".utf8).write(to: file)

        let toFile = try await ToolProcess.run(Self.demoArguments + ["--port", port, "--output", file.path])
        let toStdout = try await ToolProcess.run(Self.demoArguments + ["--port", port])
        #expect(toFile.status == 0, "\(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        #expect(try Data(contentsOf: file) == toStdout.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["elements.ndjson"])
    }

    @Test func interruptedRunRenamesOutputFile() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("elements.ndjson")
        let state = folder.appendingPathComponent("state.json")
        // 40 pages of 10 records at 100 ms a response take about four seconds to read.
        let (process, _, _) = try ToolProcess.start([
            "demo", "--categories", "Case", "--records", "400", "--page-size", "10", "--latency-ms", "100",
            "--output", file.path, "--state-file", state.path,
        ])
        let temporaryName = ".elements.ndjson.\(process.processIdentifier).tmp"
        // Start-up (a key pair, the corpus, describe calls) took over 30 seconds when the whole
        // suite ran on two busy cores, so the wait allows two minutes.
        let sawLines = try await ToolProcess.blocking {
            let temporary = folder.appendingPathComponent(temporaryName).path
            for _ in 0..<2400 {
                let size = (try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0
                if size > 0 { return true }
                usleep(50_000)
            }
            return false
        }
        process.interrupt()
        try await ToolProcess.blocking { process.waitUntilExit() }

        try #require(sawLines, "the run wrote no line within two minutes")
        #expect(process.terminationStatus == 130)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.count < 400, "the run was not interrupted before its end")
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "incomplete line: \(line.prefix(80))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["elements.ndjson", "state.json"])
    }

    @Test func outputAndOutputDirTogetherAreRejected() async throws {
        let result = try await ToolProcess.run(["demo", "--output", "a.ndjson", "--output-dir", "b"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--output and --output-dir cannot be used together"))
    }

    @Test func outputInMissingFolderIsRejected() async throws {
        let result = try await ToolProcess.run(["demo", "--output", "/nonexistent-sfstream-folder/a.ndjson"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test func deletedRecordRemovesItsFile() async throws {
        let keys = try TestKeyPair.generate()
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyFile = folder.appendingPathComponent("key.pem")
        try Data(keys.privateKeyPEM.utf8).write(to: keyFile)
        var configuration = EmulatorConfiguration(certificatePEM: keys.certificatePEM)
        configuration.recordCountsByObject = ["Case": 4]
        let emulator = try SalesforceEmulator(configuration: configuration)
        try emulator.start()
        defer { emulator.stop() }

        let output = folder.appendingPathComponent("out")
        let arguments = [
            "salesforce", "--username", configuration.username, "--consumer-key", configuration.consumerKey,
            "--private-key-file", keyFile.path, "--login-url", emulator.loginURL.absoluteString,
            "--categories", "Case", "--include-deleted", "--output-dir", output.path,
        ]
        let first = try await ToolProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let ids = try emulator.recordIDs("Case")
        #expect(Set(try files(under: output).keys) == Set(ids.map { "Case/\($0).xml.json" }))

        try emulator.deleteRecord("Case", id: ids[1])
        let second = try await ToolProcess.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let remaining = Set(try files(under: output).keys)
        #expect(!remaining.contains("Case/\(ids[1]).xml.json"))
        #expect(remaining.count == ids.count - 1)
    }

    @Test func partitionOutputDirWritesFilePerInput() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.html")
        let second = folder.appendingPathComponent("second.htm")
        try Data("<h1>Renewal</h1><p>The contract goes to legal on Monday.</p>".utf8).write(to: first)
        try Data("<ul><li>One</li><li>Two</li></ul>".utf8).write(to: second)
        let output = folder.appendingPathComponent("out")

        let toFolder = try await ToolProcess.run(["partition", "--output-dir", output.path, first.path, second.path])
        let toStdout = try await ToolProcess.run(["partition", first.path, second.path])
        #expect(toFolder.status == 0, "\(toFolder.stderr)")
        #expect(toFolder.stdout.isEmpty)

        let written = try files(under: output)
        #expect(written.keys.sorted() == ["first.html.json", "second.htm.json"])
        var elementsInFiles: [[String: Any]] = []
        for name in written.keys.sorted() {
            let elements = try #require(try JSONSerialization.jsonObject(with: written[name]!) as? [[String: Any]])
            elementsInFiles += elements
        }
        #expect(elementsInFiles.count == toStdout.stdoutLines.count)
        #expect(elementsInFiles.compactMap { $0["element_id"] as? String } == toStdout.stdoutLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["element_id"] as? String
        })
    }

    @Test func partitionOutputDirRejectsSameNames() async throws {
        let folder = try ToolProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        for file in [folder.appendingPathComponent("mail.html"), inner.appendingPathComponent("mail.html")] {
            try Data("<p>Hello.</p>".utf8).write(to: file)
        }
        let result = try await ToolProcess.run([
            "partition", "--output-dir", folder.appendingPathComponent("out").path,
            folder.appendingPathComponent("mail.html").path, inner.appendingPathComponent("mail.html").path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("would both be written to mail.html.json"))
    }

    /// Returns every regular file below `folder` by its relative path, with its bytes.
    private func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    /// Returns a TCP port that was free on 127.0.0.1 a moment ago, so that two runs of the demo
    /// can share it (record URLs contain the port).
    private func freeLoopbackPort() throws -> String {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socketDescriptor, socketAddress, length) == 0 && getsockname(socketDescriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return String(UInt16(bigEndian: address.sin_port))
    }
}
