/// A template parsed once: its operations plus what the library needs to know about it.
struct CompiledTemplate: Sendable {
    let name: String
    let path: String
    let operations: [Operation]
    /// Library indices of the templates its partial and parent tags name.
    let includes: Set<Int>
    /// Bytes of literal text, to size output buffers.
    let textByteCount: Int

    init(name: String, path: String, operations: [Operation]) {
        self.name = name
        self.path = path
        self.operations = operations
        var includes = Set<Int>()
        var textByteCount = 0
        for operation in operations {
            switch operation {
            case .text(let bytes): textByteCount += bytes.count
            case .partial(let inclusion), .parent(let inclusion, _):
                if let target = inclusion.target { includes.insert(target) }
            default: break
            }
        }
        self.includes = includes
        self.textByteCount = textByteCount
    }
}
