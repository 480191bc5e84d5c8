import ArgumentParser
import Foundation
import GazetteCore

/// The news files a command reads.
struct PathOptions: ParsableArguments {
    @Argument(help: "News files, directories, or - for standard input (default: the bundled sample).")
    var paths: [String] = []

    /// Opens the paths (or the sample), printing one warning per skipped file.
    func openCatalog() throws -> ArticleCatalog {
        try PathOptions.openCatalog(paths: paths)
    }

    /// Opens `paths` (the sample when empty) as a fully indexed catalog.
    static func openCatalog(paths: [String]) throws -> ArticleCatalog {
        ArticleCatalog.indexed(try openSources(paths: paths))
    }

    /// Opens `paths` (the sample when empty), each checked to hold an article, not yet indexed.
    static func openSources(paths: [String]) throws -> [OpenedSource] {
        var paths = paths
        if paths.isEmpty {
            guard let sample = BundledSample.path() else {
                throw CommandFailure("the bundled sample is missing; name a news file to open")
            }
            paths = [sample]
        }
        let result: SourceLoader.Result
        do {
            result = try SourceLoader.open(paths: paths)
        } catch {
            throw CommandFailure(error)
        }
        for warning in result.warnings {
            FileHandle.standardError.write(Data("gazette: \(warning)\n".utf8))
        }
        return result.sources
    }
}
