import Testing

/// The tt-rss tests share one account, and `.serialized` orders tests only within a suite: this
/// trait runs each suite that carries it whole, one such suite at a time.
struct OneAccount: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        await AccountTurn.shared.take()
        do {
            try await function()
        } catch {
            await AccountTurn.shared.give()
            throw error
        }
        await AccountTurn.shared.give()
    }
}

extension Trait where Self == OneAccount {
    static var oneAccount: Self { OneAccount() }
}

/// Whose turn it is with the account; the others wait in order.
actor AccountTurn {
    static let shared = AccountTurn()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take() async {
        guard taken else { taken = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
    }
}
