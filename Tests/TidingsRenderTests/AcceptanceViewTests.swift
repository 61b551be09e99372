import Foundation
import Testing
import TidingsCore
import TidingsRender
import TidingsText

/// What a user saw wrong in the real reader, pinned on the rendered screen.
@Suite struct AcceptanceViewTests {
    static func statusRow(_ s: AppState) -> String {
        AppView.render(s).rows.last ?? ""
    }

    /// At 20 columns the position and count filled the row and every message was cut off.
    @Test(arguments: [20, 30, 40])
    func aMessageWinsOverThePositionWhenBothDoNotFit(width: Int) {
        var s = ViewSnapshotTests.state(width, 5)
        s.message = StatusMessage("No unread articles.")
        let row = Self.statusRow(s)
        #expect(row.contains("No unread"), "status row was: \(row)")
    }

    @Test func aWideStatusRowKeepsPositionAndMessage() {
        var s = ViewSnapshotTests.state(80, 24)
        s.message = StatusMessage("No unread articles.")
        let row = Self.statusRow(s)
        #expect(row.hasPrefix(" 1/6  5 unread  No unread articles."))
    }

    /// The help box cut its own sentences at 120 columns and showed no text at all at 20.
    @Test(arguments: [(120, 40), (100, 30)])
    func helpTextIsWholeWhenTheScreenHasRoom(width: Int, height: Int) {
        var s = ViewSnapshotTests.state(width, height)
        s.helpScroll = 0
        let text = AppView.render(s).rows.joined(separator: "\n")
        #expect(text.contains("Move focus between list and reader"))
        #expect(!text.contains("Search all articles (results fill the li…"))
        #expect(text.contains("Search all articles (results fill the list as you type)"))
    }

    @Test(arguments: [(20, 5), (30, 8), (40, 10)])
    func narrowHelpStillShowsWordsOfEveryCommand(width: Int, height: Int) {
        var s = ViewSnapshotTests.state(width, height)
        s.helpScroll = 2  // "k Up" and "j Down": short keys
        let rows = AppView.render(s).rows
        #expect(rows.contains { $0.contains("Move") }, "help rows were:\n\(rows.joined(separator: "\n"))")
    }

    /// At 20 columns the question lost its "(y/n)", the only hint of how to answer it.
    @Test(arguments: [20, 24, 80])
    func theMarkEverythingQuestionAlwaysShowsHowToAnswer(width: Int) {
        var s = ViewSnapshotTests.state(width, 5)
        _ = reduce(&s, .key(.char("C")))
        let row = Self.statusRow(s)
        #expect(row.contains("(y/n)"), "status row was: \(row)")
        #expect(row.contains("5"))
    }
}
