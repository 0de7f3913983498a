/// How numbers read in templates: as the shortest text that round-trips, and whole numbers
/// without a fraction (`1.210` renders as `1.21`, `2.0` as `2`), as the Mustache spec expects.
enum NumberFormatting {
    static func text(of number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int(number))
        }
        return number.description
    }
}
