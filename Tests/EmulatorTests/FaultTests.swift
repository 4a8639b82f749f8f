import Foundation
import SalesforceEmulator
import Testing

@Suite("Faults")
struct FaultTests {
    static let soql = "SELECT Id FROM Lead"

    /// Opens a query with 5-record pages and returns the first page's nextRecordsUrl.
    static func openCursor(_ harness: EmulatorHarness, token: String) async throws -> String {
        let first = try #require(try await harness.query(soql, token: token).json() as? [String: Any])
        return try #require(first["nextRecordsUrl"] as? String)
    }

    @Test func statusOnQueryMoreTwice() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let next = try await Self.openCursor(harness, token: token)
        harness.emulator.inject(.status(503), on: .queryMore, times: 2)

        let first = try await harness.get(next, token: token)
        let second = try await harness.get(next, token: token)
        let third = try await harness.get(next, token: token)

        #expect(first.status == 503)
        #expect(try restError(first).code == "SERVER_UNAVAILABLE")
        #expect(second.status == 503)
        #expect(third.status == 200)
        #expect(harness.emulator.servedFaults == [
            ServedFault(endpoint: .queryMore, fault: .status(503), isRandom: false),
            ServedFault(endpoint: .queryMore, fault: .status(503), isRandom: false),
        ])
    }

    @Test func statusBodies() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        harness.emulator.inject(.status(500), on: .query)
        let internalError = try await harness.query(Self.soql, token: token)
        harness.emulator.inject(.status(502), on: .query)
        let badGateway = try await harness.query(Self.soql, token: token)

        #expect(internalError.status == 500)
        #expect(try restError(internalError).code == "UNKNOWN_EXCEPTION")
        #expect(badGateway.status == 502)
        #expect(badGateway.header("Content-Type") == "text/html")
    }

    @Test func invalidSessionRevokesToken() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let next = try await Self.openCursor(harness, token: token)
        harness.emulator.inject(.invalidSession, on: .queryMore)

        let faulted = try await harness.get(next, token: token)
        let again = try await harness.get(next, token: token)
        let fresh = try await harness.get(next, token: try await harness.accessToken())

        #expect(faulted.status == 401)
        #expect(try restError(faulted).code == "INVALID_SESSION_ID")
        #expect(again.status == 401)
        #expect(fresh.status == 200)
    }

    @Test func errorCodeFaults() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let next = try await Self.openCursor(harness, token: token)
        let cases: [(fault: EmulatorFault, status: Int, code: String)] = [
            (.invalidQueryLocator, 400, "INVALID_QUERY_LOCATOR"),
            (.requestLimitExceeded, 403, "REQUEST_LIMIT_EXCEEDED"),
            (.queryTimeout, 400, "QUERY_TIMEOUT"),
        ]
        for testCase in cases {
            harness.emulator.inject(testCase.fault, on: .queryMore)
            let reply = try await harness.get(next, token: token)
            #expect(reply.status == testCase.status, "\(testCase.fault)")
            #expect(try restError(reply).code == testCase.code, "\(testCase.fault)")
        }
    }

    @Test func connectionFaultsFailTheRequest() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let next = try await Self.openCursor(harness, token: token)

        harness.emulator.inject(.closeMidBody, on: .queryMore)
        await #expect(throws: (any Error).self) {
            _ = try await harness.get(next, token: token)
        }
        let recovered = try await harness.get(next, token: token)

        #expect(recovered.status == 200)
    }

    /// libcurl, under URLSession, may resend a request once when a reused keep-alive connection
    /// closes before any response byte. Two closes in a row fail the request either way.
    @Test func closeWithoutResponseFailsRequest() async throws {
        let harness = try EmulatorHarness { $0.pageSize = 5 }
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let next = try await Self.openCursor(harness, token: token)

        harness.emulator.inject(.closeWithoutResponse, on: .queryMore, times: 2)
        await #expect(throws: (any Error).self) {
            _ = try await harness.get(next, token: token)
        }

        #expect(harness.emulator.servedFaults.allSatisfy { $0.fault == .closeWithoutResponse })
        #expect(!harness.emulator.servedFaults.isEmpty)
    }

    @Test func truncatedJSONIsCompleteHTTP() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        harness.emulator.inject(.truncatedJSON, on: .query)

        let reply = try await harness.query(Self.soql, token: token)

        #expect(reply.status == 200)
        #expect(throws: (any Error).self) { _ = try reply.json() }
        #expect(reply.text.hasPrefix("{\"totalSize\":25"))
    }

    @Test func delayedResponseIsWhole() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        harness.emulator.inject(.delay(milliseconds: 100), on: .collections)
        let id = try harness.emulator.recordIDs("Lead")[0]

        let reply = try await harness.get("/services/data/v62.0/composite/sobjects/Lead?ids=\(id)&fields=Id", token: token)

        #expect(reply.status == 200)
        #expect(harness.emulator.servedFaults.map(\.fault) == [.delay(milliseconds: 100)])
    }

    @Test func tokenEndpointFault() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        harness.emulator.inject(.status(503), on: .token)

        let faulted = try await harness.requestToken(assertion: try harness.assertion())
        let object = try #require(try faulted.json() as? [String: String])
        let retried = try await harness.requestToken(assertion: try harness.assertion())

        #expect(faulted.status == 503)
        #expect(object["error"] == "unknown_error")
        #expect(retried.status == 200)
    }

    @Test func anyDataEndpointSparesToken() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        harness.emulator.inject(.status(500), times: 1)

        let token = try await harness.accessToken()
        let reply = try await harness.get("/services/data/v62.0/sobjects/Account/describe", token: token)

        #expect(reply.status == 500)
        #expect(harness.emulator.servedFaults.map(\.endpoint) == [.describe])
    }

    @Test func clearFaultsDropsPending() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        harness.emulator.inject(.status(500), on: .query, times: 5)

        harness.emulator.clearFaults()
        let reply = try await harness.query(Self.soql, token: token)

        #expect(reply.status == 200)
    }

    /// Requests made one at a time meet the same random faults for the same seed.
    @Test func randomFaultsFollowTheSeed() async throws {
        func servedSequence(seed: UInt64) async throws -> [ServedFault] {
            let harness = try EmulatorHarness { $0.faultRate = 0.5; $0.seed = seed }
            defer { harness.stop() }
            let token = try await harness.accessToken()
            for _ in 0..<30 {
                _ = try? await harness.get("/services/data/v62.0/sobjects/Account/describe", token: token)
                if harness.emulator.servedFaults.last?.fault == .invalidSession { break }
            }
            return harness.emulator.servedFaults
        }

        let first = try await servedSequence(seed: 7)
        let second = try await servedSequence(seed: 7)

        #expect(!first.isEmpty)
        #expect(first == second)
        #expect(first.allSatisfy { $0.isRandom })
        #expect(first.allSatisfy { $0.endpoint == .describe })
    }
}

