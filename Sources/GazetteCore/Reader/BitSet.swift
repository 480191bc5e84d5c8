/// A growable set of small integers, searched a machine word at a time: which stories of
/// a view are unread, so that `n` and `p` skip 64 read stories per step.
struct BitSet {
    private var words: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// Bits `0..<count` set from `values`.
    init(_ values: [Bool]) {
        words.reserveCapacity(values.count / 64 + 1)
        for value in values { append(value) }
    }

    mutating func append(_ value: Bool) {
        if count % 64 == 0 { words.append(0) }
        count += 1
        self[count - 1] = value
    }

    subscript(index: Int) -> Bool {
        get {
            guard index >= 0 && index < count else { return false }
            return words[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
        set {
            guard index >= 0 && index < count else { return }
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }

    /// How many bits are set at or after `index`.
    func setCount(from index: Int) -> Int {
        guard index < count else { return 0 }
        let start = max(0, index)
        var word = start >> 6
        var total = (words[word] & (~UInt64(0) << UInt64(start & 63))).nonzeroBitCount
        word += 1
        while word < words.count {
            total += words[word].nonzeroBitCount
            word += 1
        }
        return total
    }

    /// The first set bit at or after `index`.
    func first(from index: Int) -> Int? {
        guard index < count else { return nil }
        var word = max(0, index) >> 6
        var bits = words[word] & (~UInt64(0) << UInt64(max(0, index) & 63))
        while true {
            if bits != 0 {
                let found = word << 6 + bits.trailingZeroBitCount
                return found < count ? found : nil
            }
            word += 1
            guard word < words.count else { return nil }
            bits = words[word]
        }
    }

    /// The last set bit at or before `index`.
    func last(through index: Int) -> Int? {
        guard index >= 0, count > 0 else { return nil }
        let index = min(index, count - 1)
        var word = index >> 6
        let keep = UInt64(index & 63)
        var bits = words[word] & (keep == 63 ? ~UInt64(0) : (UInt64(1) << (keep + 1)) - 1)
        while true {
            if bits != 0 { return word << 6 + (63 - bits.leadingZeroBitCount) }
            word -= 1
            guard word >= 0 else { return nil }
            bits = words[word]
        }
    }
}
