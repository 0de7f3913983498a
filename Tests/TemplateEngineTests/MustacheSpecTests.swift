import Foundation
import Testing
import TemplateEngine

/// Runs every case of the official Mustache spec (`MUSTACHE_SPEC_DIR`, by default
/// `Tests/Fixtures/mustache-spec` in the package) in non-strict mode, as the spec expects.
@Suite struct MustacheSpecTests {
    /// Case counts of the spec files at commit 9cb20c3, so a file read short cannot pass quietly.
    static let expectedCaseCounts = [
        "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22,
        "partials": 12, "sections": 34, "~inheritance": 27,
    ]

    @Test(arguments: expectedCaseCounts.keys.sorted())
    func specFile(_ file: String) throws {
        guard let directory = Self.specDirectory() else { return }
        let url = directory.appendingPathComponent("\(file).json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["tests"] as? [[String: Any]])
        #expect(cases.count == Self.expectedCaseCounts[file], "\(file).json holds \(cases.count) cases")

        var passed = 0
        for specCase in cases {
            let name = specCase["name"] as? String ?? "?"
            let template = try #require(specCase["template"] as? String)
            let expected = try #require(specCase["expected"] as? String)
            let partials = specCase["partials"] as? [String: String] ?? [:]
            let data = try Self.templateValue(specCase["data"] as Any)

            var sources = [TemplateSource(name: Self.mainName, path: "\(file)/\(name)", text: template)]
            for (partialName, text) in partials.sorted(by: { $0.key < $1.key }) {
                sources.append(TemplateSource(name: partialName, path: "\(file)/\(name)/\(partialName)", text: text))
            }
            do {
                let library = try TemplateLibrary(sources: sources)
                let output = try library.renderString(Self.mainName, context: data, strict: false)
                #expect(output == expected, "\(file): \(name)")
                if output == expected { passed += 1 }
            } catch {
                Issue.record("\(file): \(name): \(error)")
            }
        }
        print("Mustache spec \(file).json: \(passed)/\(cases.count) passed")
    }

    static let mainName = "spec-case-template"

    /// The spec folder, or nil after recording why it is missing (a failure, on CI or not).
    static func specDirectory() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let directory: URL
        if let configured = environment["MUSTACHE_SPEC_DIR"], !configured.isEmpty {
            directory = URL(fileURLWithPath: configured)
        } else {
            // #filePath is <package>/Tests/TemplateEngineTests/MustacheSpecTests.swift.
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            directory = packageRoot.appendingPathComponent("Tests/Fixtures/mustache-spec")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let onCI = environment["CI"].map { !$0.isEmpty } ?? false
            Issue.record("""
                Mustache spec folder not found at \(directory.path)\(onCI ? " (CI)" : ""). \
                Set MUSTACHE_SPEC_DIR to the folder holding the spec's JSON files.
                """)
            return nil
        }
        return directory
    }

    /// Converts JSONSerialization's output into a TemplateValue.
    static func templateValue(_ json: Any) throws -> TemplateValue {
        switch json {
        case is NSNull:
            return .null
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            // Foundation reports JSON booleans as NSNumbers of type "c" (char).
            switch String(cString: number.objCType) {
            case "c": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            default: return .int(number.intValue)
            }
        case let list as [Any]:
            return .list(try list.map(templateValue))
        case let object as [String: Any]:
            return .object(try object.mapValues(templateValue))
        default:
            throw SpecDataError(description: "unsupported JSON value \(json)")
        }
    }

    struct SpecDataError: Error, CustomStringConvertible {
        var description: String
    }
}
