/// A value that ``JSONText`` writes: it gives its fields to a ``JSONTextWriter``.
protocol JSONWritable {
    /// Writes the value, an object's keys in the order `JSONEncoder`'s `.sortedKeys` gives
    /// them (their UTF-8 bytes in order).
    func write(to json: inout JSONTextWriter)
}
