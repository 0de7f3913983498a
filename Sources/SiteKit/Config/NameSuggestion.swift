/// "Did you mean …?": the known name a misspelt one most likely stands for.
enum NameSuggestion {
    /// The known name nearest to `name` within `allowedDistance(for:)` edits, or nil. Ties go to
    /// the name listed first.
    static func nearest(to name: String, among known: [String]) -> String? {
        var best: (name: String, distance: Int)?
        let limit = allowedDistance(for: name)
        for candidate in known where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Edits a typo of this length may hold: one in a short name, two from eight letters on.
    static func allowedDistance(for name: String) -> Int {
        name.unicodeScalars.count >= 8 ? 2 : 1
    }

    /// Whether `name` looks like a misspelling of `known`: for names of four letters or fewer only
    /// two swapped neighbours count (`slgu` for `slug`), since a single other letter there is as
    /// likely a different word (`data` is not `date`); longer names allow `allowedDistance` edits.
    static func isLikelyTypo(_ name: String, of known: String) -> Bool {
        // Most keys are far from every built-in name in length alone: no distance to compute.
        let lengths = (name.utf8.count, known.utf8.count)
        guard name != known, abs(lengths.0 - lengths.1) <= allowedDistance(for: name) else { return false }
        // Scalars, not Characters: keys are names, and grapheme breaking cost more than the rest.
        let letters = Array(name.unicodeScalars), target = Array(known.unicodeScalars)
        if max(letters.count, target.count) <= 4 {
            guard letters.count == target.count else { return false }
            let differing = letters.indices.filter { letters[$0] != target[$0] }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && letters[differing[0]] == target[differing[1]] && letters[differing[1]] == target[differing[0]]
        }
        return editDistance(name, known) <= allowedDistance(for: name)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters each cost one (so `weigth` is one edit from `weight`); counted in
    /// Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
