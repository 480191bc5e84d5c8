import Foundation
import XCTest

@testable import GazetteCore

final class StateLocationTests: XCTestCase {
    private let environment: EnvironmentVariables = [
        "HOME": "/home/reader",
        "XDG_STATE_HOME": "/xdg/state",
        "GAZETTE_STATE": "/env/state.sqlite",
    ]

    func testExplicitPathWins() {
        XCTAssertEqual(
            StateLocation.resolve(explicit: "/cli/state.sqlite", environment: environment),
            "/cli/state.sqlite")
    }

    /// A given path ending in `/` keeps it, so that opening it says it names a folder (a file
    /// named like the folder was made; found by QA).
    func testAGivenPathEndingInASlashKeepsIt() {
        XCTAssertEqual(StateLocation.resolve(explicit: "/cli/dir/", environment: environment), "/cli/dir/")
        var environment = environment
        environment["GAZETTE_STATE"] = "/env/dir//"
        XCTAssertEqual(StateLocation.resolve(explicit: nil, environment: environment), "/env/dir/")
        XCTAssertEqual(StateLocation.resolve(explicit: "/", environment: environment), "/")
    }

    /// A variable whose bytes are not UTF-8 is named when the path would come from it: the path
    /// was made with U+FFFD in their place, a file the user never named (found by QA).
    func testAVariableThatIsNotUTF8IsNamedWhenItWouldBeUsed() {
        let name = "GAZETTE_TEST_NOT_UTF8"
        let bytes: [CChar] = Array("/tmp/state".utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0]
        XCTAssertEqual(setenv(name, bytes, 1), 0)
        defer { unsetenv(name) }
        var variables = EnvironmentVariables.ofThisProcess([name, "PATH"])
        XCTAssertEqual(variables.namesNotUTF8, [name])
        XCTAssertEqual(variables[name], "/tmp/state\u{FFFD}")
        // The same variables under the names the state location reads.
        XCTAssertEqual(setenv("GAZETTE_STATE", bytes, 1), 0)
        defer { unsetenv("GAZETTE_STATE") }
        variables = EnvironmentVariables.ofThisProcess(["GAZETTE_STATE", "HOME"])
        XCTAssertEqual(StateLocation.variableNotUTF8(explicit: nil, environment: variables), "GAZETTE_STATE")
        XCTAssertNil(StateLocation.variableNotUTF8(explicit: "/given", environment: variables))
        XCTAssertNil(StateLocation.variableNotUTF8(explicit: nil, environment: environment))
    }

    func testEnvironmentVariableComesNext() {
        XCTAssertEqual(StateLocation.resolve(explicit: nil, environment: environment), "/env/state.sqlite")
        XCTAssertEqual(StateLocation.resolve(explicit: "", environment: environment), "/env/state.sqlite")
    }

    func testXDGStateHomeComesNext() {
        var environment = environment
        environment["GAZETTE_STATE"] = ""
        XCTAssertEqual(
            StateLocation.resolve(explicit: nil, environment: environment), "/xdg/state/gazette/state.sqlite")
    }

    func testHomeIsTheFallback() {
        XCTAssertEqual(
            StateLocation.resolve(explicit: nil, environment: ["HOME": "/home/reader"]),
            "/home/reader/.local/state/gazette/state.sqlite")
        XCTAssertEqual(
            StateLocation.resolve(
                explicit: nil, environment: ["HOME": "/home/reader", "XDG_STATE_HOME": ""]),
            "/home/reader/.local/state/gazette/state.sqlite")
    }

    func testRelativeXDGStateHomeIsIgnored() {
        XCTAssertEqual(
            StateLocation.resolve(explicit: nil, environment: ["HOME": "/h", "XDG_STATE_HOME": "rel/state"]),
            "/h/.local/state/gazette/state.sqlite")
    }

    func testTildeIsExpandedWithHome() {
        XCTAssertEqual(
            StateLocation.resolve(explicit: "~/s/state.sqlite", environment: environment),
            "/home/reader/s/state.sqlite")
        var environment = environment
        environment["GAZETTE_STATE"] = "~/from-env.sqlite"
        XCTAssertEqual(
            StateLocation.resolve(explicit: nil, environment: environment), "/home/reader/from-env.sqlite")
    }

    func testRelativePathsAreMadeAbsolute() {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(
            StateLocation.resolve(explicit: "state.sqlite", environment: environment),
            URL(fileURLWithPath: cwd).appendingPathComponent("state.sqlite").standardizedFileURL.path)
        XCTAssertEqual(
            StateLocation.resolve(explicit: "/a/./b/../state.sqlite", environment: environment),
            "/a/state.sqlite")
    }

    func testPathsAreNormalizedAsFoundationStandardizesThem() {
        for path in [
            "/a//b/", "/a/./b/../../..", "/../x", "/", "//", "/a/b/c/../../d", "/a/.../b", "/a/b/.",
            "/ä/ö/../ü", "/a/..b/c.", "/tmp/x/../y/./z.sqlite",
        ] {
            XCTAssertEqual(
                StateLocation.normalized(path), URL(fileURLWithPath: path).standardizedFileURL.path,
                path)
        }
    }

    func testFolderOfAPathIsWhatFoundationWouldDelete() {
        for path in ["/a/b/state.sqlite", "/state.sqlite", "/a/b", "/ä/ö.sqlite"] {
            XCTAssertEqual(
                StateLocation.folder(of: path), URL(fileURLWithPath: path).deletingLastPathComponent().path,
                path)
        }
    }
}
