import Testing
import TidingsSync

/// Every branch of the merge rule, for read (unread wins: preferred false) and starred (preferred true).
@Suite struct ThreeWayMergeTests {
    typealias D = ThreeWayMerge.Decision

    @Test func serverUnchangedPushesTheLocalMark() {
        #expect(ThreeWayMerge.decide(base: false, server: false, local: true, intent: true, preferred: false)
                == D(value: true, push: true, conflict: false))
        #expect(ThreeWayMerge.decide(base: true, server: true, local: false, intent: false, preferred: true)
                == D(value: false, push: true, conflict: false))
    }

    @Test func nothingChangedChangesNothing() {
        #expect(ThreeWayMerge.decide(base: true, server: true, local: true, intent: nil, preferred: false)
                == D(value: true, push: false, conflict: false))
    }

    @Test func serverChangedAndUserDidNotTakesTheServers() {
        #expect(ThreeWayMerge.decide(base: false, server: true, local: false, intent: nil, preferred: false)
                == D(value: true, push: false, conflict: false))
        #expect(ThreeWayMerge.decide(base: true, server: false, local: true, intent: nil, preferred: true)
                == D(value: false, push: false, conflict: false))
    }

    @Test func bothChangedAlikeIsNoConflict() {
        #expect(ThreeWayMerge.decide(base: false, server: true, local: true, intent: true, preferred: false)
                == D(value: true, push: false, conflict: false))
    }

    @Test func bothChangedDifferentlyUnreadAndStarredWin() {
        // Read: server says unread (changed from read), user marked read again? base read → server unread, user marked read.
        #expect(ThreeWayMerge.decide(base: true, server: false, local: true, intent: true, preferred: false)
                == D(value: false, push: false, conflict: true))
        // Read: base unread, server read, the user's mark says unread (marked read then unread): unread wins, pushed.
        #expect(ThreeWayMerge.decide(base: false, server: true, local: false, intent: false, preferred: false)
                == D(value: false, push: true, conflict: true))
        // Starred: base starred, server unstarred, user starred again: starred wins, pushed.
        #expect(ThreeWayMerge.decide(base: true, server: false, local: true, intent: true, preferred: true)
                == D(value: true, push: true, conflict: true))
        // Starred: base unstarred, server starred, user unstarred: starred wins.
        #expect(ThreeWayMerge.decide(base: false, server: true, local: false, intent: false, preferred: true)
                == D(value: true, push: false, conflict: true))
    }

    @Test func firstMeetingOfACachedArticle() {
        // Read here, unread there, never compared: unread wins.
        #expect(ThreeWayMerge.decide(base: nil, server: false, local: true, intent: nil, preferred: false)
                == D(value: false, push: false, conflict: true))
        // Starred here only: kept and pushed.
        #expect(ThreeWayMerge.decide(base: nil, server: false, local: true, intent: nil, preferred: true)
                == D(value: true, push: true, conflict: true))
        // The same on both sides.
        #expect(ThreeWayMerge.decide(base: nil, server: true, local: true, intent: nil, preferred: false)
                == D(value: true, push: false, conflict: false))
    }
}
