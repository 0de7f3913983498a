import Foundation

/// What the browser is told after every build: the id of the build being served and the errors of
/// the last attempt (empty when it succeeded). Sent on the event socket and at `/__sitegen/status`.
public struct BuildStatus: Sendable, Equatable, Codable {
    /// Id of the last good build ("" before the first one); a page from another build reloads.
    public var build: String
    /// The errors of the last build, formatted as in the terminal; "" when it succeeded.
    public var errors: String
    /// How many errors `errors` holds.
    public var errorCount: Int

    enum CodingKeys: String, CodingKey {
        case build, errors
        case errorCount = "error_count"
    }

    public init(build: String, errors: String, errorCount: Int) {
        self.build = build
        self.errors = errors
        self.errorCount = errorCount
    }

    /// The status as a JSON object (keys sorted, so equal statuses give equal text).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
