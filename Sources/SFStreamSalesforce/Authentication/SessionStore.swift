import Foundation

/// An access token with the instance it is valid for.
struct Session: Sendable {
    let token: AccessToken
    let instanceURL: URL
    /// Counts token requests, so a caller can tell whether a session was already replaced.
    let generation: Int
}

/// Holds the current session and makes sure concurrent callers share one token request.
///
/// When several requests fail with `INVALID_SESSION_ID` at once, each calls `renew(replacing:)`
/// with the generation it used. The first starts a token request. The others await that same
/// request, or find the newer session already in place.
actor SessionStore {
    private var session: Session?
    private var pending: Task<Session, any Error>?
    private var generation = 0

    /// Requests a token; the argument is true when it replaces a rejected one.
    typealias TokenRequester = @Sendable (_ isRenewal: Bool) async throws -> (AccessToken, URL)

    /// Returns the current session, requesting the first token if there is none yet.
    ///
    /// Suspends while a token request is in flight. Cancelling the caller does not cancel a
    /// token request that others may share.
    func current(requestingWith requester: @escaping TokenRequester) async throws -> Session {
        if let session { return session }
        return try await startOrJoinTokenRequest(isRenewal: false, requester)
    }

    /// The instance URL of the current session, or `nil` before the first token.
    var instanceURL: URL? { session?.instanceURL }

    /// Returns a session newer than `stale`, requesting a token unless another caller already did.
    func renew(replacing stale: Int, requestingWith requester: @escaping TokenRequester) async throws -> Session {
        if let session, session.generation > stale { return session }
        return try await startOrJoinTokenRequest(isRenewal: true, requester)
    }

    private func startOrJoinTokenRequest(isRenewal: Bool, _ requester: @escaping TokenRequester) async throws -> Session {
        if let pending { return try await pending.value }
        let task = Task<Session, any Error> {
            do {
                let (token, instanceURL) = try await requester(isRenewal)
                return self.install(token: token, instanceURL: instanceURL)
            } catch {
                self.clearPending()
                throw error
            }
        }
        pending = task
        return try await task.value
    }

    private func install(token: AccessToken, instanceURL: URL) -> Session {
        generation += 1
        let newSession = Session(token: token, instanceURL: instanceURL, generation: generation)
        session = newSession
        pending = nil
        return newSession
    }

    private func clearPending() {
        pending = nil
    }
}
