/// A short digest of which tracks, at which analysis, a map covers: equal fingerprints mean the
/// cached map is still the collection's. FNV-1a, since it only has to tell sets apart, not resist forgery.
enum MapFingerprint {
    static func of(_ stamps: [Int64: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for id in stamps.keys.sorted() {
            for byte in "\(id):\(stamps[id]!);".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return "\(stamps.count)-" + String(hash, radix: 16)
    }
}
