import Yams

/// How a YAML document may use anchors (`&name`) and aliases (`*name`). An alias repeats a whole
/// subtree, so a few lines of nested aliases (a "billion laughs" bomb) expand to billions of values:
/// go-yaml and libyaml limit them for that reason (CVE-2019-11254). Front matter needs none at all;
/// `site.yml` may use them for sharing within a budget of expanded values.
enum YAMLAliases: Sendable, Equatable {
    case forbidden
    case budget(expandedValues: Int)

    /// The budget of `site.yml`: far above any real configuration, far below a bomb.
    static let configuration = YAMLAliases.budget(expandedValues: 100_000)

    /// The problem with `root`'s anchors under this policy, at the anchor. Must be called while the
    /// parser that composed `root` is alive: Yams holds anchors weakly, through the parser.
    func problem(in root: Node, lineOffset: Int) -> (message: String, position: SourcePosition)? {
        switch self {
        case .forbidden:
            guard let anchored = Self.firstAnchored(root) else { return nil }
            return ("anchors and aliases are not allowed in front matter", Self.position(anchored, lineOffset))
        case .budget(let limit):
            var sizes: [ObjectIdentifier: Int] = [:]
            var first: Node?
            let total = Self.expandedCount(root, limit: limit, sizes: &sizes, firstAlias: &first)
            guard total > limit else { return nil }
            return ("YAML aliases expand to more than \(limit) values: not read", Self.position(first ?? root, lineOffset))
        }
    }

    private static func position(_ node: Node, _ lineOffset: Int) -> SourcePosition {
        SourcePosition(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
    }

    /// The first node (depth first) that carries an anchor; it stops there, so a bomb costs nothing.
    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        case .sequence(let sequence):
            for item in sequence {
                if let found = firstAnchored(item) { return found }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }

    /// How many values `node` stands for once every alias is expanded, counting each anchored
    /// subtree once (memoised by its anchor) and stopping as soon as `limit` is passed.
    private static func expandedCount(_ node: Node, limit: Int, sizes: inout [ObjectIdentifier: Int], firstAlias: inout Node?) -> Int {
        if let anchor = node.anchor, let known = sizes[ObjectIdentifier(anchor)] {
            if firstAlias == nil { firstAlias = node }
            return known
        }
        var count = 1
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                count += expandedCount(key, limit: limit, sizes: &sizes, firstAlias: &firstAlias)
                count += expandedCount(value, limit: limit, sizes: &sizes, firstAlias: &firstAlias)
                if count > limit { return count }
            }
        case .sequence(let sequence):
            for item in sequence {
                count += expandedCount(item, limit: limit, sizes: &sizes, firstAlias: &firstAlias)
                if count > limit { return count }
            }
        case .scalar, .alias:
            break
        }
        if let anchor = node.anchor { sizes[ObjectIdentifier(anchor)] = count }
        return count
    }
}
