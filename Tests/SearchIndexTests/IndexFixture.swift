@testable import SearchIndex

/// A small site whose index is committed under Tests/JavaScript/fixtures/index, so that the
/// JavaScript tests query exactly what the Swift builder writes (`FixtureIndexTests` keeps it current).
enum IndexFixture {
    static func page(_ url: String, _ title: String, _ section: String, _ text: String, _ extra: [SearchField] = []) -> SearchDocument {
        SearchDocument(
            url: url, title: title, section: section, text: text,
            fields: [SearchField(name: "title", text: title, weight: 10)] + extra + [SearchField(name: "body", text: text, weight: 1)])
    }

    static let documents: [SearchDocument] = [
        page("speakers/tan-jialing/index.html", "Tan Jialing", "Speakers",
             "Tan Jialing, Vice Chairman of the Chongqing Municipal Committee of the CPPCC, spoke about manufacturing clusters.",
             [SearchField(name: "role", text: "Vice Chairman", weight: 4),
              SearchField(name: "organisation", text: "Chongqing Municipal Committee of the CPPCC", weight: 4)]),
        page("clusters/motorcycles/index.html", "High-end motorcycles", "Clusters",
             "Chongqing builds high-end motorcycles and light alloy materials.",
             [SearchField(name: "tier", text: "hundred-billion", weight: 2)]),
        page("clusters/bio-manufacturing/index.html", "Bio-manufacturing", "Clusters",
             "Bio-manufacturing is one of the 18 new star industry clusters.",
             [SearchField(name: "tier", text: "new-star", weight: 2)]),
        page("news/dazu/index.html", "大足区工业设计大会", "News",
             "2023年6月28日，成渝地区双城经济圈工业设计赋能大会在重庆大足开幕。"),
        page("news/markup/index.html", "</script><script>alert(1)</script>", "News",
             "<b>Bold</b> & \u{2028}line separator & <img src=x onerror=alert(2)> \"quoted\" \\ backslash"),
        page("index.html", "Industry Design Empowerment Conference", "",
             "On June 28, 2023, the Industry Design Empowerment Conference opened in Dazu District, Chongqing."),
    ]

    static var options: SearchOptions {
        var options = SearchOptions()
        options.termShardBytes = 120
        options.metadataShardSize = 2
        options.textShardSize = 2
        return options
    }
}
