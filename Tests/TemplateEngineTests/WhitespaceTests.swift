import Testing
import TemplateEngine

@Suite struct WhitespaceTests {
    @Test func crlfStandaloneSectionLinesDisappear() throws {
        let output = try render("<ul>\r\n{{#items}}\r\n  <li>{{.}}</li>\r\n{{/items}}\r\n</ul>\r\n", ["items": ["a", "b"]])
        #expect(output == "<ul>\r\n  <li>a</li>\r\n  <li>b</li>\r\n</ul>\r\n")
    }

    @Test func crlfPartialIndentation() throws {
        let templates = try library([
            "page": "<body>\r\n  {{>nav}}\r\n</body>\r\n",
            "partials/nav": "<nav>\r\n<a>x</a>\r\n\r\n</nav>\r\n",
        ])
        // Each non-empty line of the partial gets the tag's indentation; the empty line stays empty.
        #expect(try templates.renderString("page", context: [:], strict: true)
            == "<body>\r\n  <nav>\r\n  <a>x</a>\r\n\r\n  </nav>\r\n</body>\r\n")
    }

    @Test func crlfRenderErrorPosition() throws {
        let templates = try library(["t": "a\r\n  {{x}}\r\n"])
        #expect(renderErrors(templates, "t").map { [$0.line, $0.column] } == [[2, 3]])
    }

    @Test func indentedPartialIndentsEveryIteration() throws {
        let templates = try library([
            "page": "<ul>\n  {{>item}}\n</ul>\n",
            "partials/item": "{{#items}}<li>{{.}}</li>\n{{/items}}",
        ])
        #expect(try templates.renderString("page", context: ["items": ["a", "b"]], strict: true)
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    static let base = """
        <!doctype html>
        <html>
        <head><title>{{$title}}{{site.name}}{{/title}}</title></head>
        <body>
          {{$main}}
          <p>No content.</p>
          {{/main}}
        </body>
        </html>

        """

    @Test func layoutWithOverriddenBlocksIsReindented() throws {
        let templates = try library([
            "layouts/base": Self.base,
            "page": """
                {{<layouts/base}}
                {{$title}}{{page.title}} · {{site.name}}{{/title}}
                {{$main}}
                <article>
                  <h1>{{page.title}}</h1>
                </article>
                {{/main}}
                {{/layouts/base}}

                """,
        ])
        let output = try templates.renderString("page", context: ["site": ["name": "IDEC"], "page": ["title": "Talks"]], strict: true)
        #expect(output == """
            <!doctype html>
            <html>
            <head><title>Talks · IDEC</title></head>
            <body>
              <article>
                <h1>Talks</h1>
              </article>
            </body>
            </html>

            """)
    }

    @Test func layoutDefaultsKeepTheirIndentation() throws {
        let templates = try library(["layouts/base": Self.base, "page": "{{<layouts/base}}{{/layouts/base}}"])
        let output = try templates.renderString("page", context: ["site": ["name": "IDEC"]], strict: true)
        #expect(output == """
            <!doctype html>
            <html>
            <head><title>IDEC</title></head>
            <body>
              <p>No content.</p>
            </body>
            </html>

            """)
    }

    @Test func partialsSeeTheBlocksOfTheEnclosingParent() throws {
        // A layout's partial can hold a block the page overrides (the spec treats a partial as a
        // parent without arguments, so the page's arguments stay in effect).
        let templates = try library([
            "layouts/base": "<head>{{>head}}</head>",
            "partials/head": "<title>{{$title}}Default{{/title}}</title>",
            "page": "{{<layouts/base}}{{$title}}Page{{/title}}{{/layouts/base}}",
        ])
        #expect(try templates.renderString("page", context: [:], strict: true) == "<head><title>Page</title></head>")
    }
}
