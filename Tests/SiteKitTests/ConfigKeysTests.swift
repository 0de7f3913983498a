import Testing
@testable import SiteKit

@Suite struct SiteConfigKeyTests {
    let valid = """
        title: T
        base_url: https://example.org/
        params: {anything: [goes, here], sectons: free}
        nav:
          - {title: Home, url: /}
        search: {k1: 1.2, b: 0.75}
        sections:
          clusters:
            title: Clusters
            required: [tier]
            group_by: tier
            fields:
              tier:
                values:
                  - {value: a, title: A, total: 3, any_extra: kept}
          news: {paginate: 3, latest: 4}
        paginate: 10
        """

    func errors(_ text: String) -> [String] {
        SiteConfig.parse(text, path: "Content/site.yml").1.map(\.description)
    }

    @Test func everyDocumentedKeyIsKnownAndParamsStayFree() {
        #expect(errors(valid) == [])
    }

    @Test func unknownTopLevelKeysAreErrorsWithASuggestion() {
        let text = valid.replacingOccurrences(of: "sections:\n", with: "sectons: {}\nsections:\n")
            .replacingOccurrences(of: "base_url:", with: "base_ulr: x\nbase_url:")
        #expect(errors(text) == [
            "Content/site.yml:2:1: error: unknown setting 'base_ulr': did you mean 'base_url'?",
            "Content/site.yml:8:1: error: unknown setting 'sectons': did you mean 'sections'?",
        ])
    }

    @Test func unknownNestedKeysAreErrorsAtTheirLineAndColumn() {
        let text = valid
            .replacingOccurrences(of: "    required: [tier]", with: "    requried: [tier]\n    required: [tier]")
            .replacingOccurrences(of: "k1: 1.2", with: "k2: 1.2")
            .replacingOccurrences(of: "        values:", with: "        vales: []\n        values:")
        #expect(errors(text) == [
            "Content/site.yml:6:10: error: unknown key 'k2' in search: did you mean 'k1'?",
            "Content/site.yml:10:5: error: unknown key 'requried' in sections.clusters: did you mean 'required'?",
            "Content/site.yml:15:9: error: unknown key 'vales' in sections.clusters.fields.tier: did you mean 'values'?",
        ])
    }

    @Test func aMisspeltNavKeyIsReportedOnceAtTheKey() {
        let text = valid.replacingOccurrences(of: "{title: Home, url: /}", with: "{title: Home, ulr: /}")
        #expect(errors(text) == ["Content/site.yml:5:19: error: unknown key 'ulr' in nav[1]: did you mean 'url'?"])
    }

    @Test func aKeyFarFromEveryKnownOneListsTheKnownKeys() {
        let text = valid.replacingOccurrences(of: "    title: Clusters", with: "    colour: red")
        #expect(errors(text) == [
            "Content/site.yml:9:5: error: unknown key 'colour' in sections.clusters (known: title, required, group_by, schema, paginate, latest, fields)",
        ])
    }
}

@Suite struct MisspeltFrontMatterTests {
    func warnings(_ yaml: String, schema: SectionSchema? = nil) -> [String] {
        FrontMatter.parse(yaml: "title: T\n" + yaml, firstLine: 2, path: "Content/x.md", schema: schema).1
            .filter { $0.severity == .warning }.map(\.description)
    }

    @Test(arguments: [
        ("weigth", "weight"), ("titel", "title"), ("sumary", "summary"), ("dreaft", "draft"),
        ("descripton", "description"), ("layuot", "layout"), ("slgu", "slug"),
    ])
    func aNearMissOfABuiltInFieldIsAWarningWithTheSuggestion(typo: String, field: String) {
        #expect(warnings("\(typo): x") == [
            "Content/x.md:3:1: warning: unknown field '\(typo)': did you mean '\(field)'? (as written, it is page.params.\(typo))",
        ])
    }

    @Test func otherKeysStayParamsWithoutAWord() {
        // `data` is one letter from `date`, but short names only count swapped neighbours.
        #expect(warnings("data: 1\nrole: x\nphoto: y\nevent: {}\nroles: [a]") == [])
    }

    @Test func theSectionsFieldsAreSuggestedAndDeclaredFieldsAreKnown() {
        var schema = SectionSchema(name: "speakers", title: "Speakers", required: ["organisation"], enumerations: [:],
                                   groupBy: nil, schemaType: nil)
        #expect(warnings("organisaton: x\norganisation: y", schema: schema) == [
            "Content/x.md:3:1: warning: unknown field 'organisaton': did you mean 'organisation'? (as written, it is page.params.organisaton)",
        ])
        schema.declaredFields = ["weigth"]
        #expect(warnings("weigth: 3", schema: schema) == [])
    }

    @Test func strictBuildsFailOnTheWarningAndPlainBuildsOnlyWarn() {
        let project = TemporaryFolder.project()
        project.write("Content/extra.md", "---\ntitle: Extra\nweigth: 2\n---\nText.\n")
        var options = BuildOptions.project(project)
        options.dryRun = true
        let plain = SiteBuilder.build(options)
        #expect(plain.succeeded)
        #expect(plain.diagnostics.items.contains { $0.severity == .warning && $0.message.hasPrefix("unknown field 'weigth'") })
        options.warningsAreErrors = true
        #expect(!SiteBuilder.build(options).succeeded)
    }
}

@Suite struct NameSuggestionTests {
    @Test func editDistanceCountsSwapsAsOneEdit() {
        #expect(NameSuggestion.editDistance("weigth", "weight") == 1)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.editDistance("ca", "abc") == 3)
        #expect(NameSuggestion.nearest(to: "sectons", among: ["title", "sections"]) == "sections")
        #expect(NameSuggestion.nearest(to: "zzz", among: ["title", "sections"]) == nil)
    }
}

@Suite struct PageSizeCheckTests {
    @Test func aPageOverTheLimitIsAWarningOfCheck() {
        let project = TemporaryFolder.project()
        project.write("Content/big.md", "---\ntitle: Big\ndescription: d\n---\n" + String(repeating: "Words of a long page. ", count: 12_000) + "\n")
        var options = BuildOptions.project(project)
        options.dryRun = true
        options.checkOutput = true
        let report = SiteBuilder.build(options)
        let warnings = report.diagnostics.sorted.filter { $0.message.contains("check.max_page_kb") }.map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("public/big/index.html:1:1: warning: page is 2") == true)
        // Raised in site.yml, the same page passes.
        let site = project.read("Content/site.yml")!
        project.write("Content/site.yml", site + "\ncheck: {max_page_kb: 400}\n")
        #expect(!SiteBuilder.build(options).diagnostics.sorted.contains { $0.message.contains("check.max_page_kb") })
    }

    @Test func theLimitMustBeAPositiveWholeNumber() {
        let (_, diagnostics) = SiteConfig.parse("title: T\nbase_url: https://example.org/\ncheck: {max_page_kb: big}\n", path: "site.yml")
        #expect(diagnostics.map(\.message) == ["check.max_page_kb must be a whole number of KB above 0"])
    }
}
