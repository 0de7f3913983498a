import Foundation
import FuzzTargets

// Built two ways. `make fuzz` builds it with `-sanitize=fuzzer,address -DSITEGEN_FUZZING`: then
// libFuzzer supplies `main` and calls `LLVMFuzzerTestOneInput` with generated inputs, for the
// target named by SITEGEN_FUZZ_TARGET. A plain `swift build` makes a replayer instead:
// `sitegen-fuzz TARGET FILE...` runs each file through the target once.

#if SITEGEN_FUZZING
nonisolated(unsafe) private var selected: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if selected == nil {
        let name = ProcessInfo.processInfo.environment["SITEGEN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("set SITEGEN_FUZZ_TARGET to one of: \(names)")
        }
        selected = target
    }
    selected!.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: sitegen-fuzz \(names) FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(Array(data))
        }
    }
}
#endif
