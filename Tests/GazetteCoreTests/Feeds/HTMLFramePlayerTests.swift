import XCTest

@testable import GazetteCore

/// Every frame was labelled `[video]`: maps, forms, podcasts, code pens, comments widgets. A
/// frame is `[video]` when it loads a known video player, `[audio]` a known audio player, and
/// `[embed]` otherwise; its title and its source's number stay.
final class HTMLFramePlayerTests: XCTestCase {
    func testAFrameIsLabelledByTheSiteItLoads() {
        let rendered = HTMLRenderer.render(
            """
            <p>Map:</p><iframe src="https://www.google.com/maps/embed?pb=!1m18" title="Map of the venue"></iframe>
            <p>Form:</p><iframe src="https://docs.google.com/forms/d/e/1FAIpQLS/viewform?embedded=true">Loading…</iframe>
            <p>Spotify:</p><iframe src="https://open.spotify.com/embed/episode/abc?utm_source=generator"></iframe>
            <p>CodePen:</p><iframe src="https://codepen.io/someone/embed/abcdef" title="Pen"></iframe>
            <p>Vimeo:</p><iframe src="https://player.vimeo.com/video/123456" title="Vimeo clip"></iframe>
            <p>Comments:</p><iframe src="https://slashdot.org/slashdot-it.pl?op=discuss&amp;id=1"></iframe>
            <p>Embed:</p><embed src="//www.youtube.com/v/abc">
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            [
                "Map:", "[embed: Map of the venue] [1]", "Form:", "[embed] [2]", "Spotify:", "[audio] [3]",
                "CodePen:", "[embed: Pen] [4]", "Vimeo:", "[video: Vimeo clip] [5]", "Comments:",
                "[embed] [6]",
                "Embed:", "[video] [7]",
            ])
        // A video or audio element is what it says, wherever its source is.
        XCTAssertEqual(
            HTMLRenderer.render(
                "<video src=\"https://cdn.example/a.mp4\"></video> <audio src=\"https://cdn.example/a.mp3\"></audio>"
            ).paragraphs, ["[video] [1]\n[audio] [2]"])
    }

    func testKnownPlayers() {
        for video in [
            "https://www.youtube.com/embed/x1", "https://www.youtube-nocookie.com/embed/x1", "//youtu.be/x1",
            "https://player.vimeo.com/video/1", "https://www.dailymotion.com/embed/video/x",
            "https://player.twitch.tv/?channel=a",
            "https://www.tiktok.com/embed/v2/1", "https://streamable.com/e/abc",
            "https://fast.wistia.net/embed/iframe/a",
            "https://players.brightcove.net/1/default_default/index.html",
            "https://cdn.jwplayer.com/players/a-b.html",
            "https://www.facebook.com/plugins/video.php?href=x", "https://rumble.com/embed/v1/",
            "https://peertube.example.org/videos/embed/0b04f13d",
            "https://player.bilibili.com/player.html?bvid=1",
        ] {
            XCTAssertEqual(HTMLFramePlayer.label(of: video), "video", video)
        }
        for audio in [
            "https://open.spotify.com/embed/episode/a", "https://w.soundcloud.com/player/?url=x",
            "https://bandcamp.com/EmbeddedPlayer/album=1",
            "https://embed.podcasts.apple.com/us/podcast/x/id1",
            "https://anchor.fm/s/x/embed", "https://www.buzzsprout.com/1/2-x?client_source=small_player",
            "https://html5-player.libsyn.com/embed/episode/id/1/", "https://www.podbean.com/player-v2/?i=x",
            "https://player.simplecast.com/a", "https://playlist.megaphone.fm/?e=x",
            "https://www.mixcloud.com/widget/iframe/?feed=x",
        ] {
            XCTAssertEqual(HTMLFramePlayer.label(of: audio), "audio", audio)
        }
        for other in [
            "https://www.google.com/maps/embed?pb=x", "https://www.facebook.com/plugins/post.php?href=x",
            "https://notyoutube.com/embed/x", "https://example.com/?u=https://www.youtube.com/embed/x",
            "/embed/local", "about:blank", "",
        ] {
            XCTAssertEqual(HTMLFramePlayer.label(of: other), "embed", other)
        }
        XCTAssertEqual(HTMLFramePlayer.label(of: nil), "embed")
    }
}
