/// Markup as sloppy generators write it, read as the HTML5 spec reads it where libxml2 reads it
/// otherwise: `</br>` is `<br>` (``HTMLBreakEndTag``), a CDATA section is its inner text and
/// another declaration (`<![if …]>`) a comment (``HTMLMarkupDeclaration``). Both rules look at
/// what follows each "<" of every body of a feed; one pass over the "<"s serves them both.
enum HTMLSloppyMarkup {
    /// `html` with its declarations read (``HTMLMarkupDeclaration/read(_:)``), then its `</br>`s
    /// (``HTMLBreakEndTag/asBreaks(_:)``); `html` itself when it holds neither.
    static func read(_ html: String) -> String {
        var declarations = HTMLMarkupDeclaration.Scanner()
        // A declaration read otherwise may make or break a `</br>` around it (`<<![endif]>/br>`):
        // then the breaks are read in the text it leaves. Rare.
        return HTMLBreakEndTag.asBreaks(html, unless: { declarations.declaration(at: $0, in: $1) != nil })
            ?? HTMLBreakEndTag.asBreaks(HTMLMarkupDeclaration.read(html))
    }

    /// Whether `html` holds a `</br>` or a declaration that ``read(_:)`` writes otherwise.
    static func mayHold(_ html: String) -> Bool {
        var source = html
        return source.withUTF8 { bytes in
            var declarations = HTMLMarkupDeclaration.Scanner()
            var index = 0
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
                if declarations.declaration(at: open, in: bytes) != nil
                    || HTMLBreakEndTag.end(ofTagAt: open, in: bytes) != nil
                {
                    return true
                }
                index = open + 1
            }
            return false
        }
    }
}
