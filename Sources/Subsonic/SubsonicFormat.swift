import Foundation

/// The two encodings of a reply (`f=xml`, the default, or `f=json`), from one element tree.
enum SubsonicFormat {
    case xml, json

    init(parameter: String?) {
        self = parameter?.lowercased() == "json" ? .json : .xml
    }

    var contentType: String {
        self == .json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8"
    }

    func encode(_ root: SubsonicElement) -> Data {
        switch self {
        case .json:
            let object = ["subsonic-response": Self.jsonObject(root)]
            return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        case .xml:
            var text = #"<?xml version="1.0" encoding="UTF-8"?>"#
            Self.appendXML(root, name: "subsonic-response", namespace: true, to: &text)
            return Data(text.utf8)
        }
    }

    private static func jsonObject(_ element: SubsonicElement) -> [String: Any] {
        var object: [String: Any] = [:]
        for (name, value) in element.fields {
            object[name] = jsonValue(value)
        }
        return object
    }

    private static func jsonValue(_ value: SubsonicValue) -> Any {
        switch value {
        case .string(let string): return string
        case .int(let int): return int
        case .double(let double): return double.isFinite ? double : 0
        case .bool(let bool): return bool
        case .element(let element): return jsonObject(element)
        case .list(let elements): return elements.map(jsonObject)
        case .strings(let strings): return strings
        case .ints(let ints): return ints
        }
    }

    private static func appendXML(_ element: SubsonicElement, name: String, namespace: Bool = false, to text: inout String) {
        text += "<\(name)"
        if namespace { text += #" xmlns="http://subsonic.org/restapi""# }
        var children: [(String, SubsonicValue)] = []
        for (field, value) in element.fields {
            switch value {
            case .string(let string): text += " \(field)=\"\(escaped(string))\""
            case .int(let int): text += " \(field)=\"\(int)\""
            case .double(let double): text += " \(field)=\"\(xmlNumber(double))\""
            case .bool(let bool): text += " \(field)=\"\(bool)\""
            case .element, .list, .strings, .ints: children.append((field, value))
            }
        }
        guard !children.isEmpty else { text += "/>"; return }
        text += ">"
        for (field, value) in children {
            switch value {
            case .element(let child): appendXML(child, name: field, to: &text)
            case .list(let list): list.forEach { appendXML($0, name: field, to: &text) }
            case .strings(let strings): strings.forEach { text += "<\(field)>\(escaped($0))</\(field)>" }
            case .ints(let ints): ints.forEach { text += "<\(field)>\($0)</\(field)>" }
            default: break
            }
        }
        text += "</\(name)>"
    }

    /// The number as JSON writes it: whole numbers without a trailing ".0".
    private static func xmlNumber(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// XML 1.0 cannot carry most control characters even escaped, so a tag holding one loses it.
    private static func escaped(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default: if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
