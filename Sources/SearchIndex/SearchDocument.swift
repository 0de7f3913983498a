/// One weighted piece of a page for the index: a title, headings, a summary, body text, or a
/// section-specific field such as a speaker's role. A term found in a field with weight 3 counts
/// three times as much as one in a field with weight 1.
public struct SearchField: Sendable, Equatable {
    public var name: String
    public var text: String
    public var weight: Double

    public init(name: String, text: String, weight: Double) {
        self.name = name
        self.text = text
        self.weight = weight
    }
}

/// A page as the search index sees it: where it lives, what a result shows, and what is searched.
public struct SearchDocument: Sendable, Equatable {
    /// Path relative to the site root, e.g. "speakers/tan-jialing/index.html".
    public var url: String
    /// The result's title.
    public var title: String
    /// The result's section label, e.g. "Speakers" ("" for none).
    public var section: String
    /// The page's plain text, from which the results page cuts a snippet around the matches.
    public var text: String
    /// What is indexed, each with its weight.
    public var fields: [SearchField]

    public init(url: String, title: String, section: String, text: String, fields: [SearchField]) {
        self.url = url
        self.title = title
        self.section = section
        self.text = text
        self.fields = fields
    }
}
