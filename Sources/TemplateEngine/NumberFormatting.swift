/// How numbers read in templates: as the shortest text that round-trips, and whole numbers
/// without a fraction (`1.210` renders as `1.21`, `2.0` as `2`), as the Mustache spec expects.
enum NumberFormatting {
    static func text(of number: Double) -> String {
        // Truncating through Int (rather than `rounded()`) keeps libm out of this target.
        if number.magnitude < 1e15, Double(Int(number)) == number {
            return String(Int(number))
        }
        return number.description
    }

    /// Appends an integer's decimal digits without making a `String` first.
    static func append(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var low = start
        var high = output.count - 1
        while low < high {
            output.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}
