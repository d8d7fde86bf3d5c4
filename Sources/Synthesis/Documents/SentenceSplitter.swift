/// Splits a span of text into sentences: after `.`, `!`, `?` followed by whitespace (closing quotes and
/// brackets stay with their sentence), after `。！？；` and their full-width forms, and at line breaks
/// (list items, verse). Leading whitespace is left out of each sentence; ranges are Unicode-scalar offsets.
enum SentenceSplitter {
    /// Marks that end a sentence (CJK full stops always; `!` `?` when followed by a space).
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c { case "。", "！", "？", "；", "!", "?": true; default: false }
    }

    /// Closing quotes and brackets that stay with the sentence they close.
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c { case "\"", "'", "”", "’", ")", "）", "」", "』": true; default: false }
    }

    static func sentences(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        var sentenceStart = start
        var i = start
        func emit(_ stop: Int) {
            var s = sentenceStart
            while s < stop, scalars[s].properties.isWhitespace { s += 1 }
            var e = stop
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { result.append((s, e)) }
            sentenceStart = stop
        }
        while i < end {
            let c = scalars[i]
            if c == "\n" {
                emit(i + 1)
            } else if isTerminator(c) || (c == "." && i + 1 < end && scalars[i + 1].properties.isWhitespace) {
                var stop = i + 1
                while stop < end, isCloser(scalars[stop]) { stop += 1 }
                let isLatinStop = c == "." || c == "!" || c == "?"
                if !isLatinStop || stop >= end || scalars[stop].properties.isWhitespace {
                    emit(stop)
                    i = stop
                    continue
                }
            }
            i += 1
        }
        emit(end)
        return result
    }
}
