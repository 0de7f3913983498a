import Foundation

/// Reads `site.yml` from the content folder and applies command-line overrides.
enum ConfigStage {
    static func load(_ options: BuildOptions) -> (SiteConfig?, [Diagnostic]) {
        let contentDisplay = options.display(options.contentDir)
        let path = options.absolute(options.contentDir) + "/site.yml"
        let display = ContentScanner.join(contentDisplay, "site.yml")
        let bytes: [UInt8]
        switch InputFile.read(path) {
        case .success(let read): bytes = read
        case .failure(.unreadable(let reason)) where reason == String(cString: strerror(ENOENT)):
            return (nil, [.error(display, "site configuration not found (is \(contentDisplay) the content folder?)")])
        case .failure(let problem):
            return (nil, [.error(display, "file \(problem)")])
        }
        switch SourceText.decode(bytes) {
        case .failure(let position):
            return (nil, [.error(display, line: position.line, column: position.column, "file is not valid UTF-8")])
        case .success(let text):
            var (parsed, diagnostics) = SiteConfig.parse(text, path: display)
            if let override = options.baseURL, parsed != nil {
                if let normalised = SiteConfig.normaliseBaseURL(override) {
                    parsed?.baseURL = normalised
                } else {
                    diagnostics.append(.error("--base-url", "'\(override)' is not an absolute http or https URL"))
                }
            }
            return (parsed, diagnostics)
        }
    }
}
