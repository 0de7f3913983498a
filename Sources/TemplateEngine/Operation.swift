/// One step of a compiled template. Spans (sections, blocks, parent arguments) are stored inline:
/// their body is the run of operations that follows, up to `end`. Payloads are immutable classes,
/// so an operation is one pointer and reading it costs a single retain.
enum Operation: Sendable {
    /// Literal template text, already UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw).
    case value(ValueReference, escaped: Bool)
    /// `{{#name}}`: body is the following operations up to `end`.
    case section(ValueReference, end: Int)
    /// `{{^name}}`: body is the following operations up to `end`.
    case invertedSection(ValueReference, end: Int)
    /// `{{>name}}`.
    case partial(Inclusion)
    /// `{{<name}}`: the arguments' bodies follow, up to `end`.
    case parent(Inclusion, end: Int)
    /// `{{$name}}` outside a parent tag: the default body follows, up to `end`.
    case block(BlockSlot, end: Int)
}

/// A name as written in a tag, split once at compile time.
final class ValueReference: Sendable {
    /// The dotted name's parts; empty for the implicit iterator `.`.
    let path: [String]
    /// The name as written, for messages.
    let name: String
    let position: SourcePosition
    /// The same for every reference to this name in the library: indexes the renderer's
    /// per-render cache of root-context lookups.
    let slot: Int

    init(path: [String], name: String, position: SourcePosition, slot: Int) {
        self.path = path
        self.name = name
        self.position = position
        self.slot = slot
    }
}

/// A partial or parent tag, resolved to a template when the library is built.
final class Inclusion: Sendable {
    let name: String
    /// Index of the template in the library, nil when no template has that name.
    let target: Int?
    /// For a standalone tag, the indentation to prepend to each line of the included template.
    let indentation: [UInt8]?
    let position: SourcePosition
    /// For a parent tag, the blocks it passes.
    let arguments: [BlockArgument]

    init(name: String, target: Int?, indentation: [UInt8]?, position: SourcePosition, arguments: [BlockArgument]) {
        self.name = name
        self.target = target
        self.indentation = indentation
        self.position = position
        self.arguments = arguments
    }
}

/// A block passed to a parent: its name and where its body sits in the operations.
struct BlockArgument: Sendable {
    let name: String
    let body: Range<Int>
}

/// A block a template offers for overriding.
final class BlockSlot: Sendable {
    let name: String
    /// For a standalone block, the indentation its content (default or override) gets.
    let indentation: [UInt8]?
    let position: SourcePosition

    init(name: String, indentation: [UInt8]?, position: SourcePosition) {
        self.name = name
        self.indentation = indentation
        self.position = position
    }
}
