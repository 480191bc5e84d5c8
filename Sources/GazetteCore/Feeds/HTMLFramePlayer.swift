/// What a frame (`iframe`, `embed`) holds, told by the address it loads: a video player of a
/// known video site (`[video]`), an audio player of a known audio or podcast site (`[audio]`),
/// or any other page (`[embed]`: a map, a form, a post, a code pen, a comments widget). Every
/// frame was labelled `[video]`, and a reader told "video" for a map or a sign-up form read the
/// story wrong (found by QA).
enum HTMLFramePlayer {
    /// The label of a frame loading `source` (an address, resolved or not): "video", "audio"
    /// or "embed".
    static func label(of source: String?) -> String {
        guard let source, let (host, path) = hostAndPath(of: source) else { return "embed" }
        if matches(host, videoHosts)
            || videoPaths.contains(where: { matches(host, [$0.host]) && path.hasPrefix($0.path) })
            || path.contains("/videos/embed/")
        {
            return "video"
        }
        if matches(host, audioHosts) { return "audio" }
        return "embed"
    }

    /// Sites whose frames are video players, by domain (a subdomain is the site's too).
    static let videoHosts: [String] = [
        "youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com", "dai.ly",
        "twitch.tv", "tiktok.com", "streamable.com", "wistia.com", "wistia.net", "brightcove.net",
        "brightcove.com", "jwplayer.com", "jwplatform.com", "jwpcdn.com", "rumble.com", "bilibili.com",
        "ted.com", "vidyard.com", "loom.com", "kaltura.com", "odysee.com", "bitchute.com", "nicovideo.jp",
        "vidio.com", "v.qq.com", "youku.com", "ixigua.com", "veoh.com", "metacafe.com", "c-span.org",
    ]

    /// Video players on sites whose other frames are not video, by domain and path.
    static let videoPaths: [(host: String, path: String)] = [
        ("facebook.com", "/plugins/video.php"), ("vk.com", "/video_ext.php"), ("ok.ru", "/videoembed/"),
    ]

    /// Sites whose frames are audio players, by domain.
    static let audioHosts: [String] = [
        "spotify.com", "soundcloud.com", "bandcamp.com", "podcasts.apple.com", "music.apple.com",
        "anchor.fm", "buzzsprout.com", "libsyn.com", "podbean.com", "simplecast.com", "megaphone.fm",
        "mixcloud.com", "audioboom.com", "captivate.fm", "transistor.fm", "omny.fm", "acast.com",
        "spreaker.com", "deezer.com", "audiomack.com", "art19.com", "blubrry.com", "fireside.fm",
        "pinecast.com", "redcircle.com", "castos.com", "iheart.com", "podomatic.com", "player.fm",
    ]

    /// Whether `host` is one of `domains` or a subdomain of one.
    private static func matches(_ host: Substring, _ domains: [String]) -> Bool {
        domains.contains { domain in
            host == domain || (host.hasSuffix(domain) && host.dropLast(domain.utf8.count).hasSuffix("."))
        }
    }

    /// The lowercased host of an address (`https://host/…`, `//host/…`) and its path, or nil
    /// when it names no host.
    private static func hostAndPath(of address: String) -> (host: Substring, path: Substring)? {
        var rest = Substring(FeedItemDraft.trimmed(address))
        if let scheme = rest.range(of: "://"),
            rest[..<scheme.lowerBound].allSatisfy({
                $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0))
            }),
            !rest[..<scheme.lowerBound].isEmpty
        {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let colon = authority.lastIndex(of: ":") { authority = authority[..<colon] }
        let host = Substring(authority.lowercased())
        guard !host.isEmpty else { return nil }
        let pathEnd = rest[authorityEnd...].firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return (host, rest[authorityEnd..<pathEnd])
    }
}
