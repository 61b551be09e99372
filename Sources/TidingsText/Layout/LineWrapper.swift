/// Greedy word wrapping by display width. Breaks at spaces, between wide (CJK) characters, at hard
/// breaks, and hard inside a word longer than the line; never splits a wide glyph.
struct LineWrapper {
    let width: Int
    private(set) var lines: [[StyledRun]] = []
    private var line: [StyledRun] = []
    private var lineWidth = 0
    private var word: [StyledRun] = []
    private var wordWidth = 0
    private var spaceBefore = false
    private var spaceRole: LineRole = .body
    private var slice: (start: Int, end: Int)?
    private var sliceRole: LineRole = .body

    init(width: Int) { self.width = max(1, width) }

    /// Wraps spans whose roles derive from `base`; `"\n"` inside text is a hard break.
    static func wrap(_ spans: [Span], width: Int, base: LineRole) -> [[StyledRun]] {
        var wrapper = LineWrapper(width: width)
        for span in spans { wrapper.add(span.text, role: base.applying(span.style)) }
        return wrapper.finish()
    }

    mutating func add(_ text: String, role: LineRole) {
        var text = text
        text.withUTF8 { process($0, role: role) }
    }

    mutating func finish() -> [[StyledRun]] {
        commitWord()
        if !line.isEmpty { emitLine() }
        return lines
    }

    private mutating func process(_ bytes: UnsafeBufferPointer<UInt8>, role: LineRole) {
        let n = bytes.count
        var i = 0
        while i < n {
            var j = i
            var ascii = true
            while j < n {
                let b = bytes[j]
                if b == 0x20 || b == 0x0A { break }
                if b >= 0x80 { ascii = false }
                j += 1
            }
            if j > i {
                if j < n && ascii && word.isEmpty {
                    placeWhole(bytes, i, j, role: role)
                } else {
                    flushSlice(bytes)
                    segment(bytes, i, j, ascii: ascii, role: role)
                }
            }
            if j < n {
                if !word.isEmpty {
                    flushSlice(bytes)
                    commitWord()
                }
                if bytes[j] == 0x20 {
                    spaceBefore = true
                    spaceRole = role
                } else {
                    flushSlice(bytes)
                    emitLine()
                    spaceBefore = false
                }
            }
            i = j + 1
        }
        flushSlice(bytes)
    }

