/// Sorting of LSH band keys `bandHash << 32 | position` by their band hash: a least-significant-digit radix sort
/// on the high 32 bits in three passes of 11, 11 and 10 bits. It is stable, so keys added in ascending position
/// order come out in exactly the order a full comparison sort of the 64-bit keys gives, several times faster.
enum BandSort {
    /// Sorts `keys` by their high 32 bits; `scratch` must hold at least `keys.count` elements.
    static func byHash(_ keys: inout [UInt64], scratch: inout [UInt64]) {
        let n = keys.count
        precondition(scratch.count >= n)
        if n < 2 { return }
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { scratch in
                var source = keys.baseAddress!, target = scratch.baseAddress!
                var counts = [Int](repeating: 0, count: 2048)
                counts.withUnsafeMutableBufferPointer { counts in
                    for (shift, width) in [(32, 11), (43, 11), (54, 10)] {
                        let mask = UInt64(1 << width - 1)
                        for d in 0..<(1 << width) { counts[d] = 0 }
                        for k in 0..<n { counts[Int((source[k] >> UInt64(shift)) & mask)] += 1 }
                        var total = 0
                        for d in 0..<(1 << width) {
                            let c = counts[d]
                            counts[d] = total
                            total += c
                        }
                        for k in 0..<n {
                            let key = source[k]
                            let d = Int((key >> UInt64(shift)) & mask)
                            target[counts[d]] = key
                            counts[d] += 1
                        }
                        swap(&source, &target)
                    }
                }
                // Three passes leave the result in `scratch`.
                if source != keys.baseAddress! { keys.baseAddress!.update(from: source, count: n) }
            }
        }
    }
}
