/// A problem the user can fix, printed as one `Error: …` line without usage text.
struct UserError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
