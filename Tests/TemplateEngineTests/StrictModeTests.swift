import Testing
import TemplateEngine

@Suite struct StrictModeTests {
    let context: TemplateValue = ["page": ["title": "Talks", "summary": .null], "items": [1, 2, 3]]

    @Test func unknownNameIsAnErrorAtItsTag() throws {
        let templates = try library(["page": "<h1>{{page.titel}}</h1>\n<p>{{page.title}}</p>\n"])
        #expect(renderErrors(templates, "page", context).map(\.description) == [
            "Templates/page.mustache:1:5: error: unknown name 'page.titel'",
        ])
        // Without strict mode the spec's rule holds: a miss renders as nothing.
        #expect(try templates.renderString("page", context: context, strict: false) == "<h1></h1>\n<p>Talks</p>\n")
    }

    @Test func tripleMustacheAndAmpersandAreCheckedToo() throws {
        let templates = try library(["t": "{{{raw}}} {{& other}}"])
        #expect(renderErrors(templates, "t").map(\.message) == ["unknown name 'raw'", "unknown name 'other'"])
    }

    @Test func sectionsMayTestAbsentNames() throws {
        let output = try render("{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}{{#page.missing}}z{{/page.missing}}",
                                context, strict: true)
        #expect(output == "y")
    }

    @Test func namesResolveThroughTheContextStackAndNullIsKnown() throws {
        let output = try render("{{#items}}{{.}}{{page.title}}{{/items}}[{{page.summary}}]", context, strict: true)
        #expect(output == "1Talks2Talks3Talks[]")
    }

    @Test func errorsAreCollectedAndRepeatsReportedOnce() throws {
        let templates = try library(["t": "{{#items}}{{nme}}{{/items}}\n{{other}} {{other}}"])
        #expect(renderErrors(templates, "t", context).map { "\($0.line):\($0.column) \($0.message)" } == [
            "1:11 unknown name 'nme'",
            "2:1 unknown name 'other'",
            "2:11 unknown name 'other'",
        ])
    }

    @Test func errorsPointIntoThePartialThatHasThem() throws {
        let templates = try library(["page": "{{>header}}", "partials/header": "\n  {{site.nam}}"])
        #expect(renderErrors(templates, "page").map(\.description) == [
            "Templates/partials/header.mustache:2:3: error: unknown name 'site.nam'",
        ])
    }

    @Test func missingPartialIsAnErrorOnlyInStrictMode() throws {
        let templates = try library(["t": "a\n{{>footer}}"])
        #expect(renderErrors(templates, "t").map(\.description) == [
            "Templates/t.mustache:2:1: error: no template 'footer' (nor 'partials/footer')",
        ])
        #expect(try templates.renderString("t", context: [:], strict: false) == "a\n")
    }

    @Test func missingParentIsAnErrorInStrictMode() throws {
        let templates = try library(["t": "x{{<layouts/base}}{{$main}}m{{/main}}{{/layouts/base}}"])
        #expect(renderErrors(templates, "t").map { "\($0.line):\($0.column)" } == ["1:2"])
        #expect(try templates.renderString("t", context: [:], strict: false) == "x")
    }

    @Test func interpolatingAListOrObjectIsAnErrorInStrictMode() throws {
        let templates = try library(["t": "{{page}}|{{items}}"])
        let messages = renderErrors(templates, "t", context).map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("'page' is an object, not text") == true)
        #expect(messages.last?.hasPrefix("'items' is a list, not text") == true)
        #expect(try templates.renderString("t", context: context, strict: false) == "|")
    }

    @Test func endlessSelfInclusionIsAnErrorInEitherMode() throws {
        let templates = try library(["loop": "x{{>loop}}"])
        let errors = renderErrors(templates, "loop", strict: false)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("nests more than 100 templates deep") == true)
    }

    @Test func unknownTemplateName() throws {
        let errors = renderErrors(try library(["a": "x"]), "nope", strict: false)
        #expect(errors.map(\.description) == ["nope: error: no template named 'nope'"])
    }
}

@Suite struct IncludeChainTests {
    @Test func aTemplateThatIncludesItselfThroughAChainIsAnErrorNotACrash() throws {
        let library = try TemplateLibrary(sources: [
            TemplateSource(name: "layouts/a", path: "Templates/layouts/a.mustache", text: "a{{>partials/b}}"),
            TemplateSource(name: "partials/b", path: "Templates/partials/b.mustache", text: "b{{>partials/c}}"),
            TemplateSource(name: "partials/c", path: "Templates/partials/c.mustache", text: "c{{>layouts/a}}"),
        ])
        #expect(throws: TemplateErrors.self) {
            _ = try library.render("layouts/a", context: .object([:]), strict: true)
        }
        do {
            _ = try library.render("layouts/a", context: .object([:]), strict: true)
        } catch {
            #expect(error.errors.first?.message.contains("does it include itself?") == true)
        }
    }
}

@Suite struct InclusionBudgetTests {
    func render(_ sources: [(String, String)]) -> [String] {
        do {
            let library = try TemplateLibrary(sources: sources.map { TemplateSource(name: $0.0, path: $0.0 + ".mustache", text: $0.1) })
            _ = try library.render(sources[0].0, context: .object([:]), strict: false)
            return []
        } catch {
            return error.errors.map(\.message)
        }
    }

    @Test func aTemplateIncludingItselfTwiceStopsAtTheDepthLimitWithOneError() {
        // 2^100 inclusions if each branch ran to the depth limit; found by `make fuzz`.
        let messages = render([("main", "{{>main}}{{>main}}")])
        #expect(messages == ["'main' nests more than 100 templates deep; does it include itself?"])
    }

    @Test func aWideTreeOfInclusionsStopsAtTheBudgetWithOneError() {
        let twenty = { (name: String) in String(repeating: "{{>\(name)}}", count: 20) }
        let messages = render([("a", twenty("b")), ("b", twenty("c")), ("c", twenty("d")), ("d", twenty("e")), ("e", twenty("f")), ("f", "x")])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("rendering includes more than 1000000 templates") == true)
    }
}
