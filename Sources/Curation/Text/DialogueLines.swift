import Foundation

/// The lines of a text spoken by named characters ("Agent: …", "客服：…"), when the text is a dialogue
/// (two or more such lines). A refusal a character speaks is part of the scene, not the writer's refusal.
/// Labels that introduce the writer's own answer ("Answer:", "Response:", "回答：") do not count.
public struct DialogueLines: Sendable {
    private var spoken: [Range<Int>] = []

    static let writerLabels: Set<String> = [
        "answer", "response", "output", "reply", "assistant", "ai", "note", "a", "回答", "回复", "答", "输出", "答案", "助手",
    ]

    public init(_ bytes: [UInt8]) {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i); start = i + 1
        }
        lines.append(start..<bytes.count)
        var labelled: [Range<Int>] = []
        for line in lines {
            // A label: up to 24 bytes of letters/spaces/CJK before ':' or '：' at the start of the line.
            var i = line.lowerBound
            while i < line.upperBound && bytes[i] == 0x20 { i += 1 }
            let labelStart = i
            while i < line.upperBound && i - labelStart <= 24 {
                let b = bytes[i]
                if b == 0x3A { break }
                if b == 0xEF && i + 2 < line.upperBound && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9A { break }
                if !(PhraseScanner.isWordByte(b) || b == 0x20 || b >= 0x80 || b == 0x2A) { i = line.upperBound; break }
                i += 1
            }
            guard i < line.upperBound, i > labelStart, i - labelStart <= 24 else { continue }
            let label = String(decoding: bytes[labelStart..<i], as: UTF8.self)
                .trimmingCharacters(in: .init(charactersIn: " *")).lowercased()
            if label.isEmpty || Self.writerLabels.contains(label) || label.split(separator: " ").count > 3 { continue }
            labelled.append(i..<line.upperBound)
        }
        if labelled.count >= 2 { spoken = labelled }
    }

    /// True when byte `offset` is inside a character's line.
    public func isSpeech(_ offset: Int) -> Bool { spoken.contains { $0.contains(offset) } }
}
