import Foundation

/// A start tag found in HTML: its name, attributes and where it starts.
struct HTMLTag: Sendable, Equatable {
    var name: String
    var attributes: [String: String]
    var line: Int
    var column: Int
    /// Text up to the matching end tag, for `<title>` and headings (tags stripped).
    var text: String = ""
}

/// Finds the start tags of an HTML document: enough for checking links, ids, images and headings
/// in the HTML sitegen wrote, raw HTML of pages included. Comments are skipped; `<script>` and
/// `<style>` bodies are raw text; attribute values and heading text have their character
/// references decoded (`HTMLEntities`).
enum HTMLScanner {
    static let textTags: Set<String> = ["title", "h1", "h2", "h3", "h4", "h5", "h6"]

    static func tags(_ html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var openText: [(tag: Int, name: String, start: Int)] = []

        func column(_ at: Int) -> Int {
            String(decoding: bytes[lineStart..<at], as: UTF8.self).count + 1
        }
        func advanceLines(to end: Int, from start: Int) {
            var position = start
            while position < end {
                if bytes[position] == 10 {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var position = start
            while position + needle.count <= bytes.count {
                if bytes[position] == needle[0], Array(bytes[position..<position + needle.count]).lowercasedASCII == needle { return position }
                position += 1
            }
            return nil
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                if bytes[index] == 10 {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                let end = find(Array("-->".utf8), from: index + 4).map { $0 + 3 } ?? bytes.count
                advanceLines(to: end, from: index)
                index = end
                continue
            }
            let tagLine = line, tagColumn = column(index)
            var position = index + 1
            let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
            if closing { position += 1 }
            let nameStart = position
            while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
            if name.isEmpty {
                index += 1
                continue
            }
            // Attributes until '>'.
            var attributes: [String: String] = [:]
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
                    position += 1
                    continue
                }
                let attributeStart = position
                while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
                      bytes[position] != UInt8(ascii: ">") { position += 1 }
                let attribute = String(decoding: bytes[attributeStart..<position], as: UTF8.self).lowercased()
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                        let quote = bytes[position]
                        let valueStart = position + 1
                        position = valueStart
                        while position < bytes.count, bytes[position] != quote { position += 1 }
                        value = String(decoding: bytes[valueStart..<min(position, bytes.count)], as: UTF8.self)
                        position += 1
                    } else {
                        let valueStart = position
                        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
                    }
                }
                if !attribute.isEmpty { attributes[attribute] = HTMLEntities.decode(value, in: .attribute) }
            }
            let end = min(position + 1, bytes.count)
            advanceLines(to: end, from: index)
            index = end
            if closing {
                if let open = openText.lastIndex(where: { $0.name == name }) {
                    let entry = openText.remove(at: open)
                    let inner = String(decoding: bytes[entry.start..<max(entry.start, index - name.count - 3)], as: UTF8.self)
                    tags[entry.tag].text = HTMLEntities.decode(stripTags(inner), in: .text)
                }
                continue
            }
            tags.append(HTMLTag(name: name, attributes: attributes, line: tagLine, column: tagColumn))
            if textTags.contains(name) { openText.append((tags.count - 1, name, index)) }
            if name == "script" || name == "style" {
                let end = find(Array("</\(name)".utf8), from: index) ?? bytes.count
                advanceLines(to: end, from: index)
                index = end
            }
        }
        return tags
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension Array where Element == UInt8 {
    var lowercasedASCII: [UInt8] { map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 } }
}
