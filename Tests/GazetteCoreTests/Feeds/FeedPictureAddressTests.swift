import TestSupport
import XCTest

@testable import GazetteCore

/// A picture given both as media (`media:content`, `media:thumbnail`) and inline as an
/// `<img>` of the same address shows once: the media's caption showed as a picture line of its
/// own above the body's picture.
final class FeedPictureAddressTests: XCTestCase {
    func testAPictureTheBodyShowsIsNotCaptionedAgain() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>1</guid><title>Dog</title><link>https://news.example/a/1</link>
                <description>&lt;p&gt;&lt;img src="/img/dog.jpg" alt="Dog"&gt;&lt;/p&gt;&lt;p&gt;Story text.&lt;/p&gt;</description>
                <media:content url="http://news.example/img/dog.jpg" medium="image">
                <media:description>A brown dog runs on the beach at dawn</media:description></media:content></item>
                <item><guid>2</guid><title>Bird</title><link>https://news.example/a/2</link>
                <description>&lt;p&gt;&lt;img src="https://news.example/img/bird.jpg" alt="Bird"&gt;&lt;/p&gt;&lt;p&gt;Story text.&lt;/p&gt;</description>
                <media:thumbnail url="https://news.example/img/bird.jpg"/>
                <media:description>A heron at the lake</media:description></item>
                <item><guid>3</guid><title>Other</title><link>https://news.example/a/3</link>
                <description>&lt;p&gt;&lt;img src="https://news.example/img/cat.jpg?w=300" alt="Cat"&gt;&lt;/p&gt;&lt;p&gt;Story text.&lt;/p&gt;</description>
                <media:content url="https://news.example/img/cat.jpg" medium="image">
                <media:description>A cat asleep on a chair</media:description></media:content></item>
                """, namespaces: #"xmlns:media="http://search.yahoo.com/mrss/""#)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                ["[image: Dog]", "Story text."],
                ["[image: Bird]", "Story text."],
                // Another address (a size asked for) may be another picture: its caption stays.
                ["[image: A cat asleep on a chair]", "[image: Cat]", "Story text."],
            ])
    }

    /// An `<img>` without alt text of a picture the media fields caption shows the caption,
    /// once: it showed "[image]", the caption lost (found by QA). An alt text stays.
    func testAPictureWithoutAltTextShowsTheMediasCaption() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>1</guid><title>Square</title><link>https://news.example/a/1</link>
                <description>&lt;p&gt;&lt;img src="https://cdn.example/pic.jpg"&gt;&lt;/p&gt;&lt;p&gt;Body one.&lt;/p&gt;&lt;p&gt;&lt;img src="https://cdn.example/pic.jpg"&gt;&lt;/p&gt;</description>
                <media:content url="https://cdn.example/pic.jpg" medium="image">
                <media:description>Protesters gather in the square (Reuters)</media:description></media:content></item>
                <item><guid>2</guid><title>Dog</title><link>https://news.example/a/2</link>
                <description>&lt;p&gt;&lt;img src="https://cdn.example/dog.jpg" alt="Dog"&gt;&lt;/p&gt;&lt;p&gt;Story text.&lt;/p&gt;</description>
                <media:content url="https://cdn.example/dog.jpg" medium="image">
                <media:description>A brown dog runs on the beach at dawn</media:description></media:content></item>
                """, namespaces: #"xmlns:media="http://search.yahoo.com/mrss/""#)
        XCTAssertEqual(
            articles.map(\.paragraphs),
            [
                ["[image: Protesters gather in the square (Reuters)]", "Body one.", "[image]"],
                ["[image: Dog]", "Story text."],
            ])
    }

    func testKey() {
        XCTAssertEqual(FeedPictureAddress.key("https://a.example/p.jpg#x"), "a.example/p.jpg")
        XCTAssertEqual(FeedPictureAddress.key("http://a.example/p.jpg?w=1"), "a.example/p.jpg?w=1")
        XCTAssertEqual(FeedPictureAddress.key("/p.jpg"), "/p.jpg")
    }
}
