"""Group `signal`: tempo, key with three profiles and EBU R128 loudness, no neural model."""
import essentia.standard as es
import numpy as np

from .keys import KeyProfiles

KEY_PROFILES = ("temperley", "krumhansl", "edma")
# EBU R128's absolute gate: with no block above it, integrated loudness is undefined (digital silence).
ABSOLUTE_GATE_LUFS = -70.0
# Peak below -100 dBFS: nothing a beat tracker should be asked about.
SILENCE_PEAK = 1e-5


class SignalAnalysis:
    def __init__(self):
        self._rhythm = es.RhythmExtractor2013(method="multifeature")
        self._keys = KeyProfiles(KEY_PROFILES)

    def __call__(self, audio, timings):
        mono = timed(timings, "resample44k", lambda: audio.mono(44100))
        silent = float(np.max(np.abs(mono))) < SILENCE_PEAK if len(mono) else True
        if silent:
            bpm, confidence = 0.0, 0.0
        else:
            bpm, _ticks, confidence, _estimates, _intervals = timed(timings, "rhythm", lambda: self._rhythm(mono))
        keys = {profile: {"key": key, "scale": scale, "strength": strength}
                for profile, (key, scale, strength) in timed(timings, "key", lambda: self._keys(mono)).items()}
        integrated, loudness_range = timed(timings, "loudness", lambda: _loudness(audio))
        return {"bpm": float(bpm), "bpm_confidence": float(confidence), "keys": keys,
                "loudness_lufs": integrated, "loudness_range_lu": loudness_range}


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
