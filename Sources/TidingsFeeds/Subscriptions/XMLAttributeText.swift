/// Attribute values as libxml2's SAX2 hands them over.
enum XMLAttributeText {
    static func decode(_ raw: String) -> String { raw }
}
