import Foundation
import XCTest

@testable import GazetteCore

final class EnvironmentVariablesTests: XCTestCase {
    func testLookUpSetAndRemove() {
        var variables: EnvironmentVariables = ["HOME": "/h", "TERM": "xterm"]
        XCTAssertEqual(variables["HOME"], "/h")
        XCTAssertEqual(variables["TERM"], "xterm")
        XCTAssertNil(variables["NO_COLOR"])
        variables["TERM"] = "screen"
        variables["NO_COLOR"] = ""
        XCTAssertEqual(variables["TERM"], "screen")
        XCTAssertEqual(variables["NO_COLOR"], "")
        variables["HOME"] = nil
        XCTAssertNil(variables["HOME"])
        XCTAssertEqual(variables, ["TERM": "screen", "NO_COLOR": ""])
    }

    func testFromADictionary() {
        let variables = EnvironmentVariables(["A": "1", "B": "2"])
        XCTAssertEqual(variables["A"], "1")
        XCTAssertEqual(variables["B"], "2")
        XCTAssertNil(variables["C"])
    }

    func testThisProcessesVariablesAreReadByName() {
        setenv("GAZETTE_TEST_SET", "värde", 1)
        setenv("GAZETTE_TEST_EMPTY", "", 1)
        unsetenv("GAZETTE_TEST_UNSET")
        defer {
            unsetenv("GAZETTE_TEST_SET")
            unsetenv("GAZETTE_TEST_EMPTY")
        }
        let variables = EnvironmentVariables.ofThisProcess([
            "GAZETTE_TEST_SET", "GAZETTE_TEST_EMPTY", "GAZETTE_TEST_UNSET",
        ])
        XCTAssertEqual(variables["GAZETTE_TEST_SET"], "värde")
        XCTAssertEqual(variables["GAZETTE_TEST_EMPTY"], "")
        XCTAssertNil(variables["GAZETTE_TEST_UNSET"])
        XCTAssertNil(variables["PATH"], "only the names asked for are read")
    }
}
