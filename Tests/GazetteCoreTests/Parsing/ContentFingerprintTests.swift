import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A dump article's id is its content's fingerprint: reading state is kept by it, so the
/// ids of a file must never change from one version of Gazette to the next.
final class ContentFingerprintTests: XCTestCase {
    /// The ids earlier versions gave these files' articles (their state files hold them).
    func testTheIdsOfRealFilesAreTheOnesEarlierVersionsGave() {
        let sample = DumpText.index(bytes: Fixtures.bytes(Fixtures.sample)).map(\.id.rawValue)
        XCTAssertEqual(sample, ["ff56001cad70378a", "44ed1a674fd7b7cd"])
        let realNews = DumpText.index(bytes: Fixtures.bytes(Fixtures.realNews)).map(\.id.rawValue)
        XCTAssertEqual(
            realNews,
            [
                "adabf055e1a51ca8", "8e350b24a2004594", "23400f075055187d", "d7f2f9c42d337a00",
                "1d5d337cab64a48e", "89da2afb0af847cb", "bbf4eed1cd6f79d2", "4bf378d7798b6852",
                "ab7a75b65fadbe79", "aff47468a91864c6", "9ec87f4ca268fffa", "1241c7bafeb55101",
                "c25c46928e4e916a", "b64842b035b5bd88", "85fd618f27e98f33",
            ])
    }

    /// The digest is the value as 16 lowercase hex digits, leading zeros kept.
    func testTheDigestIsTheValueInSixteenHexDigits() {
        var generator = SeededGenerator(seed: 7)
        var shortest = 16
        for _ in 0..<5000 {
            var fingerprint = ContentFingerprint()
            var text = (0..<Int.random(in: 0..<90, using: &generator)).map { _ in
                UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            text.withUnsafeMutableBytes { buffer in
                fingerprint.add(LineSpan(start: 0, end: buffer.count), in: UnsafeRawBufferPointer(buffer))
            }
            let expected = String(format: "%016llx", fingerprint.value)
            XCTAssertEqual(fingerprint.hexDigest, expected)
            shortest = min(shortest, String(fingerprint.value, radix: 16).count)
        }
        XCTAssertLessThan(shortest, 16, "some values have leading zeros")
    }
}
