import TemplateEngine

/// The data files of a site (`Content/data/**/*.yml|yaml|json`), each by its dotted name
/// (`programme`, `venues.chengdu` for `data/venues/chengdu.yml`), as templates see them under
/// `site.data`.
struct SiteData: Sendable, Equatable {
    /// Each file's value by its dotted name.
    var files: [String: TemplateValue] = [:]

    /// The dotted names, sorted: the order of their input ids.
    var names: [String] { files.keys.sorted() }

    /// The folder below the content folder that holds data files: not a section, and its files are
    /// not pages.
    static let folder = "data"

    /// Whether `relative` (a path inside the content folder) is in the data folder.
    static func contains(_ relative: String) -> Bool {
        relative == folder || relative.hasPrefix(folder + "/")
    }

    /// `site.data`: nested folders become nested objects; each file's value is wrapped with
    /// `code(name)` so that a render that reads it records it (`BuildInput.data`).
    func value(code: (String) -> Int) -> TemplateValue {
        var root: [String: TemplateValue] = [:]
        for name in names {
            insert(.input(code(name), files[name]!), at: name.split(separator: ".").map(String.init)[...], into: &root)
        }
        return .object(root)
    }

    private func insert(_ value: TemplateValue, at path: ArraySlice<String>, into object: inout [String: TemplateValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var child: [String: TemplateValue] = [:]
        if case .object(let existing)? = object[first] { child = existing }
        insert(value, at: path.dropFirst(), into: &child)
        object[first] = .object(child)
    }
}
