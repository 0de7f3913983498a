/// Makes the links of one page: relative to its folder, or absolute from `base_url` on the 404 page,
/// which hosts serve at any depth.
struct Linker: Sendable {
    var folder: String
    var absoluteBase: String?

    init(page: Page, baseURL: String) {
        folder = page.folder
        absoluteBase = page.kind == .notFound ? baseURL : nil
    }

    /// Link to an output file or folder path (`clusters/` gets `index.html`).
    func link(to target: String) -> String {
        if let base = absoluteBase {
            return SitePath.absolute(base: base, path: target.hasSuffix("index.html") ? String(target.dropLast(10)) : target)
        }
        return SitePath.relative(from: folder, to: target)
    }

    /// The way to the site root: `./`, `../`, … or the base URL.
    var root: String { absoluteBase ?? SitePath.rootPrefix(from: folder) }
}
