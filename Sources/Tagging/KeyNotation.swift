import TrackStore

/// Keys written the way ID3v2's TKEY defines them (and DJ tools read from INITIALKEY too): the tonic
/// letter, `#` or `b`, then `m` for minor (`C`, `F#`, `Ebm`).
enum KeyNotation {
    static func id3(_ key: KeyClass) -> String {
        KeyClass.tonicNames[key.pitchClass] + (key.scale == .minor ? "m" : "")
    }
}
