import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Escaped text inside a feed's text element is handed to the reader beside the XML
/// (``XMLTextAside``): the reader must be told all it was told when the text was a CDATA
/// section of the XML, at the same lines, with the same errors.
final class XMLTextAsideTests: XCTestCase {
    /// What a parser tells its delegate, text run together.
    private final class Recorder: XMLPushParserDelegate {
        var events: [String] = []
        private var text: [UInt8] = []

        func flush() {
            if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)) }
            text = []
        }

        func parser(
            _ parser: XMLPushParser, didStartElement name: String, namespace: String,
            attributes: XMLAttributes
        ) {
            flush()
            let pairs = attributes.all.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            events.append("start \(name) \(namespace) \(pairs) at \(parser.lineNumber)")
        }

        func parserDidEndElement(_ parser: XMLPushParser) {
            flush()
            events.append("end at \(parser.lineNumber)")
        }

        func parser(_ parser: XMLPushParser, foundText text: UnsafeBufferPointer<UInt8>) {
            self.text += text
        }

        func parser(_ parser: XMLPushParser, foundHyperlink address: [UInt8]) {
            flush()
            events.append("link \(address)")
        }

        func parser(_ parser: XMLPushParser, errorOccurred code: Int) {
            flush()
            events.append("error \(code) at \(parser.lineNumber)")
        }
    }

    /// Everything the parser tells of `bytes`, read in chunks of at most `chunkSize`.
    private func told(_ bytes: [UInt8], setsTextAside: Bool, chunkSize: Int = XMLTextSource.chunkSize) throws
        -> [String]
    {
        let library = try XCTUnwrap(LibXML2.shared)
        return bytes.withUnsafeBytes { buffer in
            let source = XMLTextSource(
                bytes: buffer, plan: FeedTextDecoder.plan(for: buffer), chunkSize: chunkSize,
                smallFirstChunkSize: min(chunkSize, XMLTextSource.smallFirstChunkSize),
                setsTextAside: setsTextAside)
            let parser = XMLPushParser(library: library)
            let recorder = Recorder()
            parser.delegate = recorder
            let finished = parser.parse(source)
            recorder.flush()
            return recorder.events + ["finished \(finished) at \(parser.lineNumber)"]
        }
    }

    private func assertToldTheSame(
        _ bytes: [UInt8], chunkSize: Int = XMLTextSource.chunkSize, _ name: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let aside = try told(bytes, setsTextAside: true, chunkSize: chunkSize)
        let inXML = try told(bytes, setsTextAside: false, chunkSize: chunkSize)
        guard aside != inXML else { return }
        let first =
            zip(aside, inXML).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(aside.count, inXML.count)
        XCTFail(
            "\(name): \(aside.dropFirst(first).first ?? "nothing") instead of \(inXML.dropFirst(first).first ?? "nothing")",
            file: file, line: line)
    }

    private func rss(_ items: String) -> [UInt8] {
        Array(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>T &amp; c</title>\n\(items)</channel></rss>\n"
                .utf8)
    }

    func testEveryRealFeedIsToldTheSame() throws {
        for file in Fixtures.feedFiles() {
            let bytes = try [UInt8](Data(contentsOf: Fixtures.feeds.appendingPathComponent(file)))
            try assertToldTheSame(bytes, file)
            // Texts cut between chunks.
            try assertToldTheSame(bytes, chunkSize: 1 << 12, "\(file), small chunks")
        }
        let findings = try FileManager.default.contentsOfDirectory(atPath: Fixtures.fuzzFindings.path)
        for file in findings.sorted() {
            let bytes = try [UInt8](Data(contentsOf: Fixtures.fuzzFindings.appendingPathComponent(file)))
            try assertToldTheSame(bytes, file)
        }
    }

    /// Texts that stay CDATA sections (a `]]>`, an internal entity's text, a hyperlink, U+FFFF
    /// that the parser refuses), texts outside a text element or after the root, line breaks
    /// of each kind, and a text cut at every place between two chunks.
    func testOddTextsAreToldTheSame() throws {
        let items = [
            "<item><title>A &lt;b&gt; c</title><description>&lt;p&gt;One\nTwo\r\nThree\rFour&lt;/p&gt;\n\n</description></item>\n",
            "<item><description>x&#93;&#93;&gt;y &amp;&amp; z</description><guid>a&amp;b\nc</guid></item>\n",
            "<item><description>&lt;a href=\"x\"&gt;\u{1B}]8;;https://e.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\&lt;/a&gt; after</description></item>\n",
            "<item><description>&#7;&#0;</description><title>&nbsp;&eacute;&#146;</title></item>\n",
            "<item><description>&lt;p&gt;\u{FFFF} refused&lt;/p&gt;</description></item>\n<item><title>next</title></item>\n",
        ]
        for (index, item) in items.enumerated() {
            try assertToldTheSame(rss(item), "item \(index)")
        }
        let entity = Array(
            "<!DOCTYPE rss [<!ENTITY e \"<b>x</b>\n\">]>\n<rss><channel><item><description>a &e; b&amp;</description></item></channel></rss>"
                .utf8)
        try assertToldTheSame(entity, "internal entity")
        try assertToldTheSame(rss("") + Array("\n&amp; after the root &lt;p&gt;\n".utf8), "after the root")
        let long = rss(
            "<item><description>" + String(repeating: "&lt;p&gt;Zoë’s line\n&lt;/p&gt;", count: 40)
                + "</description></item>\n")
        for chunkSize in 40...90 {
            try assertToldTheSame(long, chunkSize: chunkSize, "chunks of \(chunkSize)")
        }
    }

    /// The sanitizer writes a mark with the text's line breaks, the reader's text set aside.
    func testTheMarkKeepsTheLineBreaks() {
        var sanitizer = XMLSanitizer()
        sanitizer.textAside = XMLTextAside()
        var output: [UInt8] = []
        let text = "<rss><channel><title>a &lt;b&gt;\nc\n</title><link>x&amp;y</link></channel></rss>"
        Array(text.utf8).withUnsafeBytes { sanitizer.process($0, into: &output) }
        XCTAssertEqual(
            String(decoding: output, as: UTF8.self),
            "<rss><channel><title><?gazette-text 0\n\n?></title><link><![CDATA[x&y]]></link></channel></rss>")
        var told = ""
        Array("0\n\n".utf8).withUnsafeBufferPointer { mark in
            if let range = sanitizer.textAside?.read(mark: mark) {
                sanitizer.textAside?.withText(range) { told = String(decoding: $0, as: UTF8.self) }
            }
        }
        XCTAssertEqual(told, "a <b>\nc\n")
    }
}
