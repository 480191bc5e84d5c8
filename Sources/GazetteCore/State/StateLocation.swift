import Foundation

/// Where the reading-state file lives.
///
/// Precedence: `--state PATH`, then `GAZETTE_STATE`, then
/// `$XDG_STATE_HOME/gazette/state.sqlite`, then `$HOME/.local/state/gazette/state.sqlite`.
public enum StateLocation {
    /// The absolute path of the state file.
    ///
    /// Empty values are ignored. A leading `~` is expanded with `HOME`, and relative paths
    /// are taken from the current directory. A relative `XDG_STATE_HOME` is ignored, as the
    /// XDG base directory specification asks.
    /// A path given ending in `/` keeps it, so that opening it says it names a folder.
    public static func resolve(explicit: String?, environment: EnvironmentVariables) -> String {
        let home = nonEmpty(environment["HOME"]) ?? FileManager.default.homeDirectoryForCurrentUser.path
        if let given = nonEmpty(explicit) ?? nonEmpty(environment["GAZETTE_STATE"]) {
            let path = absolute(given, home: home)
            return given.hasSuffix("/") && path != "/" ? path + "/" : path
        }
        if let stateHome = nonEmpty(environment["XDG_STATE_HOME"]), stateHome.hasPrefix("/") {
            return absolute(stateHome + "/gazette/state.sqlite", home: home)
        }
        return absolute(home + "/.local/state/gazette/state.sqlite", home: home)
    }

    /// The variable that ``resolve(explicit:environment:)`` takes the path from, or expands a
    /// `~` with, when its value is not UTF-8: the path would not be the one the user named.
    public static func variableNotUTF8(explicit: String?, environment: EnvironmentVariables) -> String? {
        let bad = environment.namesNotUTF8
        guard !bad.isEmpty else { return nil }
        func check(_ name: String) -> String? { bad.contains(name) ? name : nil }
        if let given = nonEmpty(explicit) {
            return given.hasPrefix("~") ? check("HOME") : nil
        }
        if let variable = nonEmpty(environment["GAZETTE_STATE"]) {
            return check("GAZETTE_STATE") ?? (variable.hasPrefix("~") ? check("HOME") : nil)
        }
        if let stateHome = nonEmpty(environment["XDG_STATE_HOME"]), stateHome.hasPrefix("/") {
            return check("XDG_STATE_HOME")
        }
        return check("HOME")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func absolute(_ path: String, home: String) -> String {
        var expanded = path
        if path == "~" {
            expanded = home
        } else if path.hasPrefix("~/") {
            expanded = home + path.dropFirst(1)
        } else if path.hasPrefix("~") {
            expanded = NSString(string: path).expandingTildeInPath
        }
        return absolute(expanded)
    }

    /// `path` made absolute from the current folder, then ``normalized(_:)``.
    static func absolute(_ path: String) -> String {
        normalized(path.hasPrefix("/") ? path : currentFolder() + "/" + path)
    }

    /// The current folder (`getcwd`: Foundation's `FileManager.default` costs its set-up on the
    /// first screen's path).
    private static func currentFolder() -> String {
        var size = Int(PATH_MAX) + 1
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            if getcwd(&buffer, size) != nil {
                return String(
                    decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            guard errno == ERANGE else { return FileManager.default.currentDirectoryPath }
            size *= 2
        }
    }

    /// The file the absolute `path` names once the symbolic links it ends in are followed
    /// (as far as they go: a link to nothing yet gives the path it would create).
    static func followingLinks(_ path: String) -> String {
        var path = path
        // As many links as the kernel follows before it gives up (ELOOP).
        for _ in 0..<40 {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &target, target.count - 1)
            guard length > 0 else { return path }
            let text = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = normalized(text.hasPrefix("/") ? text : folder(of: path) + "/" + text)
        }
        return path
    }

    /// The folder holding the file at the normalized absolute `path`.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            return "/"
        }
        return String(path[..<slash])
    }

    /// `path` (absolute) without empty, `.` and `..` components, `..` taken lexically as
    /// Foundation's `standardizedFileURL` takes it; symbolic links are not followed. As there
    /// too, a path under `/private` or `/var/automount` loses that prefix when what is left
    /// names something that exists (`/private/tmp/x` is `/tmp/x` once `/tmp/x` exists).
    static func normalized(_ path: String) -> String {
        let lexical = lexicallyNormalized(path)
        for prefix in ["/private", "/var/automount"] where lexical.hasPrefix(prefix + "/") {
            let rest = String(lexical.dropFirst(prefix.count))
            if access(rest, F_OK) == 0 { return rest }
        }
        return lexical
    }

    private static func lexicallyNormalized(_ path: String) -> String {
        // Split by hand: the standard library's `split` costs a run-time type lookup on the
        // first screen's path.
        var components: [Substring] = []
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "/") {
                if start < index {
                    let component = path[start..<index]
                    switch component {
                    case ".": break
                    case "..": _ = components.popLast()
                    default: components.append(component)
                    }
                }
                if atEnd { break }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        var result = ""
        for component in components {
            result += "/"
            result += String(component)
        }
        return result.isEmpty ? "/" : result
    }
}
