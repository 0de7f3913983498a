import TemplateEngine
import Yams

/// The site's settings from `Content/site.yml`: identity, navigation and the sections' schema.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Absolute URL of the published site, always ending in `/`.
    public var baseURL: String
    public var language: String
    /// Lets raw HTML and unsafe links in Markdown through (off by default).
    public var unsafeHTML: Bool
    /// Free-form values for templates (`site.params`).
    public var params: TemplateValue
    public var nav: [NavItem]
    public var search: SearchSettings
    /// Section schemas by folder name, in the order site.yml lists them.
    public var sections: [SectionSchema]
    /// Settings of `sitegen check`.
    public var check = CheckSettings()
    /// Schemas of data files (`data:`), by file name.
    public var data: [DataSchema] = []
    /// Pages per list page for every section that does not set its own (`paginate:`); nil: lists
    /// are not paginated.
    public var paginate: Int?
    /// Taxonomies (`taxonomies:`), in the order site.yml lists them.
    public var taxonomies: [TaxonomySchema] = []

    public func section(named name: String) -> SectionSchema? {
        sections.first { $0.name == name }
    }

    /// Pages per list page of section `name` (its own `paginate`, else the site's); nil: one list.
    public func pageSize(of name: String) -> Int? {
        guard let schema = section(named: name) else { return paginate }
        return schema.paginateOff ? nil : schema.paginate ?? paginate
    }

    /// Pages per term page of taxonomy `taxonomy` (its own `paginate`, else the site's); nil: one page.
    public func pageSize(of taxonomy: TaxonomySchema) -> Int? {
        taxonomy.paginateOff ? nil : taxonomy.paginate ?? paginate
    }

    /// How many pages `site.sections.<name>.latest` holds.
    public func latestCount(of name: String) -> Int {
        section(named: name)?.latest ?? SectionSchema.defaultLatest
    }
}

/// A navigation entry; `path` is relative to the site root (`event/`, `speakers/`, or `` for home).
public struct NavItem: Sendable, Equatable {
    public var title: String
    public var path: String
}

/// BM25 parameters for the search index.
public struct SearchSettings: Sendable, Equatable {
    public var k1: Double = 1.2
    public var b: Double = 0.75
}

/// Settings of `sitegen check` (`check:` in site.yml).
public struct CheckSettings: Sendable, Equatable {
    public static let defaultMaxPageKB = 200
    /// HTML pages larger than this many KB are a warning.
    public var maxPageKB = CheckSettings.defaultMaxPageKB
}

/// What a section's pages must carry, and how the section is grouped and described to crawlers.
public struct SectionSchema: Sendable {
    public var name: String
    public var title: String
    /// Front-matter fields every page of the section must set.
    public var required: [String]
    /// Fields with a closed set of allowed values, by name.
    public var enumerations: [String: [EnumeratedValue]]
    /// Every field the section names in `required` or `fields`: known, so never taken for a
    /// misspelt built-in field.
    public var declaredFields: Set<String> = []
    /// Field whose values group the section's pages (`section.groups` in templates).
    public var groupBy: String?
    /// schema.org type of the section's pages (`Person`, `NewsArticle`), for JSON-LD.
    public var schemaType: String?
    /// Pages per list page (`paginate: N`); nil: the site's default.
    public var paginate: Int?
    /// `paginate: false`: one list page even when the site sets a default.
    public var paginateOff = false
    /// How many pages `site.sections.<name>.latest` holds (`latest: N`).
    public var latest = SectionSchema.defaultLatest
    public static let defaultLatest = 5
}

/// One allowed value of an enumerated field, with its display title and any extra values for templates.
public struct EnumeratedValue: Sendable {
    public var value: String
    public var title: String
    public var params: [String: TemplateValue]
}

