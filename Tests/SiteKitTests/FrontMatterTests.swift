import Testing
@testable import SiteKit
import TemplateEngine
import Yams

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyWithFileLineNumbers() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\nslug: b\n---\nBody line\n").get()
        #expect(split.yaml == "title: A\nslug: b")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body line\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsDotsAndTrailingSpacesOnFences() throws {
        let split = try FrontMatterSplitter.split("---  \ntitle: A\n...\t\nText").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Text")
    }

    @Test func acceptsAFileWithNoBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n---").get()
        #expect(split.body == "")
    }

    @Test func reportsEmptyMissingAndUnclosedFrontMatter() {
        #expect(FrontMatterSplitter.split("") == .failure(.empty))
        #expect(FrontMatterSplitter.split(" \n\n") == .failure(.empty))
        #expect(FrontMatterSplitter.split("title: A\n") == .failure(.noFrontMatter))
        #expect(FrontMatterSplitter.split("---\ntitle: A\nno end\n") == .failure(.unclosed))
    }
}

@Suite struct SourceTextTests {
    @Test func dropsByteOrderMarkAndNormalisesLineEndings() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)).get()
        #expect(text == "a\nb\nc\n")
    }

    @Test func pointsAtTheFirstInvalidByte() {
        let bytes = Array("ok\nab".utf8) + [0xFF] + Array("c".utf8)
        #expect(SourceText.decode(bytes) == .failure(SourcePosition(line: 2, column: 3)))
    }
}


@Suite struct FrontMatterTests {
    let clusters = SectionSchema(name: "clusters", title: "Clusters", required: ["tier"],
                                 enumerations: ["tier": [EnumeratedValue(value: "trillion", title: "T", params: [:]),
                                                         EnumeratedValue(value: "new-star", title: "N", params: [:])]],
                                 groupBy: "tier", schemaType: nil)

    func parse(_ yaml: String, schema: SectionSchema? = nil) -> (FrontMatter?, [Diagnostic]) {
        FrontMatter.parse(yaml: yaml, firstLine: 2, path: "Content/x.md", schema: schema)
    }

    @Test func readsCommonFields() throws {
        let (matter, diagnostics) = parse("title: Hello\nslug: hi\ndate: 2023-06-28\ndraft: true\nweight: 3\nsummary: S\nlayout: event\nextra: [1, 2]")
        #expect(diagnostics.isEmpty)
        let value = try #require(matter)
        #expect(value.title == "Hello")
        #expect(value.slug == "hi")
        #expect(value.date == ContentDate(year: 2023, month: 6, day: 28))
        #expect(value.draft)
        #expect(value.weight == 3)
        #expect(value.summary == "S")
        #expect(value.layout == "event")
        #expect(value.params["extra"] == .list([.int(1), .int(2)]))
    }

    @Test func yamlSyntaxErrorsAreAtTheFileLine() {
        // YAML line 2 is file line 3 (line 1 is the opening ---).
        let (matter, diagnostics) = parse("title: A\nbad: [unclosed\n")
        #expect(matter == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line ?? 0 >= 3)
        #expect(diagnostics.first?.message.hasPrefix("YAML:") == true)
    }

    @Test func missingTitleIsAnError() {
        let (_, diagnostics) = parse("slug: a")
        #expect(diagnostics.map(\.message) == ["missing required field 'title'"])
        #expect(diagnostics.first?.line == 1)
    }

    @Test func sectionSchemaIsEnforced() {
        let (_, missing) = parse("title: A", schema: clusters)
        #expect(missing.map(\.message) == ["missing required field 'tier' (required in section 'clusters')"])
        let (_, wrong) = parse("title: A\ntier: billion", schema: clusters)
        #expect(wrong.count == 1)
        #expect(wrong.first?.line == 3)
        #expect(wrong.first?.column == 7)
        #expect(wrong.first?.message == "'billion' is not an allowed tier: use one of 'trillion', 'new-star'")
    }

