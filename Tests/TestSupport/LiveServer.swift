import Foundation

/// A `tonearm serve` process on a free loopback port, stopped (by its PID) when the test ends.
public final class LiveServer {
    public let port: Int
    private let process: Process

    public init(db: String) throws {
        port = try Self.freePort()
        process = try TonearmCLI.start(["serve", "--db", db, "--port", String(port)])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Polls until the server answers (startup loads the catalog first); gives up if it exits.
    private func waitUntilListening() throws {
        let url = URL(string: "http://127.0.0.1:\(port)/rest/getOpenSubsonicExtensions?f=json")!
        for _ in 0..<600 {
            guard process.isRunning else { throw CocoaError(.executableLoad) }
            if (try? Data(contentsOf: url)) != nil { return }
            usleep(100_000)
        }
        stop()
        throw CocoaError(.executableLoad)
    }

    /// Binds port 0 on loopback to learn a free port, then releases it for the server.
    public static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
