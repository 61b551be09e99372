import CLibXML2

/// Answers libxml2's `getEntity` questions without ever loading anything: HTML named
/// entities decode to their characters, internal entities declared in the document expand
/// under a total budget (so billion laughs ends fast), and external entities yield nothing.
/// Every entity handed back is a "predefined" text entity, so libxml2 inlines its content
/// as characters and never expands or fetches it itself.
final class XMLEntityTable {
    private var handed: [String: xmlEntityPtr] = [:]
    private var declared: [String: String] = [:]
    private var expanded: [String: String] = [:]
    private var external: Set<String> = []
    private var budget: Int
    private var overBudget = false
    private var empty: xmlEntityPtr?
    private(set) var warnings: [String] = []

    init(expansionBudget: Int) { budget = expansionBudget }

    deinit {
        for e in handed.values { cx_text_entity_free(e) }
        if let empty { cx_text_entity_free(empty) }
    }

    /// Records a declaration from the internal subset.
    func declare(name: String, type: Int32, systemID: String?, content: String?) {
        switch UInt32(type) {
        case XML_INTERNAL_GENERAL_ENTITY.rawValue:
            if declared[name] == nil { declared[name] = content ?? "" }
        case XML_EXTERNAL_GENERAL_PARSED_ENTITY.rawValue, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue:
            external.insert(name)
            warnings.append("external entity '\(name)'\(systemID.map { " (\($0))" } ?? "") ignored; external entities are never loaded")
        default:
            break  // parameter entities: never used, never loaded
        }
    }

    /// The entity libxml2 should inline for `&name;`, or nil to let it report an undefined entity.
    func entity(named name: String) -> xmlEntityPtr? {
        if external.contains(name) { return emptyEntity() }
        if declared[name] != nil {
            guard let text = expand(name, depth: 0), charge(text.utf8.count) else { return emptyEntity() }
            return cached(name, text)
        }
        if let cached = handed[name] { return cached }
        guard let text = HTMLEntities.lookup(name) else { return nil }
        return cached(name, text)
    }

    private func cached(_ name: String, _ text: String) -> xmlEntityPtr? {
        if let e = handed[name] { return e }
        guard let e = cx_text_entity_new(name, text) else { return nil }
        handed[name] = e
        return e
    }

    private func emptyEntity() -> xmlEntityPtr? {
        if empty == nil { empty = cx_text_entity_new("", "") }
        return empty
    }

    /// Spends expansion budget for one reference; false (and one warning) once it is spent.
    private func charge(_ n: Int) -> Bool {
        if overBudget { return false }
        budget -= n
        if budget < 0 {
            overBudget = true
            warnings.append("entity expansion limit reached; further entity references were dropped")
            return false
        }
        return true
    }

    /// Replacement text of a declared entity with nested references resolved; nil when it
    /// is recursive, too deep or larger than the whole budget.
    private func expand(_ name: String, depth: Int) -> String? {
        if let e = expanded[name] { return e }
        guard depth < 16, let raw = declared[name] else {
            if !overBudget { warnings.append("entity '\(name)' nests too deeply; dropped") }
            overBudget = true
            return nil
        }
        var out = ""
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            guard c == "&", let semi = raw[i...].firstIndex(of: ";"), raw.distance(from: i, to: semi) < 40 else {
                out.append(c)
                i = raw.index(after: i)
                continue
            }
            let ref = raw[raw.index(after: i)..<semi]
            if ref.first == "#" {
                out += HTMLEntities.numeric(ref) ?? ""
            } else if let builtin = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"][String(ref)] {
                out += builtin
            } else if declared[String(ref)] != nil {
                guard let inner = expand(String(ref), depth: depth + 1) else { return nil }
                out += inner
            } else if !external.contains(String(ref)) {
                out += HTMLEntities.lookup(String(ref)) ?? ""
            }
            if out.utf8.count > budget {
                if !overBudget { warnings.append("entity '\(name)' expands beyond the limit; dropped") }
                overBudget = true
                return nil
            }
            i = raw.index(after: semi)
        }
        expanded[name] = out
        return out
    }
}
