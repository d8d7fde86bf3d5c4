/// Lower-cased ASCII words of a byte range with their offsets: letters, digits and inner apostrophes
/// (’ read as '), so "can't", "you're" and "i'm" are one word each. Used where rules read English
/// word by word (refusal speaker and verb, toxicity targets).
public struct LatinWords: Sendable {
    public struct Word: Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
    }

    public private(set) var words: [Word] = []

    /// The words of `bytes[range]`.
    public init(_ bytes: [UInt8], _ range: Range<Int>) {
        var word: [UInt8] = []
        var start = range.lowerBound
        var i = range.lowerBound
        func flush(_ end: Int) {
            while word.last == 0x27 { word.removeLast() }
            if !word.isEmpty { words.append(Word(text: String(decoding: word, as: UTF8.self), start: start, end: end)) }
            word.removeAll(keepingCapacity: true)
        }
        while i < range.upperBound {
            let b = bytes[i]
            if PhraseScanner.isWordByte(b) || (b == 0x27 && !word.isEmpty) {
                if word.isEmpty { start = i }
                word.append(PhraseScanner.fold(b)); i += 1
            } else if b == 0xE2 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 && !word.isEmpty {
                word.append(0x27); i += 3
            } else {
                flush(i); i += 1
            }
        }
        flush(range.upperBound)
    }

    /// Index of the first word that ends after byte `offset`.
    public func index(at offset: Int) -> Int? { words.firstIndex { $0.end > offset } }
}
