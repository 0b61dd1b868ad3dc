import Foundation

/// What a `Range` request header asks of a file of known size (RFC 9110 §14), single ranges only.
public enum ByteRange: Equatable {
    /// No usable header: answer 200 with the whole file. Syntax errors and multi-range requests
    /// land here too, which the RFC allows (a server may ignore Range).
    case whole
    case partial(ClosedRange<Int>)
    /// Answer 416 with `Content-Range: bytes */size`.
    case unsatisfiable

    public init(header: String?, size: Int) {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { self = .whole; return }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { self = .whole; return }
        switch (Int(bounds[0]), Int(bounds[1]), bounds[0].isEmpty, bounds[1].isEmpty) {
        case let (first?, last?, _, _) where first <= last && first >= 0:
            self = first < size ? .partial(first...min(last, size - 1)) : .unsatisfiable
        case let (first?, nil, _, true) where first >= 0:
            self = first < size ? .partial(first...(size - 1)) : .unsatisfiable
        case let (nil, suffix?, true, _) where suffix >= 0:
            // "bytes=-500": the last 500 bytes.
            self = suffix > 0 && size > 0 ? .partial(max(size - suffix, 0)...(size - 1)) : .unsatisfiable
        default:
            self = .whole
        }
    }
}
