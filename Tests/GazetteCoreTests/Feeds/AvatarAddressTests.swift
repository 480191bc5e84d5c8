import XCTest

@testable import GazetteCore

/// A picture on an avatar service is a person's portrait, not a story's picture.
final class AvatarAddressTests: XCTestCase {
    func testTheHostTellsAnAvatar() {
        for address in [
            "https://0.gravatar.com/avatar/0123abcd?s=96&d=identicon&r=G", "http://GRAVATAR.com/avatar/1",
            "//secure.gravatar.com/avatar/1", "https://user@www.gravatar.com:443/avatar/1",
            "https://avatars.githubusercontent.com/u/1?v=4",
        ] {
            XCTAssertTrue(AvatarAddress.matches(address), address)
        }
        for address in [
            "https://ex.com/avatar.jpg", "https://notgravatar.com/avatar/1", "https://gravatar.com.ex.com/a",
            "/gravatar.com/a.jpg", "https://ex.com/?u=//avatars.ex.com/a",
            "https://ex.com/avatars/poster.jpg",
            "gravatar.com/avatar/1", "",
        ] {
            XCTAssertFalse(AvatarAddress.matches(address), address)
        }
    }
}