    /// The fast path for the common case, a complete ASCII word: the line's text is kept as a
    /// byte range of the span (`slice`) and only becomes a String when the line or run ends.
    private mutating func placeWhole(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, role: LineRole) {
        let w = end - start
        let gap = spaceBefore && lineWidth > 0 ? 1 : 0
        spaceBefore = false
        if lineWidth + gap + w <= width {
            let contiguous = slice != nil && slice!.end == start - gap && sliceRole == role
                && (gap == 0 || (spaceRole == role && bytes[start - 1] == 0x20))
            if contiguous {
                slice!.end = end
            } else {
                flushSlice(bytes)
                if gap == 1 { appendToLine(" ", role: spaceRole, width: nil) }
                slice = (start, end)
                sliceRole = role
            }
            lineWidth += gap + w
            return
        }
        flushSlice(bytes)
        if lineWidth > 0 { emitLine() }
        if w <= width {
            slice = (start, end)
            sliceRole = role
            lineWidth = w
        } else {
            appendToWord(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), role: role, width: w)
            commitWord()
        }
    }

    private mutating func flushSlice(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let (start, end) = slice else { return }
        slice = nil
        appendToLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), role: sliceRole, width: nil)
    }

    private mutating func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, ascii: Bool, role: LineRole) {
        guard end > start else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        if ascii {
            appendToWord(text, role: role, width: end - start)
            return
        }
        var pending = ""
        var pendingWidth = 0
        let characters = Array(text)
        var k = 0
        var glued = false  // the word ends in an opening bracket: the next glyph stays with it
        while k < characters.count {
            let c = characters[k]
            let w = TextWidth.of(c)
            guard w == 2 else {
                pending.append(c)
                pendingWidth += w
                k += 1
                continue
            }
            // A break is allowed on either side of a wide character, except where Japanese and
            // Chinese typesetting forbid one (kinsoku): never before closing punctuation, never
            // after an opening bracket.
            if !pending.isEmpty { appendToWord(pending, role: role, width: pendingWidth) }
            pending = ""
            pendingWidth = 0
            if !glued { commitWord() }
            appendToWord(String(c), role: role, width: 2)
            k += 1
            if Kinsoku.forbidsBreakAfter(c) {
                glued = true
                continue
            }
            glued = false
            while k < characters.count, Kinsoku.forbidsBreakBefore(characters[k]) {
                appendToWord(String(characters[k]), role: role, width: TextWidth.of(characters[k]))
                k += 1
            }
            commitWord()
        }
        if !pending.isEmpty { appendToWord(pending, role: role, width: pendingWidth) }
    }

    private mutating func appendToWord(_ text: String, role: LineRole, width w: Int) {
        if !word.isEmpty, word[word.count - 1].role == role {
            word[word.count - 1].text += text
        } else {
            word.append(StyledRun(text: text, role: role))
        }
        wordWidth += w
    }

    private mutating func commitWord() {
        guard !word.isEmpty else { return }
        defer {
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
            spaceBefore = false
        }
        let gap = spaceBefore && lineWidth > 0 ? 1 : 0
        if lineWidth + gap + wordWidth <= width {
            if gap == 1 { appendToLine(" ", role: spaceRole, width: 1) }
            for run in word { appendToLine(run.text, role: run.role, width: nil) }
            lineWidth += wordWidth
            return
        }
        if lineWidth > 0 { emitLine() }
        if wordWidth <= width {
            for run in word { appendToLine(run.text, role: run.role, width: nil) }
            lineWidth = wordWidth
            return
        }
        for run in word {
            for (piece, w, breakAfter) in Self.chunks(run.text, width: width, used: lineWidth) {
                if !piece.isEmpty { appendToLine(piece, role: run.role, width: nil) }
                lineWidth += w
                if breakAfter { emitLine() }
            }
        }
    }

    /// Cuts text into pieces that fill lines of `width` columns, the first starting at `used`.
    /// A glyph wider than a whole line (a wide glyph at width 1) becomes "…".
    static func chunks(_ text: String, width: Int, used: Int) -> [(String, Int, Bool)] {
        var result: [(String, Int, Bool)] = []
        var piece = ""
        var pieceWidth = 0
        var column = used
        let isASCII = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if isASCII {
            // One byte, one column: cut by byte offsets instead of walking characters.
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let room = width - column
                if room <= 0 {
                    result.append(("", 0, true))
                    column = 0
                    continue
                }
                let take = min(room, bytes.count - offset)
                let piece = String(decoding: bytes[offset..<(offset + take)], as: UTF8.self)
                offset += take
                column += take
                let more = offset < bytes.count
                result.append((piece, take, column >= width && more))
                if column >= width && more { column = 0 }
            }
            return result
        }
        for c in text {
            var glyph = String(c)
            var w = TextWidth.of(c)
            if w > width { glyph = "…"; w = 1 }
            if column + w > width {
                result.append((piece, pieceWidth, true))
                piece = ""
                pieceWidth = 0
                column = 0
            }
            piece += glyph
            pieceWidth += w
            column += w
        }
        if !piece.isEmpty { result.append((piece, pieceWidth, false)) }
        return result
    }

    private mutating func appendToLine(_ text: String, role: LineRole, width w: Int?) {
        if !line.isEmpty, line[line.count - 1].role == role {
            line[line.count - 1].text += text
        } else {
            line.append(StyledRun(text: text, role: role))
        }
        if let w { lineWidth += w }
    }

    private mutating func emitLine() {
        lines.append(line)
        line = []
        lineWidth = 0
    }
}
