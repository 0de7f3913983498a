import Testing
import TemplateEngine

@Suite struct SyntaxErrorTests {
    @Test func unclosedTagPointsAtItsOpening() {
        let errors = syntaxErrors("Hello\n  {{name")
        #expect(errors == [TemplateError(path: "Templates/t.mustache", line: 2, column: 3, message: "unclosed tag: expected '}}'")])
        #expect(errors.first?.description == "Templates/t.mustache:2:3: error: unclosed tag: expected '}}'")
    }

    @Test func unclosedTagBeforeAnotherTagDoesNotHideTheRest() {
        // The first tag lacks its `}}`; the second is read normally and the section pairs up.
        let errors = syntaxErrors("{{#list}}{{title {{.}}{{/list}}")
        #expect(errors.map(\.column) == [10])
        #expect(errors.first?.message == "unclosed tag: expected '}}'")
    }

    @Test func unclosedTripleMustacheNamesItsTerminator() {
        let errors = syntaxErrors("a {{{html}}")
        #expect(errors.map(\.message) == ["unclosed tag: expected '}}}'"])
        #expect(errors.map(\.column) == [3])
    }

    @Test func unclosedSectionPointsAtTheOpeningTag() {
        let errors = syntaxErrors("<ul>\n{{#items}}\n<li>{{.}}</li>\n")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.column == 1)
        #expect(errors.first?.message == "unclosed section {{#items}}: no {{/items}} follows")
    }

    @Test func mismatchedClosingTagSaysWhichWasExpected() {
        let errors = syntaxErrors("{{#a}}\n  {{#b}}\n{{/a}}\n")
        // Recovery closes both sections at {{/a}}, so the error is reported once.
        #expect(errors == [TemplateError(
            path: "Templates/t.mustache", line: 3, column: 1,
            message: "mismatched closing tag {{/a}}: expected {{/b}} to close {{#b}} from line 2, column 3")])
    }

    @Test func mismatchedClosingTagOfNoOpenSectionLeavesTheSectionOpen() {
        let errors = syntaxErrors("{{#a}}x{{/b}}")
        #expect(errors.map { [$0.line, $0.column] } == [[1, 1], [1, 8]])
        #expect(errors[0].message.hasPrefix("unclosed section {{#a}}"))
        #expect(errors[1].message.hasPrefix("mismatched closing tag {{/b}}: expected {{/a}}"))
    }

    @Test func strayClosingTag() {
        let errors = syntaxErrors("text\n{{/section}}")
        #expect(errors == [TemplateError(path: "Templates/t.mustache", line: 2, column: 1,
                                         message: "stray closing tag {{/section}}: no section is open")])
    }

    @Test(arguments: ["a {{ }} b", "a {{}} b", "a {{{ }}} b", "a {{& }} b", "a {{> }} b"])
    func emptyTagName(_ text: String) {
        let errors = syntaxErrors(text)
        #expect(errors.count == 1, "\(text.debugDescription): \(errors)")
        #expect(errors.first?.column == 3)
        #expect(errors.first?.message == "empty tag name")
    }

    @Test(arguments: ["{{=<% %> x=}}", "{{=<%=}}", "{{= =}}", "{{=<% %>}}", "{{=a= b=}}"])
    func badDelimiterChange(_ text: String) {
        let errors = syntaxErrors("line\n" + text + "{{name}}")
        #expect(errors.count == 1, "\(text): \(errors)")
        #expect(errors.first.map { [$0.line, $0.column] } == [2, 1])
        #expect(errors.first?.message.hasPrefix("bad delimiter change") == true)
    }

    @Test func invalidNames() {
        let errors = syntaxErrors("{{page title}}\n{{a..b}}\n{{.a}}\n{{#x.}}{{/x.}}")
        #expect(errors.map(\.line) == [1, 2, 3, 4, 4])
        #expect(errors.first?.message == "invalid name 'page title': names contain no spaces")
    }

    @Test func everyTemplatesErrorsAreReportedInOrder() {
        let errors = syntaxErrors([
            "b": "ok {{x}}\n{{#y}}",
            "a": "{{/z}}\n\n{{w",
            "c": "fine {{#s}}{{/s}}",
        ])
        #expect(errors.map(\.description) == [
            "Templates/a.mustache:1:1: error: stray closing tag {{/z}}: no section is open",
            "Templates/a.mustache:3:1: error: unclosed tag: expected '}}'",
            "Templates/b.mustache:2:1: error: unclosed section {{#y}}: no {{/y}} follows",
        ])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        // "成都 " is 3 scalars but 7 UTF-8 bytes; "Zürich " is 7 scalars but 8 bytes.
        #expect(syntaxErrors("成都 {{#x}}").map(\.column) == [4])
        #expect(syntaxErrors("Zürich {{/x}}").map(\.column) == [8])
    }

    @Test func crlfLinesCountOnce() {
        let errors = syntaxErrors("a\r\nb\r\n  {{/x}}\r\n")
        #expect(errors.map { [$0.line, $0.column] } == [[3, 3]])
    }

    @Test func errorsInsideCustomDelimitersUseThePosition() {
        let errors = syntaxErrors("{{=<% %>=}}\n<%#a%>\n<%/b%>")
        #expect(errors.map { [$0.line, $0.column] } == [[2, 1], [3, 1]])
    }

    @Test func duplicateTemplateNames() {
        do {
            _ = try TemplateLibrary(sources: [
                TemplateSource(name: "page", path: "one/page.mustache", text: "1"),
                TemplateSource(name: "page", path: "two/page.mustache", text: "2"),
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [
                "two/page.mustache:1:1: error: a second template named 'page' (the first is one/page.mustache)",
            ])
        }
    }
}
