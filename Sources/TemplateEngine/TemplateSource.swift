/// One template's text and where it came from (the path appears in error messages).
public struct TemplateSource: Sendable {
    /// The name partial and parent tags use, e.g. `layouts/_default/single` or `partials/header`.
    public var name: String
    /// The file the text was read from, as error messages should show it.
    public var path: String
    /// The template's Mustache text.
    public var text: String

    /// A template named `name`, read from `path`.
    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}
