import TidingsCore
import TidingsText

/// A framed box over the screen listing every command and its keys.
enum HelpOverlayView {
    static func render(keymap: Keymap, scroll: Int, into screen: inout Screen) {
        let lines = HelpContent.lines(keymap: keymap)
        let naturalKeys = min(24, (lines.map { TextWidth.of($0.keys) }.max() ?? 8))
        let textWidth = lines.filter { $0.kind == .binding }.map { TextWidth.of($0.text) }.max() ?? 20
        let wanted = naturalKeys + textWidth + 6
        let width = min(screen.width, max(20, wanted))
        let height = min(screen.height, lines.count + 4)
        guard width >= 4, height >= 3 else { return }
        // A narrow box gives the keys at most two fifths, so every command still shows some words.
        let keyWidth = width >= wanted ? naturalKeys : min(naturalKeys, max(1, (width - 4) * 2 / 5))
        let box = OverlayFrame.draw(width: width, height: height, title: " Keys — any other key closes ", into: &screen)
        let (x0, y0, inner) = (box.x, box.y, width - 2)
        let visible = height - 2
        for i in 0..<visible {
            let index = scroll + i
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            let y = y0 + 1 + i
            let x = x0 + 2
            let avail = max(0, inner - 2)
            switch line.kind {
            case .blank: break
            case .heading: screen.put(line.text, x: x, y: y, role: .helpHeading, maxWidth: avail)
            case .binding:
                let keys = TerminalSafe.truncate(line.keys, toWidth: min(keyWidth, avail))
                screen.put(keys, x: x, y: y, role: .helpKey, maxWidth: avail)
                let tx = x + keyWidth + 2
                if tx < x0 + width - 1 {
                    screen.put(TerminalSafe.truncate(line.text, toWidth: x0 + width - 1 - tx), x: tx, y: y, role: .helpText,
                               maxWidth: x0 + width - 1 - tx)
                }
            }
        }
    }
}
