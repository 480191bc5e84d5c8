import XCTest

@testable import GazetteCore

/// Emoji drawn as images (WordPress smileys, Twemoji, Discourse and Mastodon emoji) showed as
/// "[image: 🙂]" and "[image: :thinking:]" in the middle of a sentence; they read as the emoji
/// their alt names, inline.
final class HTMLEmojiImageTests: XCTestCase {
    func testWordPressSmileysShowTheirEmojiInline() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <p>Great news <img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f642.png" alt="🙂" \
                class="wp-smiley" style="height: 1em; max-height: 1em;" /> see you soon <img draggable="false" \
                role="img" class="emoji" alt="🎉" src="https://s.w.org/images/core/emoji/15.0.3/svg/1f389.svg"> \
                bye.</p>
                """
            ).paragraphs,
            ["Great news 🙂 see you soon 🎉 bye."])
    }

    func testDiscourseEmojiShowTheirShortcodeInline() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <blockquote><p>Has anyone tried the new release? <img src="https://forum.example/images/\
                emoji/twitter/thinking.png?v=12" title=":thinking:" class="emoji" alt=":thinking:" \
                loading="lazy" width="20" height="20"></p></blockquote><p>Yes, works fine <img \
                src="https://forum.example/images/emoji/twitter/+1.png?v=12" title=":+1:" \
                class="emoji only-emoji" alt=":+1:"></p>
                """
            ).paragraphs,
            ["> Has anyone tried the new release? :thinking:", "Yes, works fine :+1:"])
    }

    func testAnImageWhoseAltIsOneEmojiShowsItGluedAsWritten() {
        XCTAssertEqual(
            HTMLRenderer.render(#"<p>Flag<img src="f.png" alt="🇫🇷">, keycap <img src="k.png" alt="1️⃣">!</p>"#)
                .paragraphs,
            ["Flag🇫🇷, keycap 1️⃣!"])
    }

    func testOtherImagesStillShowAsImages() {
        XCTAssertEqual(
            HTMLRenderer.render(
                #"<p><img src="a.png" alt="A cat"> <img src="b.png" alt="1"> <img src="c.png" alt="©"> "#
                    + #"<img src="d.png" alt="🙂 smiling"> <img class="avatar" src="e.png" alt=":)"></p>"#
            ).paragraphs,
            ["[image: A cat] [image: 1] [image: ©] [image: 🙂 smiling] [image: :)]"])
    }

    /// An image classed as an emoji whose alt is words is a picture: its alt read as the
    /// sentence's text (found by QA).
    func testAnEmojiClassWithAnAltOfWordsStaysAnImage() {
        XCTAssertEqual(
            HTMLRenderer.render(
                #"<p>See <img class="emoji" src="d.png" alt="A big diagram of the system"></p>"#
            )
            .paragraphs,
            ["See [image: A big diagram of the system]"])
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: ":thinking:", classes: "emoji"))
        XCTAssertFalse(HTMLEmojiImage.isEmoji(alt: "A diagram", classes: "emoji"))
    }

    func testRule() {
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: "🙂", classes: nil))
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: "👩🏽‍💻", classes: nil))
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: "❤️", classes: nil))
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: ":blobcat:", classes: "emojione custom-emoji"))
        XCTAssertTrue(HTMLEmojiImage.isEmoji(alt: ":-)", classes: "wp-smiley"))
        XCTAssertFalse(HTMLEmojiImage.isEmoji(alt: "❤", classes: nil))
        XCTAssertFalse(HTMLEmojiImage.isEmoji(alt: "7", classes: nil))
        XCTAssertFalse(HTMLEmojiImage.isEmoji(alt: "A chart", classes: "wp-image-12 size-full"))
    }
}
