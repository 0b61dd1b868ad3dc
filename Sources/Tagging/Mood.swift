/// One word for a track's mood, from emomusic's arousal and valence split at 5 (the middle of its
/// 1–9 rating scale, the annotators' neutral point, as the report splits them): the four quadrants of
/// Russell's circumplex, named as the mood classifiers of Essentia and AcousticBrainz name them.
enum Mood {
    static func word(arousal: Double, valence: Double) -> String {
        switch (arousal >= 5, valence >= 5) {
        case (true, true): return "Happy"
        case (true, false): return "Aggressive"
        case (false, true): return "Relaxed"
        case (false, false): return "Sad"
        }
    }
}
