/// One attribute of an element, namespace-resolved.
struct XMLAttribute {
    var uri: String?
    var name: String
    var value: String
}

/// What the SAX driver reports; the feed builder implements it.
protocol XMLEventSink: AnyObject {
    /// Returns false to stop parsing (the root element is not a feed).
    func start(uri: String?, name: String, attributes: [XMLAttribute], namespaces: [String]) -> Bool
    func end(uri: String?, name: String)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}
