/// The media type browsers need to pick a decoder for an audio file, by its extension.
public enum AudioContentType {
    public static func forPath(_ path: String) -> String {
        let fileExtension = path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
        switch fileExtension {
        case "mp3": return "audio/mpeg"
        case "flac": return "audio/flac"
        case "wav": return "audio/wav"
        case "ogg", "oga", "opus": return "audio/ogg"
        case "m4a", "mp4", "aac", "alac": return "audio/mp4"
        case "aif", "aiff": return "audio/aiff"
        case "webm": return "audio/webm"
        case "wma": return "audio/x-ms-wma"
        default: return "application/octet-stream"
        }
    }
}
