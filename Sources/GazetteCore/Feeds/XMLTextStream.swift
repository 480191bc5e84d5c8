import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hands XMLParser the next chunk of repaired UTF-8 text when it asks for more.
final class XMLTextStream: InputStream {
    private let source: XMLTextSource
    private var chunk: [UInt8] = []
    private var offset = 0

    init(source: XMLTextSource) {
        self.source = source
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { offset < chunk.count || !source.isAtEnd }
    override var streamStatus: Stream.Status { hasBytesAvailable ? .open : .atEnd }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        while offset >= chunk.count {
            guard let next = source.next() else { return 0 }
            chunk = next
            offset = 0
        }
        let count = min(len, chunk.count - offset)
        chunk.withUnsafeBufferPointer { all in
            if let base = all.baseAddress {
                buffer.update(from: base + offset, count: count)
            }
        }
        offset += count
        return count
    }
}
