import Foundation

/// Downloads model files from the Essentia model site into one folder, keeping only files whose digest is
/// accepted: each arrives as a hidden partial file beside its final name and is renamed into place once verified.
public struct ModelFetcher: Sendable {
    public static let officialSite = URL(string: "https://essentia.upf.edu/models")!

    public var site: URL
    public var destination: URL

    public init(site: URL = officialSite, destination: URL) {
        self.site = site
        self.destination = destination
    }

    /// `--base-url`, else `TONEARM_MODELS_URL`, else the official site.
    public static func site(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        guard let text = flag ?? environment["TONEARM_MODELS_URL"] else { return officialSite }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()) else {
            throw InvalidModelSite(text: text)
        }
        return url
    }

    /// Both files of every role, one at a time so the lines come out in order; a failure stops only its own file.
    public func fetch(_ roles: [ModelRole]) async -> [FileFetch] {
        var results: [FileFetch] = []
        for file in roles.flatMap(\.spec.files) {
            results.append(FileFetch(file: file, outcome: await fetch(file)))
        }
        return results
    }

    private func fetch(_ file: ModelFile) async -> FileFetch.Outcome {
        let target = destination.appendingPathComponent(file.name)
        if let digest = try? FileDigest.sha256(of: target), file.accepts(sha256: digest) {
            return .alreadyPresent
        }
        let partial = destination.appendingPathComponent(".\(file.name).\(UUID().uuidString.prefix(8)).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        do {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            let digest = try await FileDownload.run(from: site.appendingPathComponent(file.sitePath), to: partial)
            guard file.accepts(sha256: digest) else { return .failed("sha256 \(digest) is not the official digest") }
            // rename(2) replaces any unverified file of that name in one step, so readers never see a half file.
            guard rename(partial.path, target.path) == 0 else {
                return .failed("cannot move into \(target.path): \(String(cString: strerror(errno)))")
            }
            return .downloaded(sha256: digest)
        } catch {
            return .failed("\(error)")
        }
    }
}

public struct InvalidModelSite: Error, CustomStringConvertible {
    public var text: String
    public var description: String { "the model site must be an http or https URL, not \"\(text)\"" }
}