@Suite("Admin endpoints")
struct AdminEndpointTests {
    @Test func injectListAndClearOverHTTP() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()
        let faultsURL = try harness.url("/emulator/faults")

        let injected = try await LoopbackClient.send(
            faultsURL, method: "POST", headers: ["Content-Type": "application/json"],
            body: Data("{\"fault\":\"status\",\"status\":502,\"endpoint\":\"query\",\"times\":2}".utf8)
        )
        let faulted = try await harness.query("SELECT Id FROM Lead", token: token)
        let listed = try #require(try await LoopbackClient.send(faultsURL).json() as? [String: Any])
        let cleared = try await LoopbackClient.send(faultsURL, method: "DELETE")
        let after = try await harness.query("SELECT Id FROM Lead", token: token)

        #expect(injected.status == 201)
        #expect(faulted.status == 502)
        #expect(listed["pending"] as? Int == 1)
        #expect((listed["served"] as? [[String: Any]])?.first?["fault"] as? String == "status(502)")
        #expect(cleared.status == 204)
        #expect(after.status == 200)
    }

    @Test func rejectsUnknownFaultAndEndpoint() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let faultsURL = try harness.url("/emulator/faults")

        for body in ["{\"fault\":\"meteor\"}", "{\"fault\":\"closeMidBody\",\"endpoint\":\"nowhere\"}", "not json"] {
            let reply = try await LoopbackClient.send(faultsURL, method: "POST", body: Data(body.utf8))
            #expect(reply.status == 400, "\(body)")
        }
    }

    @Test func expireSessionsOverHTTP() async throws {
        let harness = try EmulatorHarness()
        defer { harness.stop() }
        let token = try await harness.accessToken()

        let expired = try await LoopbackClient.send(try harness.url("/emulator/sessions/expire"), method: "POST")
        let reply = try await harness.query("SELECT Id FROM Lead", token: token)

        #expect(expired.status == 204)
        #expect(reply.status == 401)
    }
}