extension SiteConfig {
    /// Reads the configuration; problems are reported at their line in `path`.
    static func parse(_ text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        let node: Node?
        switch YAMLDocument.compose(text, path: path, lineOffset: 0, aliases: .configuration) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let composed): node = composed
        }
        let (parsed, yamlDiagnostics) = YAMLDocument.document(node, path: path, lineOffset: 0)
        guard let document = parsed else { return (nil, yamlDiagnostics) }
        var diagnostics = yamlDiagnostics
        if let node { diagnostics += KnownKeys.siteConfig.check(node, context: "", path: path) }
        func position(_ key: String) -> SourcePosition {
            document.positions[key] ?? document.keyPositions[key] ?? SourcePosition(line: 1, column: 1)
        }
        func fail(_ key: String, _ message: String) {
            let at = position(key)
            diagnostics.append(.error(path, line: at.line, column: at.column, message))
        }
        func string(_ key: String, required: Bool) -> String? {
            guard let value = document[key] else {
                if required { diagnostics.append(.error(path, line: 1, column: 1, "missing required setting '\(key)'")) }
                return nil
            }
            guard value.scalarText != nil, let text = document.text(key) else {
                fail(key, "'\(key)' must be text")
                return nil
            }
            return text
        }

        let title = string("title", required: true) ?? ""
        let description = string("description", required: false) ?? ""
        let language = string("language", required: false) ?? "en"
        var baseURL = string("base_url", required: true) ?? "http://localhost/"
        if let normalised = normaliseBaseURL(baseURL) {
            baseURL = normalised
        } else if document["base_url"] != nil {
            fail("base_url", "base_url must be an absolute http or https URL, such as https://example.org/")
        }
        var unsafeHTML = false
        if let value = document["unsafe_html"] {
            if case .bool(let flag) = value { unsafeHTML = flag } else { fail("unsafe_html", "unsafe_html must be true or false") }
        }
        let params = document["params"] ?? .object([:])
        if case .object = params {} else { fail("params", "params must be a mapping") }

        var nav: [NavItem] = []
        if let value = document["nav"] {
            if case .list(let items) = value {
                for item in items {
                    guard let title = item["title"]?.scalarText, let url = item["url"]?.scalarText else {
                        // An entry with a misspelt key is reported at that key (KnownKeys), once.
                        if case .object(let keys) = item, keys.keys.contains(where: { $0 != "title" && $0 != "url" }) { continue }
                        fail("nav", "each nav entry needs a title and a url")
                        continue
                    }
                    nav.append(NavItem(title: title, path: normaliseSitePath(url)))
                }
            } else {
                fail("nav", "nav must be a list of {title, url}")
            }
        }

        var search = SearchSettings()
        if let value = document["search"] {
            if let k1 = value["k1"]?.numberValue { search.k1 = k1 }
            if let b = value["b"]?.numberValue { search.b = b }
            if !(search.k1 >= 0 && search.b >= 0 && search.b <= 1) {
                fail("search", "search.k1 must be ≥ 0 and search.b between 0 and 1")
            }
        }

        var check = CheckSettings()
        if let value = document["check"], let limit = value["max_page_kb"] {
            if case .int(let kilobytes) = limit, kilobytes > 0 { check.maxPageKB = kilobytes } else { fail("check", "check.max_page_kb must be a whole number of KB above 0") }
        }

        var paginate: Int?
        if let value = document["paginate"] {
            if case .int(let size) = value, size > 0 { paginate = size } else { fail("paginate", "paginate must be a whole number of pages above 0") }
        }

        var sections: [SectionSchema] = []
        if let value = document["sections"] {
            if case .object(let map) = value {
                for name in document.keyOrder["sections"] ?? map.keys.sorted() {
                    guard let spec = map[name] else { continue }
                    if name == SiteData.folder {
                        fail("sections", "'\(name)' is the folder of data files (site.data), not a section: choose another name")
                        continue
                    }
                    let sectionNode = node?["sections"]?[name]
                    sections.append(sectionSchema(name: name, spec: spec, fail: { key, message in
                        // At the offending key when there is one (`sections.news.paginate`), else at `sections`.
                        if let key, let mark = sectionNode?.mapping?.first(where: { $0.key.string == key })?.key.mark {
                            diagnostics.append(.error(path, line: mark.line, column: mark.column, "section '\(name)': \(message)"))
                        } else {
                            fail("sections", "section '\(name)': \(message)")
                        }
                    }))
                }
            } else {
                fail("sections", "sections must be a mapping of section names")
            }
        }

        var dataSchemas: [DataSchema] = []
        if let value = document["data"] {
            dataSchemas = SiteConfig.dataSchemas(value, fail: { fail("data", $0) })
        }

        var taxonomies: [TaxonomySchema] = []
        if let value = document["taxonomies"] {
            if case .object(let map) = value {
                for name in document.keyOrder["taxonomies"] ?? map.keys.sorted() {
                    guard let spec = map[name] else { continue }
                    let keyMark = node?["taxonomies"]?.mapping?.first(where: { $0.key.string == name })?.key.mark
                    let declared = SourcePosition(line: keyMark?.line ?? position("taxonomies").line,
                                                  column: keyMark?.column ?? position("taxonomies").column)
                    let taxonomyNode = node?["taxonomies"]?[name]
                    let schema = TaxonomySchema.parse(name: name, spec: spec, path: path, at: declared, fail: { key, message in
                        if let key, let mark = taxonomyNode?.mapping?.first(where: { $0.key.string == key })?.key.mark {
                            diagnostics.append(.error(path, line: mark.line, column: mark.column, "taxonomy '\(name)': \(message)"))
                        } else {
                            diagnostics.append(.error(path, line: declared.line, column: declared.column, "taxonomy '\(name)': \(message)"))
                        }
                    })
                    if let schema { taxonomies.append(schema) }
                }
            } else {
                fail("taxonomies", "taxonomies must be a mapping of taxonomy names")
            }
        }

        var config = SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                                unsafeHTML: unsafeHTML, params: params, nav: nav, search: search, sections: sections)
        config.check = check
        config.data = dataSchemas
        config.paginate = paginate
        config.taxonomies = taxonomies
        return (config, diagnostics)
    }

    /// `failAt(key, message)` reports a problem at the section's `key` (nil: at the section).
    static func sectionSchema(name: String, spec: TemplateValue, fail failAt: (String?, String) -> Void) -> SectionSchema {
        func fail(_ message: String) { failAt(nil, message) }
        var schema = SectionSchema(name: name, title: spec["title"]?.scalarText ?? name.capitalized,
                                   required: [], enumerations: [:], groupBy: spec["group_by"]?.scalarText,
                                   schemaType: spec["schema"]?.scalarText)
        if let required = spec["required"] {
            if case .list(let names) = required {
                schema.required = names.compactMap(\.scalarText)
                schema.declaredFields.formUnion(schema.required)
            } else {
                fail("required must be a list of field names")
            }
        }
        if case .object(let fields)? = spec["fields"] {
            schema.declaredFields.formUnion(fields.keys)
            for (field, fieldSpec) in fields {
                guard case .list(let values)? = fieldSpec["values"] else { continue }
                schema.enumerations[field] = values.compactMap { item in
                    if let plain = item.scalarText { return EnumeratedValue(value: plain, title: plain, params: [:]) }
                    guard case .object(var map) = item, let value = map["value"]?.scalarText else {
                        fail("each value of '\(field)' needs a `value`")
                        return nil
                    }
                    let title = map["title"]?.scalarText ?? value
                    map["value"] = nil
                    map["title"] = nil
                    return EnumeratedValue(value: value, title: title, params: map)
                }
            }
        }
        switch spec["paginate"] {
        case nil: break
        case .bool(false)?: schema.paginateOff = true
        case .int(let size)? where size > 0: schema.paginate = size
        default: failAt("paginate", "paginate must be a whole number of pages above 0 (or false)")
        }
        switch spec["latest"] {
        case nil: break
        case .int(let count)? where count > 0: schema.latest = count
        default: failAt("latest", "latest must be a whole number of pages above 0")
        }
        if let group = schema.groupBy, schema.enumerations[group] == nil {
            fail("group_by '\(group)' needs `fields: {\(group): {values: [...]}}` to order its groups")
        }
        return schema
    }

    /// `https://host/path` → `https://host/path/`; nil when not an absolute http(s) URL.
    static func normaliseBaseURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard afterScheme.count >= 3, !afterScheme[2].isEmpty,
              !url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    /// `/speakers` → `speakers/`, `/` → ``: site paths are folder paths relative to the root.
    static func normaliseSitePath(_ url: String) -> String {
        var path = url
        while path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        if !path.isEmpty, !path.hasSuffix("/"), !path.contains(".") { path += "/" }
        return path
    }
}

extension TemplateValue {
    /// The text of a string, number or boolean; nil for lists, objects and null.
    var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    var numberValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }
}
