/// A value templates can render: typed, no `Any`, so the pipeline hands over plain data.
public indirect enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value as one input of a build hands it out (a page's summary, a section's list): a
    /// render that looks into it, iterates it or tests it records `input` (see
    /// `TemplateLibrary.render(_:context:strict:reads:)`), so the build knows what each output
    /// read. It renders as the value it wraps.
    case input(Int, TemplateValue)

    /// The value under `key` when this is an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> TemplateValue? {
        guard case .object(let fields) = unwrapped else { return nil }
        return fields[key]
    }

    /// The value inside any `.input` wrappers.
    public var unwrapped: TemplateValue {
        var value = self
        while case .input(_, let inner) = value { value = inner }
        return value
    }

    /// Whether a section `{{#x}}` renders: `null`, `false`, `""` and `[]` do not; everything else
    /// does, including `0` and `{}` (the pipeline passes a `Bool` where it means a condition).
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .string(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .int, .double, .object: true
        case .input(_, let inner): inner.isTruthy
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An `.int` from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// A `.double` from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// A `.list` from a literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// An `.object` from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
