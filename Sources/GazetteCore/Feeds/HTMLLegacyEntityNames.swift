/// The named references HTML5 reads without their ";" (`&copy 2024`, `AT&T &amp Co`,
/// `Caf&eacute`): the 106 names the WHATWG table lists both with and without it
/// (https://html.spec.whatwg.org/multipage/named-characters.html), HTML 4's Latin-1 names and
/// `AMP`, `COPY`, `GT`, `LT`, `QUOT`, `REG`. libxml2's HTML parser reads none of them without
/// the ";", and they showed as written (found by QA).
enum HTMLLegacyEntityNames {
    /// The length of the longest name.
    static let longestName = 6

    /// The longest name `name` starts with (its bytes after the "&"), as HTML5 matches one
    /// (`&notit` is `&not` and "it"): its length and code point, and whether libxml2 reads the
    /// name itself when a ";" follows it (an HTML 4 name: `&copy;`, not `&COPY;`); nil when none
    /// does.
    static func longestPrefix(of name: UnsafeBufferPointer<UInt8>)
        -> (length: Int, codePoint: UInt32, readWithSemicolon: Bool)?
    {
        let count = min(name.count, longestName)
        var key: UInt64 = 0
        for byte in name.prefix(count) { key = key << 8 | UInt64(byte) }
        for length in stride(from: count, to: 0, by: -1) {
            if let entry = entry(named: key >> UInt64(8 * (count - length))) {
                return (length, UInt32(entry & 0xFF), entry & 0x100 != 0)
            }
        }
        return nil
    }

    /// Whether `name` (without "&" and ";") is one of the names.
    static func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { $0.count <= longestName && longestPrefix(of: $0)?.length == $0.count }
    }

    /// The entry of the name packed in `key` (its bytes, first byte highest), by halves.
    private static func entry(named key: UInt64) -> UInt64? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let found = entries[middle] >> 16
            if found == key { return entries[middle] }
            if found < key { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// One entry per name, in order: the name's bytes packed (none is longer than 6) above 16
    /// bits, 0x100 for a name in HTML 4's table (``HTMLEntityTable``, which libxml2 reads
    /// with its ";"), and the code point (all of them Latin-1); the upper-case ones stand for
    /// what their lower-case HTML 4 names do. A constant, not a dictionary built at the first
    /// `&` of a feed's first story (``HTMLLegacyEntityNamesTests`` checks it against the names
    /// and that table).
    static let entries: [UInt64] = [
        0x4754_003E, 0x4C54_003C, 0x6774_013E, 0x6C74_013C,
        0x41_4D50_0026, 0x45_5448_01D0, 0x52_4547_00AE, 0x61_6D70_0126,
        0x64_6567_01B0, 0x65_7468_01F0, 0x6E_6F74_01AC, 0x72_6567_01AE,
        0x73_6879_01AD, 0x75_6D6C_01A8, 0x79_656E_01A5, 0x4175_6D6C_01C4,
        0x434F_5059_00A9, 0x4575_6D6C_01CB, 0x4975_6D6C_01CF, 0x4F75_6D6C_01D6,
        0x5155_4F54_0022, 0x5575_6D6C_01DC, 0x6175_6D6C_01E4, 0x6365_6E74_01A2,
        0x636F_7079_01A9, 0x6575_6D6C_01EB, 0x6975_6D6C_01EF, 0x6D61_6372_01AF,
        0x6E62_7370_01A0, 0x6F72_6466_01AA, 0x6F72_646D_01BA, 0x6F75_6D6C_01F6,
        0x7061_7261_01B6, 0x7175_6F74_0122, 0x7365_6374_01A7, 0x7375_7031_01B9,
        0x7375_7032_01B2, 0x7375_7033_01B3, 0x7575_6D6C_01FC, 0x7975_6D6C_01FF,
        0x41_456C_6967_01C6, 0x41_6369_7263_01C2, 0x41_7269_6E67_01C5, 0x45_6369_7263_01CA,
        0x49_6369_7263_01CE, 0x4F_6369_7263_01D4, 0x54_484F_524E_01DE, 0x55_6369_7263_01DB,
        0x61_6369_7263_01E2, 0x61_6375_7465_01B4, 0x61_656C_6967_01E6, 0x61_7269_6E67_01E5,
        0x63_6564_696C_01B8, 0x65_6369_7263_01EA, 0x69_6369_7263_01EE, 0x69_6578_636C_01A1,
        0x6C_6171_756F_01AB, 0x6D_6963_726F_01B5, 0x6F_6369_7263_01F4, 0x70_6F75_6E64_01A3,
        0x72_6171_756F_01BB, 0x73_7A6C_6967_01DF, 0x74_686F_726E_01FE, 0x74_696D_6573_01D7,
        0x75_6369_7263_01FB, 0x4161_6375_7465_01C1, 0x4167_7261_7665_01C0, 0x4174_696C_6465_01C3,
        0x4363_6564_696C_01C7, 0x4561_6375_7465_01C9, 0x4567_7261_7665_01C8, 0x4961_6375_7465_01CD,
        0x4967_7261_7665_01CC, 0x4E74_696C_6465_01D1, 0x4F61_6375_7465_01D3, 0x4F67_7261_7665_01D2,
        0x4F73_6C61_7368_01D8, 0x4F74_696C_6465_01D5, 0x5561_6375_7465_01DA, 0x5567_7261_7665_01D9,
        0x5961_6375_7465_01DD, 0x6161_6375_7465_01E1, 0x6167_7261_7665_01E0, 0x6174_696C_6465_01E3,
        0x6272_7662_6172_01A6, 0x6363_6564_696C_01E7, 0x6375_7272_656E_01A4, 0x6469_7669_6465_01F7,
        0x6561_6375_7465_01E9, 0x6567_7261_7665_01E8, 0x6672_6163_3132_01BD, 0x6672_6163_3134_01BC,
        0x6672_6163_3334_01BE, 0x6961_6375_7465_01ED, 0x6967_7261_7665_01EC, 0x6971_7565_7374_01BF,
        0x6D69_6464_6F74_01B7, 0x6E74_696C_6465_01F1, 0x6F61_6375_7465_01F3, 0x6F67_7261_7665_01F2,
        0x6F73_6C61_7368_01F8, 0x6F74_696C_6465_01F5, 0x706C_7573_6D6E_01B1, 0x7561_6375_7465_01FA,
        0x7567_7261_7665_01F9, 0x7961_6375_7465_01FD,
    ]

    /// The names, as the WHATWG table lists them (what ``entries`` holds).
    static let names = """
        AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT
        Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN
        Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar
        ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt
        iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc
        ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3
        szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml
        """
}
