"""Group `evidence`: cheap extra tempo and key estimates the Swift side decides the shown tempo and key from.

Reuses what the `signal` group derives from the same decode (mono 44.1 kHz, RhythmExtractor2013's
beat intervals, the key-analysis spectral peaks): run with `signal`, it adds no second pass over those;
run alone on an older store, it computes them once itself.
"""
import essentia.standard as es
import numpy as np

from .keys import KeyProfiles, SpectralPeaks, spectral_peaks, tuning_frequency
from .signal import Rhythm, is_silent, key_records, timed

# Profiles beside the signal group's three, on KeyExtractor's 12-bin HPCP at 440 Hz: the two best on
# real recordings. docs/tempo-and-key.md says what evidence version 2 dropped (Percival's estimator,
# the tuned 36-bin HPCP, three profiles) and why.
EXTRA_PROFILES = ("bgate", "shaath")


class EvidenceAnalysis:
    def __init__(self):
        self._rhythm = Rhythm()
        self._danceability = es.Danceability(sampleRate=44100)
        self._histogram = es.BpmHistogramDescriptors()
        self._peaks = SpectralPeaks()
        self._extra = KeyProfiles(EXTRA_PROFILES)

    def __call__(self, audio, timings):
        _bpm, _confidence, intervals = self._rhythm(audio, timings)
        mono = audio.mono(44100)
        result = timed(timings, "evidence", lambda: self._tempo(mono, intervals))
        peaks = timed(timings, "key", lambda: spectral_peaks(audio, self._peaks))
        result.update(timed(timings, "evidence", lambda: self._keys(peaks)))
        return result

    def _tempo(self, mono, intervals):
        if is_silent(mono):
            return {"danceability": 0.0, "beat_median_bpm": 0.0, "beat_peaks": [[0.0, 0.0], [0.0, 0.0]]}
        first, first_weight, _spread, second, second_weight, _spread2, _histogram = self._histogram(intervals) \
            if len(intervals) else (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None)
        median = float(np.median(intervals)) if len(intervals) else 0.0
        return {"danceability": float(self._danceability(mono)[0]),
                "beat_median_bpm": 60.0 / median if median > 0 else 0.0,
                "beat_peaks": [[float(first), float(first_weight)], [float(second), float(second_weight)]]}

    def _keys(self, peaks):
        return {"tuning_hz": tuning_frequency(peaks), "keys": key_records(self._extra(peaks))}
