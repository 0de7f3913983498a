import Foundation
import SiteSupport
import TemplateEngine
import Yams

/// Reads the data files below `Content/data/`: YAML through Yams (anchors within site.yml's
/// budget), JSON through Foundation; each checked against its schema in site.yml.
///
/// CSV is not read, and a `.csv` file there is a warning rather than silence: of the two CSV
/// libraries this project may use, SwiftCSV 0.10.0 and CSV.swift 2.5.2, both read an
/// unterminated quote as one field holding the rest of the file without a word, CSV.swift also
/// reads text after a closing quote that way, and neither tells a record's line, which schema
/// errors need (see the README, "Data files").
enum DataLoader {
    static let extensions = [".yml", ".yaml", ".json"]
    /// Data formats that are recognised but not read.
    static let unreadExtensions = [".csv"]

    /// Every data file below `contentRoot/data`, and every problem: files that cannot be read or
    /// parsed, two files with one name, schema errors, schemas naming no file.
    static func load(contentRoot: String, contentDisplay: String, config: SiteConfig) -> (SiteData, [Diagnostic]) {
        let root = contentRoot + "/" + SiteData.folder
        let display = SourceTree.join(contentDisplay, SiteData.folder)
        var data = SiteData()
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        var isFolder: ObjCBool = false
        // A data folder that is a link leading out of the content folder is reported by the
        // content scan, and nothing behind it is read.
        if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
           SourceTree.resolvesInside(root: contentRoot, root) {
            let (listed, listDiagnostics) = SourceTree.list(root: root, displayRoot: display) { path in
                (extensions + unreadExtensions).contains { path.hasSuffix($0) }
            }
            diagnostics += listDiagnostics
            let paths = listed.filter { path in extensions.contains { path.hasSuffix($0) } }
            for path in listed where unreadExtensions.contains(where: { path.hasSuffix($0) }) {
                diagnostics.append(.warning(SourceTree.join(display, path),
                                            "CSV data files are not read (no CSV library here reports an unterminated quote or a record's line): write the table as .yml or .json"))
            }
            var origin: [String: String] = [:]
            let read = Parallel.map(paths) { relative in
                parse(InputFile.read(root + "/" + relative), relative: relative, display: SourceTree.join(display, relative),
                      schemas: config.data)
            }
            for (relative, (name, value, problems)) in zip(paths, read) {
                diagnostics += problems
                if let name { seen.insert(name) }
                guard let name, let value else { continue }
                let fileDisplay = SourceTree.join(display, relative)
                if let other = origin[name] {
                    diagnostics.append(.error(fileDisplay, "data '\(name)' is also \(other): rename one"))
                    continue
                }
                origin[name] = fileDisplay
                data.files[name] = value
            }
            // A file and a folder of one name (`venues.yml`, `venues/`) would be one key twice.
            for name in data.names {
                if let prefix = data.names.first(where: { name.hasPrefix($0 + ".") }) {
                    diagnostics.append(.error(origin[name] ?? display, "data '\(name)' is inside data '\(prefix)' (\(origin[prefix] ?? "")): rename the file or the folder"))
                }
            }
        }
        for schema in config.data where !seen.contains(schema.name) {
            diagnostics.append(.error(SourceTree.join(contentDisplay, "site.yml"),
                                      "data '\(schema.name)' has a schema but no file \(display)/\(schema.name.replacingOccurrences(of: ".", with: "/")).yml (or .yaml, .json)"))
        }
        return (data, diagnostics)
    }

    /// One file's dotted name and value, or its problems.
    static func parse(_ read: Result<[UInt8], InputFile.Problem>, relative: String, display: String,
                      schemas: [DataSchema]) -> (String?, TemplateValue?, [Diagnostic]) {
        let suffix = extensions.first { relative.hasSuffix($0) } ?? ""
        let parts = relative.dropLast(suffix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let bad = parts.first(where: { $0.isEmpty || $0.contains(".") || $0.contains(" ") }) {
            return (nil, nil, [.error(display, "data file names are keys of site.data: '\(bad)' must not be empty or hold a dot or a space")])
        }
        let name = parts.joined(separator: ".")
        let bytes: [UInt8]
        switch read {
        case .failure(let problem): return (name, nil, [.error(display, "file \(problem)")])
        case .success(let read): bytes = read
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (name, nil, [.error(display, "file is not UTF-8 text")])
        }
        let schema = schemas.first { $0.name == name }
        if suffix == ".json" {
            let value: TemplateValue
            do {
                value = try JSONDecoder().decode(DecodedValue.self, from: Data(bytes)).value
            } catch {
                return (name, nil, [jsonDiagnostic(error, display: display)])
            }
            // JSON is YAML's flow syntax: Yams finds the records' lines for the schema's messages.
            guard let schema else { return (name, value, []) }
            if case .success(let node?) = YAMLDocument.compose(text, path: display, lineOffset: 0, aliases: .configuration) {
                return (name, value, schema.check(node, path: display, display: display))
            }
            return (name, value, [])
        }
        switch YAMLDocument.compose(text, path: display, lineOffset: 0, aliases: .configuration) {
        case .failure(let diagnostic): return (name, nil, [diagnostic])
        case .success(let node):
            guard let node else { return (name, .null, []) }
            return (name, YAMLDocument.templateValue(node), schema?.check(node, path: display, display: display) ?? [])
        }
    }

    /// Foundation's message, at the line and column it names when it names them.
    private static func jsonDiagnostic(_ error: Error, display: String) -> Diagnostic {
        var message = "\(error)"
        if case DecodingError.dataCorrupted(let context) = error {
            message = (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        }
        var line = 1, column = 1
        if let range = message.range(of: "line ") {
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            line = Int(digits) ?? 1
        }
        if let range = message.range(of: "column ") {
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            column = Int(digits) ?? 1
        }
        return .error(display, line: line, column: column, "JSON: \(message)")
    }
}

/// A JSON value decoded into a template value: true/false stay booleans, whole numbers ints.
private struct DecodedValue: Decodable {
    var value: TemplateValue

    init(from decoder: Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var items: [TemplateValue] = []
            while !list.isAtEnd { items.append(try list.decode(DecodedValue.self).value) }
            value = .list(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: TemplateValue] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(DecodedValue.self, forKey: key).value }
            value = .object(fields)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { value = .null }
        else if let flag = try? single.decode(Bool.self) { value = .bool(flag) }
        else if let number = try? single.decode(Int.self) { value = .int(number) }
        else if let number = try? single.decode(Double.self) { value = .double(number) }
        else { value = .string(try single.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
