import Foundation

/// Reads a password from the terminal without echoing it; from a pipe, reads its first line.
enum PasswordPrompt {
    static func ask(_ prompt: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) ?? "" }
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let password = readLine(strippingNewline: true) else { throw UserError("no password given") }
        return password
    }
}
