"""Group `signal`: tempo, key with three profiles and EBU R128 loudness, no neural model."""
import essentia.standard as es
import numpy as np

from .keys import KeyProfiles, SpectralPeaks, spectral_peaks

KEY_PROFILES = ("temperley", "krumhansl", "edma")
# EBU R128's absolute gate: with no block above it, integrated loudness is undefined (digital silence).
ABSOLUTE_GATE_LUFS = -70.0
# Peak below -100 dBFS: nothing a beat tracker should be asked about.
SILENCE_PEAK = 1e-5


class SignalAnalysis:
    def __init__(self):
        self._rhythm = Rhythm()
        self._peaks = SpectralPeaks()
        self._keys = KeyProfiles(KEY_PROFILES)

    def __call__(self, audio, timings):
        bpm, confidence, _intervals = self._rhythm(audio, timings)
        peaks = timed(timings, "key", lambda: spectral_peaks(audio, self._peaks))
        keys = key_records(timed(timings, "key", lambda: self._keys(peaks)))
        integrated, loudness_range = timed(timings, "loudness", lambda: _loudness(audio))
        return {"bpm": float(bpm), "bpm_confidence": float(confidence), "keys": keys,
                "loudness_lufs": integrated, "loudness_range_lu": loudness_range}


class Rhythm:
    """RhythmExtractor2013 (multifeature) on mono 44.1 kHz, run at most once per track for every group."""

    def __init__(self):
        self._extractor = es.RhythmExtractor2013(method="multifeature")

    def __call__(self, audio, timings):
        """(bpm, confidence, beat intervals in seconds); zeros and no intervals for digital silence."""
        mono = timed(timings, "resample44k", lambda: audio.mono(44100))
        if is_silent(mono):
            return 0.0, 0.0, np.zeros(0, dtype=np.float32)
        bpm, _ticks, confidence, _estimates, intervals = timed(
            timings, "rhythm", lambda: audio.derived("rhythm2013", lambda: self._extractor(mono)))
        return float(bpm), float(confidence), intervals


def is_silent(mono):
    return float(np.max(np.abs(mono))) < SILENCE_PEAK if len(mono) else True


def key_records(estimates):
    return {profile: {"key": key, "scale": scale, "strength": strength}
            for profile, (key, scale, strength) in estimates.items()}


def _loudness(audio):
    # A fresh instance per call: LoudnessEBUR128's sample rate is the file's own.
    _momentary, _short, integrated, loudness_range = es.LoudnessEBUR128(sampleRate=audio.sample_rate)(audio.stereo)
    if integrated <= ABSOLUTE_GATE_LUFS or not np.isfinite(integrated):
        return None, None
    return float(integrated), float(loudness_range)


def timed(timings, name, work):
    import time
    start = time.perf_counter()
    result = work()
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    return result
