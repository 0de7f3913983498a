import MarkdownRenderer
import SearchIndex
import TemplateEngine

/// A taxonomy declared in site.yml (`taxonomies: {topics: {title: Topics, paginate: 20}}`): pages
/// name its terms in front matter (`topics: [design, smart manufacturing]`), and the build writes
/// `/<name>/` (every term) and `/<name>/<term-slug>/` (each term's pages, paginated like sections).
public struct TaxonomySchema: Sendable, Equatable {
    /// The front-matter key and the URL folder.
    public var name: String
    public var title: String
    /// Pages per term page (`paginate: N`); nil: the site's default.
    public var paginate: Int?
    /// `paginate: false`: one page per term even when the site sets a default.
    public var paginateOff = false
    /// The allowed terms (`values:`), by slug with the name as declared; nil: any term.
    public var values: [String: String]?
    /// Where site.yml declares it, for errors about the taxonomy as a whole.
    public var declaredPath: String
    public var declaredAt: SourcePosition

    /// The slug of a term: case and accents folded (`TextFolding`), then made a URL segment as
    /// heading ids are (`HeadingSlugger`); nil when nothing of the term is a letter or a digit.
    public static func slug(of term: String) -> String? {
        let folded = TextFolding.fold(term)
        let slug = HeadingSlugger.slug(folded)
        // The slugger names an empty slug "section": a term that is only punctuation has none.
        if slug == "section" && !folded.contains("section") { return nil }
        return slug
    }

    /// A term's name as terms sort: case and accents folded.
    static func foldedName(_ term: String) -> String { TextFolding.fold(term) }

    /// The front-matter keys sitegen reads itself cannot name a taxonomy.
    static let reservedNames = Set(FrontMatter.builtInFields + ["search", SiteData.folder, "assets"])

    /// Reads `taxonomies.<name>`; `fail(key, message)` reports at the key (nil: at the taxonomy).
    static func parse(name: String, spec: TemplateValue, path: String, at position: SourcePosition,
                      fail: (String?, String) -> Void) -> TaxonomySchema? {
        if let problem = Slug.problem(name) {
            fail(nil, "the name must be a folder name: \(problem)")
            return nil
        }
        if name != name.lowercased() || reservedNames.contains(name) {
            fail(nil, reservedNames.contains(name)
                 ? "'\(name)' is a name sitegen uses itself (\(reservedNames.sorted().joined(separator: ", "))): choose another"
                 : "the name must be lowercase (it is the front-matter key and the URL folder)")
            return nil
        }
        var schema = TaxonomySchema(name: name, title: name.capitalized, declaredPath: path, declaredAt: position)
        switch spec {
        case .null: return schema
        case .object: break
        default:
            fail(nil, "must be a mapping such as {title: Topics, paginate: 20}")
            return nil
        }
        if let title = spec["title"] {
            if let text = title.scalarText, !text.trimmingWhitespace.isEmpty { schema.title = text } else { fail("title", "title must be text") }
        }
        switch spec["paginate"] {
        case nil: break
        case .bool(false)?: schema.paginateOff = true
        case .int(let size)? where size > 0: schema.paginate = size
        default: fail("paginate", "paginate must be a whole number of pages above 0 (or false)")
        }
        if let values = spec["values"] {
            guard case .list(let items) = values else {
                fail("values", "values must be a list of terms")
                return schema
            }
            var allowed: [String: String] = [:]
            for item in items {
                guard let term = item.scalarText?.trimmingWhitespace, let slug = slug(of: term) else {
                    fail("values", "each value must be a term with a letter or a digit")
                    continue
                }
                if let other = allowed[slug] {
                    fail("values", "'\(term)' and '\(other)' are one term (both have the URL /\(name)/\(slug)/)")
                    continue
                }
                allowed[slug] = term
            }
            schema.values = allowed
        }
        return schema
    }

    /// The terms a front-matter value names: one text, or a list of texts (numbers count as text);
    /// nil when it is neither.
    static func terms(in value: TemplateValue) -> [String]? {
        switch value {
        case .null: return []
        case .list(let items):
            var terms: [String] = []
            for item in items {
                guard let text = item.scalarText else { return nil }
                terms.append(text.trimmingWhitespace)
            }
            return terms
        default:
            return value.scalarText.map { [$0.trimmingWhitespace] }
        }
    }
}
