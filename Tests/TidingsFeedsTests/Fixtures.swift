import Foundation
import Testing
import TidingsFeeds

/// Fixture files live next to this source file (not bundle resources): see Package.swift's exclude.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

/// A UTC date from components, for expectations.
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Double = 0) -> Date {
    var c = DateComponents()
    c.year = y; c.month = mo; c.day = d; c.hour = h; c.minute = mi; c.second = Int(s)
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC")!
    return cal.date(from: c)!.addingTimeInterval(s - Double(Int(s)))
}

/// `FeedDate.parse(input)` is `expected` to the millisecond (nil: not a date).
func expectDate(_ input: String, _ expected: Date?, sourceLocation: SourceLocation = #_sourceLocation) {
    let got = FeedDate.parse(input)
    if let expected, let got {
        #expect(abs(got.timeIntervalSince(expected)) < 0.000_5, "\(input)", sourceLocation: sourceLocation)
    } else {
        #expect(got == expected, "\(input)", sourceLocation: sourceLocation)
    }
}
