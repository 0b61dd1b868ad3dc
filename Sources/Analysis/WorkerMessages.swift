import Foundation
import TrackStore

/// The JSON-lines protocol spoken with the Python worker; `worker/PROTOCOL.md` is its description.
enum WorkerProtocol {
    static let version = 4
    /// Must equal the worker's SIGNAL_VERSION; stored as the signal group's provenance.
    static let signalVersion = 1
    /// Must equal the worker's EVIDENCE_VERSION; stored as the evidence group's provenance.
    static let evidenceVersion = 2
}

struct WorkerRequest: Encodable {
    var id: Int
    /// The readable form; the file itself when the name is UTF-8.
    var path: String
    /// The name's bytes, base64, when they are not UTF-8 (protocol 3): JSON text cannot carry them.
    var pathBase64: String?
    var groups: [String]

    init(id: Int, path: RawPath, groups: [String]) {
        self.id = id
        self.path = path.display
        pathBase64 = path.isUTF8 ? nil : Data(path.bytes).base64EncodedString()
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case id, path, groups
        case pathBase64 = "path_b64"
    }
}

/// The interim line a worker sends once it has read the file's header, before the real work.
struct WorkerStarted: Decodable {
    var id: Int
    var type: String
    /// Whole seconds from the header; 0 when the header does not say.
    var duration: Double
}

/// First line a worker prints: after its models loaded, or instead, a fatal error.
struct WorkerHello: Decodable {
    var type: String
    var error: String?
    var protocolVersion: Int?
    var signalVersion: Int?
    var evidenceVersion: Int?
    var tagsVersion: Int?
    var essentia: String?
    var groups: [String]?
    var loadSeconds: Double?
    /// Requests the process may hold at once (1 for a local worker; absent before protocol 2).
    var capacity: Int?
    /// Whether it runs the fast mode (`--fast`, protocol 4).
    var fast: Bool?
    /// Ray driver only: its actors, the cluster's live nodes, each actor's model load time.
    var actors: Int?
    var nodes: Int?
    var actorLoadSeconds: [Double]?

    enum CodingKeys: String, CodingKey {
        case type, error, essentia, groups, capacity, actors, nodes, fast
        case protocolVersion = "protocol"
        case signalVersion = "signal_version"
        case evidenceVersion = "evidence_version"
        case tagsVersion = "tags_version"
        case loadSeconds = "load_seconds"
        case actorLoadSeconds = "actor_load_seconds"
    }
}

/// What a process may send besides replies: messages with a `type` (Ray driver: `stats` at end of input).
/// Types this side does not know are skipped, so the protocol can grow interim messages.
struct WorkerNotice: Decodable {
    var type: String
    var error: String?
    var actorsStarted: Int?
    var peakResidentBytes: [Int]?

    enum CodingKeys: String, CodingKey {
        case type, error
        case actorsStarted = "actors_started"
        case peakResidentBytes = "peak_resident_bytes"
    }
}

struct WorkerReply: Decodable {
    var id: Int
    var ok: Bool
    var stage: String?
    var error: String?
    var audio: AudioInfo?
    var groups: GroupResults?
    var errors: [String: String]?
    var timings: [String: Double]?

    struct AudioInfo: Decodable {
        var duration: Double
        var sampleRate: Int
        var channels: Int
        var codec: String
        var artist: String?
        var title: String?
        var album: String?
        /// Analyzed from evenly spaced excerpts (a long track), not from the whole signal.
        var excerpts: Bool?

        enum CodingKeys: String, CodingKey {
            case duration, channels, codec, artist, title, album, excerpts
            case sampleRate = "sample_rate"
        }
    }

    struct GroupResults: Decodable {
        var signal: Signal?
        var evidence: Evidence?
        var tempocnn: TempoCNN?
        var effnet: Effnet?
        var musicnn: Musicnn?
        var tags: Tags?
    }

    struct Tags: Decodable {
        var trackNumber: Int?
        var discNumber: Int?
        var year: Int?
        var genre: String?
        var albumArtist: String?
        var bitrate: Int?
        var embeddedCover: Bool

        enum CodingKeys: String, CodingKey {
            case year, genre, bitrate
            case trackNumber = "track_number"
            case discNumber = "disc_number"
            case albumArtist = "album_artist"
            case embeddedCover = "embedded_cover"
        }
    }

    struct Signal: Decodable {
        var bpm: Double
        var bpmConfidence: Double
        var keys: [String: Key]
        var loudnessLufs: Double?
        var loudnessRangeLu: Double?

        struct Key: Decodable {
            var key: String
            var scale: String
            var strength: Double
        }

        enum CodingKeys: String, CodingKey {
            case bpm, keys
            case bpmConfidence = "bpm_confidence"
            case loudnessLufs = "loudness_lufs"
            case loudnessRangeLu = "loudness_range_lu"
        }
    }

    struct Evidence: Decodable {
        var danceability: Double
        var beatMedianBpm: Double
        /// The beat-interval histogram's two highest peaks, [bpm, weight] each.
        var beatPeaks: [[Double]]
        var tuningHz: Double
        var keys: [String: Signal.Key]

        enum CodingKeys: String, CodingKey {
            case danceability, keys
            case beatMedianBpm = "beat_median_bpm"
            case beatPeaks = "beat_peaks"
            case tuningHz = "tuning_hz"
        }
    }

    struct TempoCNN: Decodable {
        var bpm: Double
        var localAgreement: Double

        enum CodingKeys: String, CodingKey {
            case bpm
            case localAgreement = "local_agreement"
        }
    }

    struct Effnet: Decodable {
        var embedding: Base64Floats
        var styles: Base64Floats
        var voice: Double
        var danceability: Double
    }

    struct Musicnn: Decodable {
        var embedding: Base64Floats
        var valence: Double
        var arousal: Double
    }
}

/// A float32 little-endian vector sent as base64: a quarter of the size of a JSON number list.
struct Base64Floats: Decodable {
    var values: [Float]

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not base64 float32"))
        }
        values = data.withUnsafeBytes { raw in
            (0..<data.count / 4).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }
}
