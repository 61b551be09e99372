import Foundation
import TidingsCore
import TidingsText

/// The bottom row: position, unread count, a message or key hints.
enum StatusBarView {
    static func render(_ state: AppState, into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, role: .statusBar)
        if let confirmation = state.confirmation {
            let unread = state.feedList.totals.unread
            var question = confirmation.question(unread: unread)
            if TextWidth.of(question) + 1 > rect.width { question = confirmation.shortQuestion(unread: unread) }
            screen.put(TerminalSafe.truncate(" " + question, toWidth: rect.width), x: rect.x, y: rect.y, role: .statusMessage,
                       maxWidth: rect.width)
            return
        }
        if let prompt = state.prompt {
            // Keep the end of a long query visible, as a shell does.
            let text = prompt.kind.label + prompt.text
            var shown = text
            while TextWidth.of(shown) > max(1, rect.width - 2) { shown.removeFirst() }
            let x = rect.x + screen.put(shown, x: rect.x, y: rect.y, role: .statusMessage, maxWidth: rect.width)
            screen.put("▏", x: x, y: rect.y, role: .statusMessage, maxWidth: rect.x + rect.width - x)
            let busy = "searching… "
            if state.searchInFlight != nil, x + 2 + TextWidth.of(busy) <= rect.x + rect.width {
                screen.put(busy, x: rect.x + rect.width - TextWidth.of(busy), y: rect.y, role: .statusBar)
            }
            return
        }
        let left = " " + position(state) + "  \(state.feedList.totals.unread) unread"
        var x = rect.x
        let right = rect.x + rect.width
        if let message = state.message {
            // The message answers the key just pressed: on a narrow row it goes first, the position yields.
            let messageWidth = TextWidth.of(message.text)
            if TextWidth.of(left) + 2 + messageWidth <= rect.width {
                x += screen.put(left, x: x, y: rect.y, role: .statusBar, maxWidth: rect.width) + 2
            } else {
                x += 1
            }
            guard x < right else { return }
            screen.put(TerminalSafe.truncate(message.text, toWidth: right - x), x: x, y: rect.y,
                       role: message.isError ? .statusError : .statusMessage, maxWidth: right - x)
            return
        }
        if let info = info(state) {
            // Progress and a feed's trouble are worth more than key hints, which the help lists anyway.
            if TextWidth.of(left) + 2 + TextWidth.of(info.text) <= rect.width {
                x += screen.put(left, x: x, y: rect.y, role: .statusBar, maxWidth: rect.width) + 2
            } else {
                x += 1
            }
            guard x < right else { return }
            screen.put(TerminalSafe.truncate(TerminalSafe.singleLine(info.text), toWidth: right - x), x: x, y: rect.y,
                       role: info.isError ? .statusError : .statusMessage, maxWidth: right - x)
            return
        }
        x += screen.put(TerminalSafe.truncate(left, toWidth: rect.width), x: x, y: rect.y, role: .statusBar, maxWidth: rect.width)
        // Hints are right-aligned and dropped from the end until they fit.
        var hints = self.hints(state)
        while !hints.isEmpty {
            let text = hints.map { "\($0.key):\($0.label)" }.joined(separator: "  ") + " "
            let w = TextWidth.of(text)
            if x + 2 + w <= right {
                var hx = right - w
                for (i, hint) in hints.enumerated() {
                    if i > 0 { hx += 2 }
                    hx += screen.put(hint.key, x: hx, y: rect.y, role: .statusKey)
                    hx += screen.put(":" + hint.label, x: hx, y: rect.y, role: .statusBar)
                }
                return
            }
            hints.removeLast()
        }
    }

    /// A running refresh, else the selected feed's fetch problem (with its next attempt).
    static func info(_ state: AppState) -> StatusMessage? {
        var parts: [String] = []
        if state.searchInFlight != nil { parts.append("Searching…") }
        if let sync = state.sync { parts.append(sync.text) }
        if let refresh = state.refresh { parts.append(refresh.text) }
        var isError = false
        if state.headlines == nil, state.focus == .list, state.feedList.rows.indices.contains(state.feedList.selected),
           case .feed(let feed) = state.feedList.rows[state.feedList.selected], let problem = feed.problem {
            parts.append(problemText(problem, timeZone: state.timeZone))
            isError = state.refresh == nil && state.sync == nil && problem.kind != .rateLimited
        }
        return parts.isEmpty ? nil : StatusMessage(parts.joined(separator: " — "), isError: isError)
    }

    static func problemText(_ problem: FeedProblem, timeZone: TimeZone) -> String {
        let next = problem.nextAttempt.map { DateText.clock($0, timeZone: timeZone) }
        switch problem.kind {
        case .gone: return problem.message
        case .rateLimited: return "Rate-limited until \(next ?? "later")"
        case .backoff: return "! \(problem.message) · next attempt \(next ?? "later")"
        case .error: return "! \(problem.message)"
        }
    }

    static func position(_ state: AppState) -> String {
        if state.focus == .reader, let r = state.reader {
            let total = max(1, r.lines.count)
            let last = min(total, r.scroll + state.readerViewport)
            let percent = total <= state.readerViewport ? 100 : last * 100 / total
            return "Line \(r.scroll + 1)/\(total) \(percent)%"
        }
        if let h = state.headlines { return h.total == 0 ? "0/0" : "\(h.selected + 1)/\(h.total)" }
        return "\(state.feedList.selected + 1)/\(state.feedList.rowCount)"
    }

    static func hints(_ state: AppState) -> [(key: String, label: String)] {
        let commands: [(Command, String)]
        if state.focus == .reader {
            commands = [(.pageDown, "Page"), (.nextUnread, "Next unread"), (.toggleRead, "Toggle read"),
                        (.openInBrowser, "Browser"), (.zoom, "Zoom"), (.back, "Back"), (.help, "Help")]
        } else if state.headlines != nil {
            commands = [(.open, "Read"), (.nextUnread, "Next unread"), (.toggleRead, "Toggle read"),
                        (.markFeedRead, "Mark all read"), (.back, "Back"), (.help, "Help")]
        } else {
            commands = [(.open, "Open"), (.nextUnread, "Next unread"), (.markFeedRead, "Mark read"),
                        (.back, "Quit"), (.help, "Help")]
        }
        return commands.compactMap { command, label in
            let keys = state.keymap.keys(for: command).filter { $0.0 == .global || $0.0 == state.keyContext }
            return keys.first.map { (key: $0.1.name, label: label) }
        }
    }
}
