import ArgumentParser
import Foundation
import GazetteCore

/// `gazette [PATH ...]`: the reader on a terminal, the headline list otherwise.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Read the PATHs in the split-screen reader (the default command).")

    @OptionGroup var files: PathOptions

    func run() throws {
        let catalog = try files.openCatalog()
        try HeadlineListing(catalog: catalog).write(json: false)
    }
}
