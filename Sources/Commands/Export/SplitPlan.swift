import Foundation
import Synthesis

/// `--split train=0.9,test=0.1`: named fractions that must add up to 1. Rows are dealt out after a seeded
/// shuffle, each split taking its share by rounding down and the last split the remainder.
struct SplitPlan: Equatable {
    /// One named share of the rows.
    struct Part: Equatable {
        let name: String
        let fraction: Double
    }

    let parts: [Part]

    init(parsing text: String) throws(UsageError) {
        var parts: [Part] = []
        for item in text.split(separator: ",") {
            let pieces = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, let fraction = Double(pieces[1]), fraction > 0, fraction <= 1
            else { throw UsageError("--split expects name=fraction pairs like train=0.9,test=0.1, got '\(item)'") }
            guard pieces[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw UsageError("--split names may use letters, digits, '-' and '_', got '\(pieces[0])'")
            }
            guard !parts.contains(where: { $0.name == pieces[0] }) else { throw UsageError("--split names '\(pieces[0])' twice") }
            parts.append(Part(name: pieces[0], fraction: fraction))
        }
        guard parts.count >= 2 else { throw UsageError("--split needs at least two parts, e.g. train=0.9,test=0.1") }
        let total = parts.reduce(0) { $0 + $1.fraction }
        guard abs(total - 1) < 1e-6 else { throw UsageError("--split fractions must add up to 1, got \(total)") }
        self.parts = parts
    }

    /// For `count` rows, the index of the part each row goes to, decided by a shuffle seeded with `seed`.
    func assignments(count: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<count)
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&order)
        var result = [Int](repeating: parts.count - 1, count: count)
        var start = 0
        for (partIndex, part) in parts.enumerated().dropLast() {
            let size = Int((Double(count) * part.fraction).rounded(.down))
            for position in start..<min(start + size, count) { result[order[position]] = partIndex }
            start += size
        }
        return result
    }
}
