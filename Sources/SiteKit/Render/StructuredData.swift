import SiteSupport

/// schema.org JSON-LD for a page, generated from its content: Event for pages with an `event:`
/// map, the section's type (Person, NewsArticle…) for its pages, BreadcrumbList inside sections.
struct StructuredData: Sendable {
    var site: SiteModel
    var events: [Int: EventInfo]

    func jsonLD(for index: Int) -> String? {
        let page = site.pages[index]
        var items: [JSON] = []
        if let event = events[index] { items.append(eventJSON(event, page: page)) }
        if page.kind == .single, let type = site.schema(of: page)?.schemaType {
            switch type {
            case "Person": items.append(personJSON(page))
            case "NewsArticle", "Article", "BlogPosting": items.append(articleJSON(page, type: type))
            default: items.append(.object([("@type", .string(type)), ("name", .string(page.title)), ("url", .string(permalink(page)))]))
            }
        }
        if !page.section.isEmpty, page.kind == .single || page.kind == .section {
            items.append(breadcrumbJSON(page))
        }
        guard !items.isEmpty else { return nil }
        let context: (String, JSON) = ("@context", .string("https://schema.org"))
        if items.count == 1, case .object(let members) = items[0] {
            return JSON.object([context] + members).serialized
        }
        return JSON.object([context, ("@graph", .array(items))]).serialized
    }

    func permalink(_ page: Page) -> String { SitePath.absolute(base: site.config.baseURL, path: page.publicPath) }

    func description(_ page: Page) -> String { page.frontMatter.description ?? page.summary }

    func eventJSON(_ event: EventInfo, page: Page) -> JSON {
        var address: [(String, JSON)] = [("@type", .string("PostalAddress"))]
        if let locality = event.location.locality { address.append(("addressLocality", .string(locality))) }
        if let region = event.location.region { address.append(("addressRegion", .string(region))) }
        if let country = event.location.country { address.append(("addressCountry", .string(country))) }
        var members: [(String, JSON)] = [
            ("@type", .string("Event")),
            ("name", .string(event.name)),
            ("startDate", .string(event.startDate.description)),
            ("endDate", .string(event.endDate.description)),
            ("eventAttendanceMode", .string("https://schema.org/OfflineEventAttendanceMode")),
            ("location", .object([("@type", .string("Place")), ("name", .string(event.location.name)), ("address", .object(address))])),
            ("description", .string(description(page))),
            ("url", .string(permalink(page))),
        ]
        if let about = event.about { members.append(("about", .object([("@type", .string("Thing")), ("name", .string(about))]))) }
        let performers = event.performers.compactMap { site.pageBySource[$0] }.map { personJSON(site.pages[$0]) }
        if !performers.isEmpty {
            members.append(("performer", .array(performers)))
        }
        return .object(members)
    }

    func personJSON(_ page: Page) -> JSON {
        var members: [(String, JSON)] = [("@type", .string("Person")), ("name", .string(page.title))]
        if let role = page.frontMatter.params["role"]?.scalarText { members.append(("jobTitle", .string(role))) }
        if let organisation = page.frontMatter.params["organisation"]?.scalarText {
            members.append(("affiliation", .object([("@type", .string("Organization")), ("name", .string(organisation))])))
        }
        members.append(("url", .string(permalink(page))))
        return .object(members)
    }

    func articleJSON(_ page: Page, type: String) -> JSON {
        var members: [(String, JSON)] = [("@type", .string(type)), ("headline", .string(page.title))]
        if let date = page.frontMatter.date {
            members.append(("datePublished", .string(date.description)))
        }
        members.append(("description", .string(description(page))))
        members.append(("mainEntityOfPage", .string(permalink(page))))
        members.append(("url", .string(permalink(page))))
        members.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(site.config.title)),
                                              ("url", .string(site.config.baseURL))])))
        return .object(members)
    }

    func breadcrumbJSON(_ page: Page) -> JSON {
        var crumbs: [(String, String)] = [(site.homeIndex.map { site.pages[$0].title } ?? site.config.title, "")]
        crumbs.append((site.sectionTitle(page.section), page.section + "/"))
        if page.kind == .single { crumbs.append((page.title, page.publicPath)) }
        let items: [JSON] = crumbs.enumerated().map { offset, crumb in
            .object([("@type", .string("ListItem")), ("position", .number(Double(offset + 1))), ("name", .string(crumb.0)),
                     ("item", .string(SitePath.absolute(base: site.config.baseURL, path: crumb.1)))])
        }
        return .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(items))])
    }
}
