/// The text `sitegen new` writes when no archetype overrides it: front matter with a title, the
/// section's required fields left empty for the author (the allowed values of an enumerated field
/// listed in a comment beside it), the date where the section requires one, and `draft: true`.
struct PageSkeleton: Sendable {
    var title: String
    /// Front-matter fields the section requires (site.yml order); none for a page outside a section.
    var schema: SectionSchema?
    /// Written as `date:` when the section requires a date.
    var date: ContentDate

    /// The lines for the section's required fields, each ending in a newline (also `{{{fields}}}`
    /// in archetypes). `title` and `draft` are left out: every page has them anyway.
    var fieldLines: String {
        guard let schema else { return "" }
        var lines = ""
        for field in schema.required where field != "title" && field != "draft" {
            if field == "date" {
                lines += "date: \(date)\n"
            } else if let allowed = schema.enumerations[field], !allowed.isEmpty {
                lines += "\(field):  # one of: " + allowed.map(\.value).joined(separator: ", ") + "\n"
            } else {
                lines += "\(field):\n"
            }
        }
        return lines
    }

    /// The whole page: front matter and an empty body.
    var text: String {
        "---\ntitle: \(ScaffoldText.yamlQuoted(title))\n" + fieldLines + "draft: true\n---\n\n"
    }
}
