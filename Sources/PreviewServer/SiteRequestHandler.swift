import FlyingFox
import Foundation

/// Answers every request from the snapshot in memory: site files with their media types, folder
/// redirects, the site's 404 page, the build status and the event socket. Never reads the disk.
struct SiteRequestHandler: HTTPHandler {
    let state: PreviewState
    /// On loopback, only requests addressed to a loopback name are answered (see `HostCheck`).
    let loopbackOnly: Bool
    private let events: WebSocketHTTPHandler

    init(state: PreviewState, loopbackOnly: Bool) {
        self.state = state
        self.loopbackOnly = loopbackOnly
        events = .webSocket(ReloadSocket(state: state))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let rawPath = request.target.path(percentEncoded: true)
        let host = request.headers[.host]
        if loopbackOnly, let host, !HostCheck.isLocal(host) {
            return Self.response(.forbidden, type: "text/plain; charset=utf-8",
                                 body: Array("This preview answers only to localhost and 127.0.0.1 (see sitegen serve --host).\n".utf8), for: request)
        }
        if rawPath == ReloadScript.eventsPath {
            if let origin = request.headers[HTTPHeader("Origin")], !HostCheck.isSameOrigin(origin, host: host ?? "") {
                return Self.response(.forbidden, type: "text/plain; charset=utf-8", body: Array("Pages of other sites cannot listen here.\n".utf8), for: request)
            }
            return try await events.handleRequest(request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Array("Only GET and HEAD are served.\n".utf8),
                                 for: request, extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let snapshot = await state.snapshot
        if rawPath == ReloadScript.statusPath {
            return Self.response(.ok, type: "application/json", body: Array(snapshot.status.json.utf8), for: request)
        }
        if snapshot.status.build.isEmpty { return Self.noBuildYet(snapshot.status, for: request) }
        switch RequestPath.resolve(rawPath, exists: { snapshot.files[$0] != nil }) {
        case .file(let path):
            return Self.file(path, status: .ok, snapshot: snapshot, for: request)
        case .redirect(let location):
            let query = request.target.query(percentEncoded: true)
            let target = query.isEmpty ? location : location + "?" + query.filter { $0 > " " && $0 != "\u{7F}" }
            return Self.response(.movedPermanently, type: "text/plain; charset=utf-8", body: Array("Moved to \(target)\n".utf8),
                                 for: request, extra: [.location: target])
        case .notFound:
            if snapshot.files["404.html"] != nil { return Self.file("404.html", status: .notFound, snapshot: snapshot, for: request) }
            return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Array("Not found\n".utf8), for: request)
        case .malformed:
            return Self.response(.badRequest, type: "text/plain; charset=utf-8", body: Array("Bad request path\n".utf8), for: request)
        }
    }

    /// A site file; HTML gets the reload script.
    static func file(_ path: String, status: HTTPStatusCode, snapshot: SiteSnapshot, for request: HTTPRequest) -> HTTPResponse {
        let bytes = snapshot.files[path] ?? []
        let body = MediaType.isHTML(path) ? ReloadScript.inject(into: bytes, build: snapshot.status.build) : bytes
        return response(status, type: MediaType.forPath(path), body: body, for: request)
    }

    /// Before the first good build there is nothing to serve: a page that shows the errors and
    /// reloads once the site builds.
    static func noBuildYet(_ status: BuildStatus, for request: HTTPRequest) -> HTTPResponse {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>sitegen: no build yet</title></head>\n"
            + "<body><p>The site does not build yet; this page reloads when it does.</p>\n</body>\n</html>\n"
        let body = ReloadScript.inject(into: Array(page.utf8), build: status.build)
        return response(.serviceUnavailable, type: "text/html; charset=utf-8", body: body, for: request)
    }

    /// A response with the preview's headers; HEAD gets the headers and length without the body.
    static func response(_ status: HTTPStatusCode, type: String, body: [UInt8], for request: HTTPRequest,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (name, value) in extra { headers[name] = value }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
    }
}
