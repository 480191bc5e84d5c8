/// Code in a line of prose (`<code>` outside a code block) between backticks, as Markdown
/// writes it: commands, paths and names read as prose ("then a simple vale sync to force it";
/// found by QA), and where one ended was lost ("mittels mkdir -p ~/.ssh angelegt"). The marks
/// are a fence longer than any run of backticks in the code, so that the code's own stay in it.
enum HTMLInlineCode {
    /// The mark written before and after inline code that holds no backtick.
    static let mark: UInt8 = 0x60

    /// How many backticks fence `code`: one more than its longest run of them.
    static func fenceLength(of code: ArraySlice<UInt8>) -> Int {
        var longest = 0
        var run = 0
        for byte in code {
            run = byte == mark ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest + 1
    }
}
