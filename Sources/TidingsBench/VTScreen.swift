import Foundation

/// A minimal model of an xterm screen: enough of the control sequences ncurses and newsboat emit
/// (cursor addressing, erase, insert/delete, scroll regions) to know what a user would see.
/// ncurses writes only what changed, so text cannot be searched for in the raw byte stream.
struct VTScreen {
    let columns: Int
    let rows: Int
    /// One string per cell; "" marks the right half of a wide character.
    private(set) var cells: [[String]]
    private var x = 0, y = 0
    private var savedX = 0, savedY = 0
    private var top = 0, bottom: Int
    private var parser = EscapeParser()
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bottom = rows - 1
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The text of row `index`, wide characters once.
    func line(_ index: Int) -> String {
        guard index >= 0 && index < rows else { return "" }
        return cells[index].joined()
    }

    /// Every row, trailing blanks removed, one per line.
    func text() -> String {
        (0..<rows).map { line($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { consume(byte) }
    }

    private mutating func consume(_ byte: UInt8) {
        if parser.active {
            if let sequence = parser.push(byte) { apply(sequence) }
            return
        }
        if utf8Needed > 0 {
            guard byte & 0xC0 == 0x80 else { utf8 = []; utf8Needed = 0; return consume(byte) }
            utf8.append(byte)
            utf8Needed -= 1
            if utf8Needed == 0 { put(String(decoding: utf8, as: UTF8.self)); utf8 = [] }
            return
        }
        switch byte {
        case 0x1B: parser.start()
        case 0x0D: x = 0
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: x = max(0, x - 1)
        case 0x09: x = min(columns - 1, (x / 8 + 1) * 8)
        case 0x00..<0x20, 0x7F: break
        case 0x20..<0x7F: put(String(UnicodeScalar(byte)))
        case 0xC0..<0xE0: utf8 = [byte]; utf8Needed = 1
        case 0xE0..<0xF0: utf8 = [byte]; utf8Needed = 2
        case 0xF0..<0xF8: utf8 = [byte]; utf8Needed = 3
        default: break
        }
    }

    private mutating func put(_ text: String) {
        guard let scalar = text.unicodeScalars.first else { return }
        let width = Self.width(scalar)
        if width == 0 {
            // Combining marks, joiners and variation selectors attach to the previous cell.
            let px = max(0, x - 1)
            cells[y][px] += text
            return
        }
        if x + width > columns { x = columns - width }  // autowrap is off where ncurses writes the margin
        cells[y][x] = text
        if width == 2 { cells[y][x + 1] = "" }
        x = min(columns - 1, x + width)
    }

    private mutating func lineFeed() {
        if y == bottom { scroll(up: 1) } else { y = min(rows - 1, y + 1) }
    }

    private mutating func scroll(up count: Int) {
        for _ in 0..<max(0, count) {
            cells.remove(at: top)
            cells.insert(blankRow(), at: bottom)
        }
    }

    private mutating func scroll(down count: Int) {
        for _ in 0..<max(0, count) {
            cells.remove(at: bottom)
            cells.insert(blankRow(), at: top)
        }
    }

    private func blankRow() -> [String] { Array(repeating: " ", count: columns) }

    private mutating func apply(_ sequence: EscapeParser.Sequence) {
        switch sequence {
        case .csi(let params, let final, let privateMarker):
            guard !privateMarker else {
                // ?1049h / ?47h: the alternate screen starts blank.
                if (final == "h" || final == "l") && (params.contains(1049) || params.contains(47)) { clear() }
                return
            }
            let n = max(1, params.first ?? 1)
            switch final {
            case "H", "f":
                y = clampRow((params.first.map { max(1, $0) } ?? 1) - 1)
                x = clampColumn((params.count > 1 ? max(1, params[1]) : 1) - 1)
            case "d": y = clampRow(n - 1)
            case "G", "`": x = clampColumn(n - 1)
            case "A": y = max(0, y - n)
            case "B", "e": y = min(rows - 1, y + n)
            case "C", "a": x = min(columns - 1, x + n)
            case "D": x = max(0, x - n)
            case "E": y = min(rows - 1, y + n); x = 0
            case "F": y = max(0, y - n); x = 0
            case "J": erase(display: params.first ?? 0)
            case "K": erase(line: params.first ?? 0)
            case "X": for i in x..<min(columns, x + n) { cells[y][i] = " " }
            case "@":
                for _ in 0..<n { cells[y].insert(" ", at: x); cells[y].removeLast() }
            case "P":
                for _ in 0..<min(n, columns - x) { cells[y].remove(at: x); cells[y].append(" ") }
            case "L":
                guard y >= top && y <= bottom else { return }
                for _ in 0..<n { cells.remove(at: bottom); cells.insert(blankRow(), at: y) }
            case "M":
                guard y >= top && y <= bottom else { return }
                for _ in 0..<n { cells.remove(at: y); cells.insert(blankRow(), at: bottom) }
            case "S": scroll(up: n)
            case "T": scroll(down: n)
            case "r":
                top = clampRow((params.first.map { max(1, $0) } ?? 1) - 1)
                bottom = clampRow((params.count > 1 && params[1] > 0 ? params[1] : rows) - 1)
                if top >= bottom { top = 0; bottom = rows - 1 }
                x = 0; y = 0
            default: break
            }
        case .escape(let final):
            switch final {
            case "7": savedX = x; savedY = y
            case "8": x = savedX; y = savedY
            case "D": lineFeed()
            case "E": x = 0; lineFeed()
            case "M": if y == top { scroll(down: 1) } else { y = max(0, y - 1) }
            case "c": clear(); top = 0; bottom = rows - 1
            default: break
            }
        }
    }

    private mutating func clear() {
        cells = Array(repeating: blankRow(), count: rows)
    }

    private mutating func erase(display mode: Int) {
        switch mode {
        case 0:
            erase(line: 0)
            for row in (y + 1)..<rows { cells[row] = blankRow() }
        case 1:
            erase(line: 1)
            for row in 0..<y { cells[row] = blankRow() }
        default: clear()
        }
    }

    private mutating func erase(line mode: Int) {
        let range: Range<Int>
        switch mode {
        case 0: range = x..<columns
        case 1: range = 0..<min(columns, x + 1)
        default: range = 0..<columns
        }
        for i in range { cells[y][i] = " " }
    }

    private func clampRow(_ value: Int) -> Int { min(max(0, value), rows - 1) }
    private func clampColumn(_ value: Int) -> Int { min(max(0, value), columns - 1) }

    /// Display width as xterm and ncurses agree on it for the characters the corpus uses.
    static func width(_ s: UnicodeScalar) -> Int {
        let v = s.value
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x20000...0x3FFFD, 0x2614...0x2615, 0x26A1, 0x2705:
            return 2
        default: return 1
        }
    }
}

/// Splits escape sequences out of the byte stream: CSI with numeric parameters, two-byte
/// escapes, charset designations and OSC strings (skipped).
struct EscapeParser {
    enum Sequence {
        case csi(params: [Int], final: Character, privateMarker: Bool)
        case escape(Character)
    }

