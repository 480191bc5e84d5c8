import ArgumentParser
import Foundation
import GazetteCore
import GazetteTUI

/// `gazette [PATH ...]`: the reader on a terminal, the headline list otherwise.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Read the PATHs in the split-screen reader (the default command).")

    @OptionGroup var files: PathOptions
    @OptionGroup var state: StateOptions

    func run() throws {
        let catalog = try files.openCatalog()
        guard StandardOutput.isTerminal else {
            let tracker = try state.tracker(for: catalog, writing: false)
            try HeadlineListing(catalog: catalog, tracker: tracker).write(json: false)
            return
        }
        let tracker = try state.tracker(for: catalog, writing: true)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure(error.message)
        }
        defer { terminal.shutdown() }
        let size = terminal.size
        let initial = catalog.sources.first.flatMap { tracker.lastSelected(inSource: $0.source.stateKey) }
        let reader = Reader(
            catalog: catalog, tracker: tracker, width: size.width, height: size.height, initial: initial)
        ReaderApp(reader: reader, terminal: terminal).run()
    }
}
