/// A test helper's own failure (a tool it runs exits non-zero, a server does not start), as one line.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
