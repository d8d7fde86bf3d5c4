/// Fixed slots that concurrent workers fill, one slot per chunk, read back after the workers finish.
/// Each worker writes only its own slot, so no two threads touch the same memory. Public for the commands
/// that run engines on all cores (`dsbench filter`).
public final class ChunkResults<Value>: @unchecked Sendable {
    private var slots: [Value]

    public init(repeating value: Value, count: Int) {
        slots = [Value](repeating: value, count: count)
    }

    /// Fills slot `index`; call once per slot, from the worker that owns it.
    public func set(_ index: Int, _ value: Value) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    /// All slots, once the workers are done.
    public var values: [Value] { slots }
}
