// swift-tools-version:6.0
import PackageDescription

// One target per concern, in the spirit of Zola's components: each is small, has its own tests,
// and compiles on its own. SiteKit assembles them into the build pipeline.
let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteKit", targets: ["SiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev, Homebrew: cmark).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // mimalloc from the system (Debian: libmimalloc-dev), linked into the command on Linux so that
        // it replaces glibc's malloc: about a sixth off a 10,000-page build (see README, Performance).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Small POSIX helpers Swift's Glibc module does not expose (atomic folder exchange).
        .target(name: "CSystem"),
        // The helpers every module shares, one of each: work on all cores, FNV-1a, JSON and HTML escaping.
        .target(name: "SiteSupport"),
        // Markdown to HTML, headings, links and plain text through cmark's node tree.
        .target(name: "MarkdownRenderer", dependencies: ["CCmark", "SiteSupport"]),
        // The Mustache engine: templates compiled once, typed values, strict mode.
        .target(name: "TemplateEngine", dependencies: ["SiteSupport"]),
        // The client-side search index: tokenizer, stemmer, BM25 and sharded output.
        .target(name: "SearchIndex", dependencies: ["SiteSupport"]),
        // The pipeline: config, content, site assembly, rendering, output.
        .target(
            name: "SiteKit",
            dependencies: [
                "MarkdownRenderer", "TemplateEngine", "SearchIndex", "SiteSupport", "CSystem",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `sitegen serve`: HTTP on loopback, file watching, live reload.
        .target(
            name: "PreviewServer",
            dependencies: ["SiteKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteKit", "PreviewServer",
                .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The parsers that read untrusted input, as functions of arbitrary bytes (see `make fuzz`).
        .target(name: "FuzzTargets", dependencies: ["SiteKit", "PreviewServer", "MarkdownRenderer", "TemplateEngine", "SearchIndex"]),
        // libFuzzer's entry point when built for `make fuzz`; a replayer of saved inputs otherwise.
        .executableTarget(name: "sitegen-fuzz", dependencies: ["FuzzTargets"]),
        .testTarget(name: "SiteSupportTests", dependencies: ["SiteSupport"]),
        .testTarget(name: "MarkdownRendererTests", dependencies: ["MarkdownRenderer"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine"]),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex"]),
        .testTarget(name: "SiteKitTests", dependencies: ["SiteKit", "TemplateEngine", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
