import XCTest

@testable import GazetteCore

/// An image sized one pixel or none by its inline style only showed as "[image]"; it is a
/// tracking pixel as one sized so by its attributes is, and shows nothing.
final class HTMLPixelImageTests: XCTestCase {
    func testImagesSizedToAPixelByTheirStyleShowNothing() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p>A<img src="t.gif" style="width:1px;height:1px"> B<img src="u.gif" style="WIDTH: 0">\
                 C<img src="v.gif" style="border:0; height:0px !important">\
                 D<img src="w.gif" width="300" height="200" style="width: 1px; height: 1px"> E</p>
                """
            ).paragraphs,
            ["A B C D E"])
    }

    func testImagesOfOtherSizesShow() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p><img src="a.png" style="width:1px"> <img src="b.png" style="width: 1em; height: 1em">\
                 <img src="c.png" width="1" height="1" style="width: 100%; height: auto">\
                 <img src="d.png" style="width:1px;height:20px"></p>
                """
            ).paragraphs,
            ["[image] [image] [image] [image]"])
    }

    func testRule() {
        XCTAssertTrue(HTMLTextBuilder.isPixel(width: nil, height: nil, style: "width:1px;height:1px"))
        XCTAssertTrue(HTMLTextBuilder.isPixel(width: "1", height: nil, style: "height: .5px"))
        XCTAssertTrue(HTMLTextBuilder.isPixel(width: nil, height: nil, style: "width: 0em"))
        XCTAssertTrue(HTMLTextBuilder.isPixel(width: "0", height: nil, style: nil))
        XCTAssertFalse(HTMLTextBuilder.isPixel(width: "1", height: "1", style: "height: 2px"))
        XCTAssertFalse(HTMLTextBuilder.isPixel(width: nil, height: nil, style: "min-width: 0; max-height: 0"))
    }
}