    private enum Phase { case idle, escape, csi, charset, osc, oscEscape }
    private var phase = Phase.idle
    private var params: [Int] = []
    private var current: Int?
    private var privateMarker = false

    var active: Bool { phase != .idle }

    mutating func start() {
        phase = .escape
        params = []
        current = nil
        privateMarker = false
    }

    mutating func push(_ byte: UInt8) -> Sequence? {
        switch phase {
        case .idle:
            return nil
        case .escape:
            switch byte {
            case UInt8(ascii: "["): phase = .csi
            case UInt8(ascii: "]"): phase = .osc
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"): phase = .charset
            default:
                phase = .idle
                return .escape(Character(UnicodeScalar(byte)))
            }
        case .charset:
            phase = .idle
        case .osc:
            if byte == 0x07 { phase = .idle } else if byte == 0x1B { phase = .oscEscape }
        case .oscEscape:
            phase = .idle
        case .csi:
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: ";"), UInt8(ascii: ":"):
                params.append(current ?? 0)
                current = nil
            case UInt8(ascii: "?"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "="):
                privateMarker = true
            case 0x20...0x2F:
                break  // intermediate bytes
            case 0x40...0x7E:
                if let current { params.append(current) }
                phase = .idle
                return .csi(params: params, final: Character(UnicodeScalar(byte)), privateMarker: privateMarker)
            default:
                phase = .idle  // malformed: drop it
            }
        }
        return nil
    }
}
