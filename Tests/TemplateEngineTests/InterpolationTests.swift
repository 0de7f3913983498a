import Testing
import TemplateEngine

@Suite struct InterpolationTests {
    @Test func escapesTheFiveHTMLCharacters() throws {
        let context: TemplateValue = ["x": #"<a href="x">Tom & Jerry's</a>"#]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", context) == #"<a href="x">Tom & Jerry's</a>|<a href="x">Tom & Jerry's</a>"#)
    }

    @Test func escapingKeepsMultibyteText() throws {
        #expect(try render("{{x}}", ["x": "成都 & 重庆 <IDEC>"]) == "成都 &amp; 重庆 &lt;IDEC&gt;")
    }

    @Test func numbersAndBooleans() throws {
        let context: TemplateValue = [
            "int": 42, "negative": -7, "decimal": 1.210, "whole": 2.0, "half": 0.5, "minus": -1.5,
            "yes": true, "no": false,
        ]
        let output = try render("{{int}} {{negative}} {{decimal}} {{whole}} {{half}} {{minus}} {{yes}} {{no}}", context)
        #expect(output == "42 -7 1.21 2 0.5 -1.5 true false")
    }

    @Test func truthiness() throws {
        let context: TemplateValue = [
            "empty": "", "text": "a", "zero": 0, "none": .null, "noList": [], "object": [:], "off": false,
        ]
        let template = "{{#empty}}E{{/empty}}{{#text}}T{{/text}}{{#zero}}Z{{/zero}}{{#none}}N{{/none}}"
            + "{{#noList}}L{{/noList}}{{#object}}O{{/object}}{{#off}}F{{/off}}"
        #expect(try render(template, context) == "TZO")
    }

    @Test func partialLookupTriesTheExactNameFirst() throws {
        let both = try library(["page": "{{>header}}", "header": "exact", "partials/header": "fallback"])
        #expect(try both.renderString("page", context: [:], strict: true) == "exact")
        let fallbackOnly = try library(["page": "{{>header}}", "partials/header": "fallback"])
        #expect(try fallbackOnly.renderString("page", context: [:], strict: true) == "fallback")
    }

    @Test func renderReturnsUTF8Bytes() throws {
        let templates = try library(["t": "é{{x}}"])
        #expect(try templates.render("t", context: ["x": "ü"], strict: true) == Array("éü".utf8))
        #expect(templates.contains("t"))
        #expect(!templates.contains("partials/t"))
    }
}
