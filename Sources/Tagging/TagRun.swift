import CollectionScan
import Foundation
import TrackStore

/// `tonearm tag`: writes tonearm's descriptors into the analyzed files (or, with `undo`, puts back
/// what was there before), one file at a time through the tag helper. Without `write` it only reports
/// what would change. A file that cannot be touched gets one line and the run goes on.
public struct TagRun {
    public struct Options: Sendable {
        public var write: Bool
        public var genre: GenreSource?
        /// Only tracks under these folders or at these paths (all analyzed tracks when empty).
        public var paths: [String]

        public init(write: Bool, genre: GenreSource? = nil, paths: [String] = []) {
            self.write = write
            self.genre = genre
            self.paths = paths
        }
    }

    public struct Summary: Sendable, Equatable {
        public var changed = 0
        public var unchanged = 0
        public var skipped = 0
        public var failed = 0
    }

    /// The extensions of the formats the helper writes; anything else is skipped without opening it.
    static let writableExtensions: Set<String> = ["mp3", "flac", "ogg", "oga", "opus", "m4a", "mp4", "m4b"]

    let store: TrackStore
    let helper: TagHelper
    let options: Options
    let say: (String) -> Void
    private var summary = Summary()

    public init(store: TrackStore, python: String, options: Options, say: @escaping (String) -> Void) throws {
        self.store = store
        helper = try TagHelper(python: python)
        self.options = options
        self.say = say
        try store.settleTagWrites { path in (try? AudioFileFinder().file(at: path)).map { ($0.size, $0.mtime) } }
    }

    public mutating func tag() throws -> Summary {
        let items = try store.descriptors(states: [.analyzed], evidence: false).filter { selected($0.track) }
        let fields = TagFields(styleNames: try store.styleLabels(), genre: options.genre)
        var albums: [Album.Key: [TrackDescriptors]] = [:]
        for item in items { if let key = Album.key(of: item.track) { albums[key, default: []].append(item) } }
        var peaks: [Int64: Double] = [:]
        var albumGains: [Album.Key: Album] = [:]
        for item in items {
            guard let slot = checked(item.track) else { continue }
            if let key = Album.key(of: item.track), albumGains[key] == nil {
                for member in albums[key] ?? [] where peaks[member.track.id!] == nil {
                    peaks[member.track.id!] = try? peak(of: member.track)
                }
                albumGains[key] = Album(tracks: albums[key] ?? [], peaks: peaks)
            } else if peaks[item.track.id!] == nil {
                peaks[item.track.id!] = try? peak(of: item.track)
            }
            let wanted = fields.fields(for: item, peak: peaks[item.track.id!], album: Album.key(of: item.track).flatMap { albumGains[$0] })
            apply(["set": wanted], to: slot, kind: .tag)
        }
        return summary
    }

    public mutating func undo() throws -> Summary {
        let active = try store.activeTagWrites()
        for (trackId, writes) in active.sorted(by: { $0.key < $1.key }) {
            guard let track = try store.track(id: trackId), selected(track), let slot = checked(track) else { continue }
            // The oldest write's value of each field is what the file had before tonearm first wrote it.
            var restore: TagValues = [:]
            for write in writes.reversed() { restore.merge(write.oldValues) { _, older in older } }
            apply(["restore": restore.mapValues { $0.map { $0 as Any } ?? NSNull() }], to: slot, kind: .undo)
        }
        return summary
    }

    private func selected(_ track: Track) -> Bool {
        options.paths.isEmpty || options.paths.contains { track.path == $0 || track.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// The file's slot when it may be touched; otherwise its line is said and it counts as skipped.
    private mutating func checked(_ track: Track) -> FileSlot? {
        let slot = FileSlot(track: track)
        let ext = (track.path as NSString).pathExtension.lowercased()
        guard Self.writableExtensions.contains(ext) else {
            skip(track, Skip("unsupported format (.\(ext)): tonearm tags MP3, FLAC, Ogg Vorbis, Opus and M4A"))
            return nil
        }
        if case .failure(let reason) = slot.unchangedFile() {
            skip(track, reason)
            return nil
        }
        if options.write, let reason = slot.writable() {
            skip(track, reason)
            return nil
        }
        return slot
    }

    private func peak(of track: Track) throws -> Double? {
        let reply = try helper.request(["op": "peak", "path": track.path])
        return reply["peak"] as? Double
    }

    private mutating func apply(_ change: [String: Any], to slot: FileSlot, kind: TagWrite.Kind) {
        let track = slot.track
        do {
            var request = change
            request["op"] = options.write ? "write" : "plan"
            request["path"] = track.path
            let reply = try helper.request(request)
            guard reply["ok"] as? Bool == true else {
                let error = reply["error"] as? String ?? "the tag helper failed"
                if reply["skip"] as? Bool == true { skip(track, Skip(error)) } else { fail(track, error) }
                return
            }
            let old = Self.values(reply["old"]), new = Self.values(reply["new"])
            guard !new.isEmpty else {
                summary.unchanged += 1
                if kind == .undo && options.write { try retire(slot) }
                return
            }
            guard options.write, let temporary = reply["temporary"] as? String else {
                summary.changed += 1
                say("would \(kind == .undo ? "restore" : "tag") \(track.path) (\(reply["format"] as? String ?? "?")):")
                for key in new.keys.sorted() {
                    say("  \(key): \(Self.shown(old[key] ?? nil)) → \(Self.shown(new[key] ?? nil))")
                }
                return
            }
            // The file must still be the one checked before the helper copied it.
            try slot.replace(with: temporary, write: TagWrite(
                trackId: track.id!, kind: kind, oldSize: track.size, oldMtime: track.mtime, newSize: 0, newMtime: 0,
                oldValues: old, newValues: new), in: store)
            summary.changed += 1
            say("\(kind == .undo ? "restored" : "tagged") \(track.path): \(new.count) field\(new.count == 1 ? "" : "s")")
        } catch {
            fail(track, "\(error)")
        }
    }

    /// An undo with nothing left to restore still retires the writes it covers.
    private func retire(_ slot: FileSlot) throws {
        let now = try AudioFileFinder().file(at: slot.track.rawPath)
        let id = try store.prepare(TagWrite(trackId: slot.track.id!, kind: .undo, oldSize: now.size, oldMtime: now.mtime,
                                            newSize: now.size, newMtime: now.mtime, oldValues: [:], newValues: [:]))
        try store.completeTagWrite(id: id)
    }

    private mutating func skip(_ track: Track, _ reason: Skip) {
        summary.skipped += 1
        say("skipped \(track.path): \(reason.reason)")
    }

    private mutating func fail(_ track: Track, _ error: String) {
        summary.failed += 1
        say("failed \(track.path): \(error)")
    }

    private static func values(_ json: Any?) -> TagValues {
        guard let object = json as? [String: Any] else { return [:] }
        return object.mapValues { $0 as? [String] }
    }

    private static func shown(_ values: [String]?) -> String {
        values.map { $0.joined(separator: "; ") } ?? "(none)"
    }
}
