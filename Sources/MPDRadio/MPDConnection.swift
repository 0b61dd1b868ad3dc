import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One connection to MPD over its text protocol (https://mpd.readthedocs.io/en/latest/protocol.html):
/// a command per line, answered by `key: value` lines and `OK`, or one `ACK` line on failure.
public final class MPDConnection {
    private let socket: Int32
    private var buffer = [UInt8]()

    /// Connects to an IPv4 address or host name and reads MPD's greeting.
    public init(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            throw MPDError("cannot resolve \(host)")
        }
        defer { freeaddrinfo(found) }
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw MPDError("cannot open a socket: \(String(cString: strerror(errno)))") }
        guard connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw MPDError("cannot connect to MPD at \(host):\(port): \(reason)")
        }
        let greeting = try readLine()
        guard greeting.hasPrefix("OK MPD ") else {
            close(socket)
            throw MPDError("\(host):\(port) is not MPD (it said \(greeting.prefix(60)))")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends one command and answers its `key: value` lines in order.
    @discardableResult
    public func command(_ line: String) throws -> [(key: String, value: String)] {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw MPDError("MPD closed the connection") }
            sent += count
        }
        var pairs: [(key: String, value: String)] = []
        while true {
            let reply = try readLine()
            if reply == "OK" { return pairs }
            if reply.hasPrefix("ACK ") { throw MPDError("MPD refused \(line.prefix(80)): \(reply.dropFirst(4))") }
            if let colon = reply.range(of: ": ") {
                pairs.append((String(reply[..<colon.lowerBound]), String(reply[colon.upperBound...])))
            }
        }
    }

    /// `command` for one value per key (status, currentsong).
    public func fields(_ line: String) throws -> [String: String] {
        Dictionary(try command(line).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// An argument in MPD's quoting: double quotes, with `"` and `\` escaped.
    public static func quoted(_ argument: String) -> String {
        "\"" + argument.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw MPDError("MPD closed the connection") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}

/// A problem with MPD, as one line.
public struct MPDError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
