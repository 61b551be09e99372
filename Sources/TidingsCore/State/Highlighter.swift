import TidingsText

/// Marks occurrences of search words in laid-out lines (case-insensitive), without changing the text.
public enum Highlighter {
    public static func apply(_ words: [String], to lines: [StyledLine]) -> [StyledLine] {
        let needles = words.map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !needles.isEmpty else { return lines }
        return lines.map { line in
            StyledLine(runs: line.runs.flatMap { split($0, needles) })
        }
    }

    private static func split(_ run: StyledRun, _ needles: [String]) -> [StyledRun] {
        let text = run.text
        let lower = Array(text.lowercased())
        let chars = Array(text)
        // Lower-casing can change the length (e.g. İ); then leave the run alone rather than misplace marks.
        guard lower.count == chars.count else { return [run] }
        var marked = [Bool](repeating: false, count: chars.count)
        for needle in needles {
            let n = Array(needle)
            guard n.count <= lower.count else { continue }
            var i = 0
            while i + n.count <= lower.count {
                if Array(lower[i..<(i + n.count)]) == n {
                    for k in i..<(i + n.count) { marked[k] = true }
                    i += n.count
                } else { i += 1 }
            }
        }
        guard marked.contains(true) else { return [run] }
        var out: [StyledRun] = []
        var current = ""
        var currentMarked = marked[0]
        for (c, m) in zip(chars, marked) {
            if m != currentMarked {
                out.append(StyledRun(text: current, role: currentMarked ? .highlight : run.role))
                current = ""
                currentMarked = m
            }
            current.append(c)
        }
        out.append(StyledRun(text: current, role: currentMarked ? .highlight : run.role))
        return out
    }
}
