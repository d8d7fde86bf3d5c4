/// Fixed slots that concurrent workers fill, one slot per chunk, read back after the workers finish.
/// Each worker writes only its own slot, so no two threads touch the same memory.
final class ChunkResults<Value>: @unchecked Sendable {
    private var slots: [Value]

    init(repeating value: Value, count: Int) {
        slots = [Value](repeating: value, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Value] { slots }
}
