import TemplateEngine

/// One content file read as a build reads it (decoding, front-matter split, YAML, fields, slug),
/// on its own: for the fuzzer, which feeds it arbitrary bytes.
@_spi(Fuzzing) public enum SingleFileCheck {
    /// A section schema with a required field and an enumerated one, so those checks run too.
    static let config = SiteConfig(
        title: "T", description: "", baseURL: "https://example.org/", language: "en", unsafeHTML: false,
        params: .object([:]), nav: [], search: SearchSettings(),
        sections: [SectionSchema(name: "s", title: "S", required: ["role"],
                                 enumerations: ["tier": [EnumeratedValue(value: "a", title: "A", params: [:])]],
                                 groupBy: "tier", schemaType: nil)])

    /// The diagnostics of `bytes` read as `Content/s/page.md`, and the page's title when it is one.
    public static func check(_ bytes: [UInt8]) -> (title: String?, diagnostics: [Diagnostic]) {
        let file = SourceFile(relativePath: "s/page.md", displayPath: "Content/s/page.md", bytes: bytes)
        let parsed = ContentLoader.parse(file, config: config, includeDrafts: true)
        return (parsed.page?.frontMatter.title, parsed.diagnostics)
    }
}
