/// Line numbers of Unicode-scalar offsets in a text: line k (1-based) starts after the (k-1)-th `\n`.
struct LineIndex: Sendable {
    /// Offset where each line starts; `starts[0] == 0`.
    let starts: [Int]
    /// Offset just past each line's content (before `\r\n` or `\n`).
    let ends: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        var ends: [Int] = []
        for (i, scalar) in scalars.enumerated() where scalar == "\n" {
            ends.append(i > 0 && scalars[i - 1] == "\r" ? i - 1 : i)
            starts.append(i + 1)
        }
        ends.append(scalars.count)
        self.starts = starts
        self.ends = ends
    }

    var count: Int { starts.count }

    /// The 1-based line holding `offset` (binary search).
    func line(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}
