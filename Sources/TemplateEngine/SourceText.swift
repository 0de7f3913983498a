/// A template's text as UTF-8 bytes, with the byte-level queries the parser needs.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; line 1 starts at 0.
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == .newline {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    var count: Int { bytes.count }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<offset] where byte & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The first offset at or after `start` where `needle` occurs, or nil.
    func find(_ needle: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let limit = (end ?? bytes.count) - needle.count
        guard !needle.isEmpty, start <= limit else { return nil }
        let first = needle[0]
        var offset = start
        while offset <= limit {
            if bytes[offset] == first && matches(needle, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether `needle` occurs at `offset`.
    func matches(_ needle: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= bytes.count else { return false }
        for index in needle.indices where bytes[offset + index] != needle[index] {
            return false
        }
        return true
    }

    /// The offset where the line holding `offset` starts.
    func lineStart(before offset: Int) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != .newline { start -= 1 }
        return start
    }

    /// Whether `start..<end` holds only spaces and tabs.
    func isBlank(_ start: Int, _ end: Int) -> Bool {
        bytes[start..<end].allSatisfy { $0 == .space || $0 == .tab }
    }

    /// If only spaces and tabs follow `offset` up to a line break (`\n` or `\r\n`) or the end of
    /// the text, the offset just past that line break; otherwise nil.
    func endOfBlankRest(from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count && (bytes[index] == .space || bytes[index] == .tab) { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == .newline { return index + 1 }
        if bytes[index] == .carriageReturn && index + 1 < bytes.count && bytes[index + 1] == .newline {
            return index + 2
        }
        return nil
    }

    /// The text of a byte range, for names and messages.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A 1-based line and column (Unicode scalars) in a template.
struct SourcePosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
