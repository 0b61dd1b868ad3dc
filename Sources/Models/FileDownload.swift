import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

enum DownloadError: Error, CustomStringConvertible {
    case httpStatus(Int, URL)
    case transport(String, URL)

    var description: String {
        switch self {
        case let .httpStatus(code, url): return "HTTP \(code) from \(url.absoluteString)"
        case let .transport(reason, url): return "\(reason) (\(url.absoluteString))"
        }
    }
}

/// Streams one URL into a file, hashing the bytes as they arrive so the file is never read back.
///
/// A delegate rather than the async `URLSession` API: corelibs Foundation has no `bytes(from:)`, and its
/// `download(from:)` writes to the system temp folder, which may be another file system than the destination.
final class FileDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: after `run` hands the task over, only the session's serial delegate queue touches these.
    private let url: URL
    private let output: FileHandle
    private var hasher = SHA256()
    private var statusCode: Int?
    private var writeError: Error?
    private var continuation: CheckedContinuation<String, Error>?

    private init(url: URL, output: FileHandle) {
        self.url = url
        self.output = output
    }

    /// Writes the body of `url` into `file` (created or emptied) and returns its hex SHA-256.
    static func run(from url: URL, to file: URL) async throws -> String {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file.path])
        }
        let download = FileDownload(url: url, output: try FileHandle(forWritingTo: file))
        defer { try? download.output.close() }
        return try await withCheckedThrowingContinuation { continuation in
            download.continuation = continuation
            let session = URLSession(configuration: .ephemeral, delegate: download, delegateQueue: nil)
            session.dataTask(with: url).resume()
            session.finishTasksAndInvalidate()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        statusCode = (response as? HTTPURLResponse)?.statusCode
        completionHandler(statusCode == 200 ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard writeError == nil else { return }
        do {
            try output.write(contentsOf: data)
            hasher.update(data: data)
        } catch {
            writeError = error
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let result: Result<String, Error>
        if let writeError {
            result = .failure(writeError)
        } else if let statusCode, statusCode != 200 {
            result = .failure(DownloadError.httpStatus(statusCode, url))
        } else if let error {
            result = .failure(DownloadError.transport(error.localizedDescription, url))
        } else {
            result = .success(hasher.finalize().hex)
        }
        continuation?.resume(with: result)
        continuation = nil
    }
}
