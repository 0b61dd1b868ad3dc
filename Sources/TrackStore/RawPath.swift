import Foundation

/// A file's path as the file system holds it: bytes, not text. Almost every name is UTF-8, and its
/// `display` form is then exactly the path; in a name that is not (Latin-1 from an old Windows or
/// Samba share), each byte outside a valid UTF-8 sequence is shown as `\xE9`, so the display form
/// stays readable while the bytes themselves are what every file access uses.
public struct RawPath: Hashable, Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    public var isUTF8: Bool {
        Self.text(bytes) != nil
    }

    public var display: String {
        if let text = Self.text(bytes) { return text }
        var shown = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(leading: bytes[index])
            if length > 0, index + length <= bytes.count,
               let character = Self.text(bytes[index..<index + length]) {
                shown += character
                index += length
            } else {
                shown += String(format: "\\x%02X", bytes[index])
                index += 1
            }
        }
        return shown
    }

    /// The bytes for a C call (`stat`, `open`), NUL-terminated.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Size in bytes of the file there, nil when it cannot be stat'ed.
    public func fileSize() -> Int64? {
        var status = stat()
        guard withCString({ stat($0, &status) }) == 0 else { return nil }
        return Int64(status.st_size)
    }

    /// The path with its last component dropped (`/a/b.mp3` → `/a`).
    public var folder: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(".") }
        return RawPath(bytes: slash == 0 ? [UInt8(ascii: "/")] : Array(bytes[..<slash]))
    }

    /// Runs `body` with a String path to the same file or folder, for APIs and child processes that take
    /// only text (FileManager, FFmpeg's arguments): the path itself when it is UTF-8, else the descriptor
    /// this process holds open on it, named through /proc (a child reaches it as its parent's). Nil when
    /// the path cannot be opened.
    public func withTextPath<Result>(_ body: (String?) async throws -> Result) async rethrows -> Result {
        if let text = Self.text(bytes) { return try await body(text) }
        let descriptor = withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return try await body(nil) }
        defer { close(descriptor) }
        return try await body("/proc/\(getpid())/fd/\(descriptor)")
    }

    /// The bytes as text if they are valid UTF-8 (`String(decoding:)` would repair them instead).
    private static func text(_ bytes: some Collection<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }

    private static func sequenceLength(leading byte: UInt8) -> Int {
        switch byte {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}
