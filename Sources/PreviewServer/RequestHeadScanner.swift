/// Finds where an HTTP/1.1 request's head ends, in one pass over the bytes as they arrive, and
/// refuses heads that are too long before reading them whole: a request line over
/// `maximumRequestLine` bytes is 414, a head over `maximumHead` bytes is 431, a body over
/// `maximumBody` is 413, and a chunked body is 501 (the preview has nothing to post to).
///
/// Every byte is looked at once however it is split across reads, so a request costs time in
/// proportion to its length (FlyingFox's own line reader looks at the whole line again for every
/// byte: a 30,000-byte path took 40 s in a debug build).
struct RequestHeadScanner {
    static let maximumRequestLine = 8 * 1024
    static let maximumHead = 64 * 1024
    static let maximumBody = 1 << 20

    enum Verdict: Equatable {
        /// The head is not complete yet.
        case needsMore
        /// The head is the first `length` bytes; `bodyLength` bytes of body follow it; `upgrade`
        /// when the connection becomes something else after it (a WebSocket).
        case head(length: Int, bodyLength: Int, upgrade: Bool)
        /// Refuse with this status, then close.
        case reject(status: Int, reason: String)
    }

    /// How far `scan` has looked into the current head.
    private var scanned = 0
    /// Where the line being scanned starts.
    private var lineStart = 0
    private var onRequestLine = true

    /// Looks at the bytes of `pending` not seen yet; `pending` starts at the head's first byte and
    /// only grows between calls, until a `head` verdict (then call `reset`).
    mutating func scan(_ pending: [UInt8]) -> Verdict {
        while scanned < pending.count {
            let byte = pending[scanned]
            scanned += 1
            if byte != UInt8(ascii: "\n") {
                if onRequestLine && scanned - lineStart > Self.maximumRequestLine {
                    return .reject(status: 414, reason: "URI Too Long")
                }
                if scanned > Self.maximumHead { return .reject(status: 431, reason: "Request Header Fields Too Large") }
                continue
            }
            var lineEnd = scanned - 1
            if lineEnd > lineStart && pending[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let empty = lineEnd == lineStart
            if onRequestLine && empty {
                // Blank lines before a request line are allowed (RFC 9112 §2.2).
                lineStart = scanned
                continue
            }
            onRequestLine = false
            lineStart = scanned
            if empty { return Self.verdict(head: pending[0..<scanned]) }
        }
        return .needsMore
    }

    mutating func reset() {
        self = RequestHeadScanner()
    }

    /// The body and upgrade a complete head announces.
    private static func verdict(head: ArraySlice<UInt8>) -> Verdict {
        var bodyLength = 0
        var upgrade = false
        for line in head.split(separator: UInt8(ascii: "\n")).dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t", "\r"])
            switch name {
            case "content-length":
                guard let length = Int(value), length >= 0 else { return .reject(status: 400, reason: "Bad Request") }
                if length > maximumBody { return .reject(status: 413, reason: "Content Too Large") }
                bodyLength = length
            case "transfer-encoding":
                return .reject(status: 501, reason: "Not Implemented")
            case "upgrade":
                upgrade = true
            default:
                break
            }
        }
        return .head(length: head.count, bodyLength: bodyLength, upgrade: upgrade)
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
