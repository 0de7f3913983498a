import FlyingFox
import Foundation

/// A request head that `RequestHeadScanner` found complete, turned into FlyingFox's
/// `HTTPRequest` in one pass, and responses turned into bytes, as FlyingFox's encoder writes them
/// (status line, headers sorted by name, `Content-Length`).
enum RequestHead {
    /// nil when the request line is not `METHOD TARGET HTTP/x.y`.
    static func parse(_ head: [UInt8], body: Data) -> HTTPRequest? {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/") else { return nil }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            headers.addValue(value, for: HTTPHeader(name))
        }
        let target = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(method: HTTPMethod(String(parts[0])), version: HTTPVersion(String(parts[2])),
                           target: HTTPRequest.Target(path: String(target[0]), query: target.count > 1 ? String(target[1]) : ""),
                           headers: headers, body: HTTPBodySequence(data: body))
    }

    /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.
    static func keepsAlive(_ request: HTTPRequest) -> Bool {
        let connection = request.headers[.connection]?.lowercased() ?? ""
        if request.version == .http11 { return !connection.contains("close") }
        return connection.contains("keep-alive")
    }

    static func encode(_ response: HTTPResponse, keepAlive: Bool) async -> [UInt8] {
        let body = (try? await response.bodyData) ?? Data()
        var headers = response.headers
        if headers[.contentLength] == nil { headers[.contentLength] = String(body.count) }
        if !keepAlive { headers[.connection] = "close" }
        var text = "\(response.version.rawValue) \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for name in Set(headers.keys).sorted(by: { $0.rawValue < $1.rawValue }) {
            for value in headers.values(for: name) { text += "\(name.rawValue): \(value)\r\n" }
        }
        text += "\r\n"
        return Array(text.utf8) + Array(body)
    }
}
