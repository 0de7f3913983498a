import Testing
import TemplateEngine

@Suite struct DependencyTests {
    let templates: [String: String] = [
        "page": "{{<layouts/base}}{{$main}}{{>card}}{{/main}}{{/layouts/base}}",
        "layouts/base": "<html>{{>header}}{{$main}}{{/main}}{{>footer}}</html>",
        "partials/header": "<header>{{#nav}}{{>nav}}{{/nav}}</header>",
        "partials/nav": "<nav></nav>",
        "partials/card": "card",
        "partials/tree": "{{#children}}{{>tree}}{{/children}}",
        "unrelated": "{{>nav}}",
    ]

    @Test func transitiveThroughParentsPartialsAndSections() throws {
        // footer resolves to no template and is left out.
        #expect(try library(templates).dependencies(of: "page") == [
            "layouts/base", "partials/header", "partials/nav", "partials/card",
        ])
    }

    @Test func leavesAndUnknownNames() throws {
        let library = try library(templates)
        #expect(library.dependencies(of: "partials/nav") == [])
        #expect(library.dependencies(of: "unrelated") == ["partials/nav"])
        #expect(library.dependencies(of: "no/such/template") == [])
    }

    @Test func aRecursivePartialDoesNotListItself() throws {
        #expect(try library(templates).dependencies(of: "partials/tree") == [])
    }
}

@Suite struct ReferencedNameTests {
    @Test func namesOfTheTemplateAndWhatItIncludes() throws {
        let library = try library([
            "page": "{{<base}}{{$main}}{{page.title}}{{/main}}{{/base}}",
            "partials/base": "{{#site.sections.news}}{{#pages}}{{{url}}}{{/pages}}{{/site.sections.news}}{{^page.toc}}-{{/page.toc}}{{$main}}{{/main}}",
            "other": "{{site.title}}",
        ])
        #expect(library.referencedNames(of: "page") == ["page.title", "site.sections.news", "pages", "url", "page.toc"])
        #expect(library.referencedNames(of: "other") == ["site.title"])
        #expect(library.referencedNames(of: "missing") == [])
    }
}