    @Test func impossibleAndMalformedDatesAreErrors() {
        let (_, impossible) = parse("title: A\ndate: 2023-02-30")
        #expect(impossible.first?.message == "date '2023-02-30' is not a date: February 2023 has 28 days, not 30")
        #expect(impossible.first?.line == 3)
        let (_, malformed) = parse("title: A\ndate: 28/06/2023")
        #expect(malformed.first?.message == "date '28/06/2023' must be a date written YYYY-MM-DD")
        let (_, leap) = parse("title: A\ndate: 2024-02-29")
        #expect(leap.isEmpty)
    }

    @Test(arguments: ["../x", "a/b", "..", "a\u{0}b", "a\u{7}b", ".hidden", "a\\b", ""])
    func slugsThatLeaveTheirFolderAreRejected(slug: String) {
        let escaped = slug.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{0}", with: "\\0")
            .replacingOccurrences(of: "\u{7}", with: "\\a")
        let (matter, diagnostics) = parse("title: A\nslug: \"\(escaped)\"")
        #expect(diagnostics.count == 1, "\(slug.debugDescription)")
        #expect(matter?.slug == nil)
    }

    @Test func wrongTypesAreReported() {
        let (_, diagnostics) = parse("title: A\ndraft: maybe\nweight: heavy")
        #expect(diagnostics.map(\.message) == ["'draft' must be true or false", "'weight' must be a whole number"])
    }
}

@Suite struct SlugTests {
    @Test func fileNamesLoseExtensionAndDatePrefix() {
        #expect(Slug.fromFileName("tan-jialing.md") == "tan-jialing")
        #expect(Slug.fromFileName("2023-06-28-opening.md") == "opening")
        #expect(Slug.fromFileName("2023-06-opening.md") == "2023-06-opening")
    }
}

/// Front matter is composed with Yams' basic resolver and plain scalars are typed by
/// `YAMLDocument.coreSchemaTag`; the values must be what Yams' default resolver gives.
@Suite struct YAMLScalarTypingTests {
    static let scalars = [
        "yes", "Yes", "YES", "no", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "OFF", "off",
        "y", "n", "~", "null", "Null", "NULL", "nulls", "0", "12", "-3", "+7", "1_000", "0x1F", "0o17", "017", "0b101",
        "190:20:30", "1.5", "-.5", "1e3", "6.8523015e+5", ".inf", "-.Inf", ".NaN", "2023-06-28", "2001-12-14 21:59:43.10 -5",
        "12:30", "Tan Jialing", "Chengdu-Chongqing", "Falsehood", "Offline", "Nullify", "Trueish", "yesterday", "t", "f",
        "Dazu", "工业设计", "<<", "=", "'quoted'", "\"double\"", "!!str 12", "!!str yes", "!!int 12", "!!float 3", "! 12",
        "12 monkeys", "a:b", "[1, 2]", "{a: 1}",
    ]

    /// The value as Yams' default resolver types it (what the build did before).
    static func withDefaultResolver(_ yaml: String) throws -> TemplateValue? {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: yaml, .default, .default, .utf8),
              let value = mapping.first?.value else { return nil }
        return oracle(value)
    }

    static func oracle(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(TemplateValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(TemplateValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(TemplateValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence): return .list(sequence.map(oracle))
        case .mapping(let mapping):
            var object: [String: TemplateValue] = [:]
            for (key, value) in mapping { object[key.scalar?.string ?? ""] = oracle(value) }
            return .object(object)
        case .alias: return .null
        }
    }

    @Test(arguments: scalars)
    func typedAsTheDefaultResolverTypesIt(scalar: String) throws {
        let yaml = "key: \(scalar)\nlist: [\(scalar.hasPrefix("!") || scalar.contains(":") ? "x" : scalar)]"
        let (document, diagnostics) = YAMLDocument.parse(yaml, path: "t.md", lineOffset: 1, aliases: .forbidden)
        #expect(diagnostics.isEmpty)
        let expected = try Self.withDefaultResolver(yaml)
        if case .double(let value)? = expected, value.isNaN {
            guard case .double(let typed)? = document?["key"] else { Issue.record("\(scalar) is not a number"); return }
            #expect(typed.isNaN)
        } else {
            #expect(document?["key"] == expected, "\(scalar)")
        }
    }
}
