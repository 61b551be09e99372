/// Collects the spans of the paragraph being read, collapsing HTML whitespace across tags.
struct InlineBuffer {
    private(set) var spans: [Span] = []
    /// A collapsed space waiting for the next visible text, with the style it was seen in.
    private var pendingSpace: (style: SpanStyle, link: Int?)?
    /// True at the start of the paragraph or right after a hard break: leading spaces vanish.
    private var atLineStart = true
    /// Counts visible characters appended so far; a link compares it to know if it got any text.
    private(set) var visibleCount = 0

    var isEmpty: Bool { visibleCount == 0 }

    /// Appends sanitised text, turning each run of spaces into at most one space.
    mutating func append(collapsing text: String, style: SpanStyle, link: Int?) {
        var text = text
        var out: [UInt8] = []
        var leadingSpace = false
        var trailingSpace = false
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var space = false
            for b in bytes {
                if b == 0x20 {
                    space = true
                    continue
                }
                if space {
                    if out.isEmpty { leadingSpace = true } else { out.append(0x20) }
                    space = false
                }
                out.append(b)
            }
            trailingSpace = space
        }
        if out.isEmpty {
            if (leadingSpace || trailingSpace) && !atLineStart { pendingSpace = (style, link) }
            return
        }
        if leadingSpace && !atLineStart && pendingSpace == nil { pendingSpace = (style, link) }
        emitPendingSpace()
        push(String(decoding: out, as: UTF8.self), style: style, link: link, visible: out.count)
        atLineStart = false
        if trailingSpace { pendingSpace = (style, link) }
    }

    /// Appends text verbatim (a marker or a placeholder), after any pending space.
    mutating func appendWord(_ text: String, style: SpanStyle, link: Int?, spaceBefore: Bool = false) {
        if spaceBefore && !atLineStart && pendingSpace == nil { pendingSpace = ([], nil) }
        emitPendingSpace()
        push(text, style: style, link: link)
        atLineStart = false
    }

    /// A soft separation (a table cell boundary in a flattened table): a space if anything precedes.
    mutating func separate() {
        if !atLineStart && pendingSpace == nil { pendingSpace = ([], nil) }
    }

    /// A hard line break; consecutive breaks at the start are dropped.
    mutating func lineBreak() {
        pendingSpace = nil
        if spans.isEmpty { return }
        spans.append(Span(text: "\n"))
        atLineStart = true
    }

    /// A break only when the line has content (for blocks flattened into a table cell).
    mutating func softLineBreak() {
        if !atLineStart { lineBreak() }
    }

    /// Returns the collected spans without trailing breaks, and resets.
    mutating func take() -> [Span] {
        var result = spans
        while let last = result.last, last.text == "\n" { result.removeLast() }
        self = InlineBuffer()
        return result
    }

    private mutating func emitPendingSpace() {
        if let p = pendingSpace {
            push(" ", style: p.style, link: p.link)
            pendingSpace = nil
        }
    }

    private mutating func push(_ text: String, style: SpanStyle, link: Int?, visible: Int? = nil) {
        if text != " " { visibleCount += visible ?? text.utf8.count }
        // Compare through the index, not a copy of the last span: a live copy would force the
        // append below to copy the whole string every time (quadratic on a long paragraph).
        let i = spans.count - 1
        if i >= 0, spans[i].style == style, spans[i].linkIndex == link, spans[i].text != "\n" {
            spans[i].text += text
        } else {
            spans.append(Span(text: text, style: style, linkIndex: link))
        }
    }
}
