import TidingsCore
import TidingsText

/// A framed, centred list with one highlighted line (the link list, the tag chooser).
enum ListOverlayView {
    static func render(title: String, lines: [String], selected: Int, into screen: inout Screen) {
        let width = min(screen.width, max(TextWidth.of(title) + 4, min(100, (lines.map { TextWidth.of($0) }.max() ?? 10) + 6)))
        let height = min(screen.height, lines.count + 2)
        guard width >= 6, height >= 3 else { return }
        let box = OverlayFrame.draw(width: width, height: height, title: title, into: &screen)
        let (x0, y0, inner) = (box.x, box.y, width - 2)
        let visible = height - 2
        let top = min(max(0, selected - visible / 2), max(0, lines.count - visible))
        for i in 0..<visible {
            let index = top + i
            guard lines.indices.contains(index) else { break }
            let y = y0 + 1 + i
            let role: Role = index == selected ? .listSelected : .helpText
            if index == selected { screen.fill(Rect(x: x0 + 1, y: y, width: inner, height: 1), role: role) }
            let text = TerminalSafe.truncate(TerminalSafe.singleLine(lines[index]), toWidth: max(0, inner - 2))
            screen.put(text, x: x0 + 2, y: y, role: role, maxWidth: max(0, inner - 2))
        }
    }
}
