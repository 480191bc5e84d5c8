/// The named references HTML5 reads without their ";" (`&copy 2024`, `AT&T &amp Co`,
/// `Caf&eacute`): the 106 names the WHATWG table lists both with and without it
/// (https://html.spec.whatwg.org/multipage/named-characters.html), HTML 4's Latin-1 names and
/// `AMP`, `COPY`, `GT`, `LT`, `QUOT`, `REG`. libxml2's HTML parser reads none of them without
/// the ";", and they showed as written (found by QA).
enum HTMLLegacyEntityNames {
    /// The length of the longest name.
    static let longestName = 6

    /// The longest name `name` starts with (its bytes after the "&"), as HTML5 matches one
    /// (`&notit` is `&not` and "it"): its length and code point; nil when none does.
    static func longestPrefix(of name: UnsafeBufferPointer<UInt8>) -> (length: Int, codePoint: UInt32)? {
        let count = min(name.count, longestName)
        var key: UInt64 = 0
        for byte in name.prefix(count) { key = key << 8 | UInt64(byte) }
        for length in stride(from: count, to: 0, by: -1) {
            if let codePoint = table[key >> UInt64(8 * (count - length))] { return (length, codePoint) }
        }
        return nil
    }

    /// Whether `name` (without "&" and ";") is one of the names.
    static func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { $0.count <= longestName && longestPrefix(of: $0)?.length == $0.count }
    }

    /// Code points by name, the name's bytes packed into an integer (none is longer than 6).
    private static let table: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        for name in names.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            // The upper-case ones stand for what their lower-case HTML 4 names do.
            guard
                let codePoint = HTMLEntityTable.codePoints[String(name)]
                    ?? HTMLEntityTable.codePoints[name.lowercased()]
            else { continue }
            table[name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }] = codePoint
        }
        return table
    }()

    private static let names = """
        AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT
        Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN
        Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar
        ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt
        iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc
        ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3
        szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml
        """
}
