import Foundation

/// Medians and number formatting for the report.
enum Stats {
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func fixed(_ value: Double?, _ digits: Int = 1) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    static func thousands(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let n = Int(value.rounded())
        var digits = String(n)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: ",")
    }

    static func megabytes(_ bytes: Double?) -> String { fixed(bytes.map { $0 / 1_048_576 }, 1) }
}
