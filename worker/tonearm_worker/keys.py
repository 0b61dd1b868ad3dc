"""KeyExtractor's computation for several key profiles from one spectral-peak pass.

KeyExtractor runs FrameCutter → Windowing → Spectrum → SpectralPeaks → SpectralWhitening → HPCP and
feeds the frames to the streaming Key, which averages them, gates, corrects detuning and correlates
with one profile. Only the HPCP settings and that last step depend on the profile, so the spectral
peaks are computed once per track (`spectral_peaks`, memoized on the decoded audio) and fed to one
HPCP per setting and one streaming Key per profile. `KeyProfiles()` with its defaults is KeyExtractor's
configuration (44.1 kHz mono input); bench/analyze checks the results are identical to KeyExtractor's.
"""
import essentia
import essentia.standard as es
import essentia.streaming as ess
import numpy as np

FRAME_SIZE = 4096
PCP_SIZE = 12
MIN_FREQUENCY, MAX_FREQUENCY = 25.0, 3500.0
SAMPLE_RATE = 44100


class SpectralPeaks:
    """Per frame: peak frequencies, their raw and their whitened magnitudes."""

    def __init__(self):
        self._window = es.Windowing(size=FRAME_SIZE, type="hann")
        self._spectrum = es.Spectrum()
        self._peaks = es.SpectralPeaks(orderBy="magnitude", magnitudeThreshold=1e-4, minFrequency=MIN_FREQUENCY,
                                       maxFrequency=MAX_FREQUENCY, maxPeaks=60, sampleRate=SAMPLE_RATE)
        self._whitening = es.SpectralWhitening(maxFrequency=MAX_FREQUENCY, sampleRate=SAMPLE_RATE)

    def __call__(self, mono):
        frames = []
        for frame in es.FrameGenerator(mono, frameSize=FRAME_SIZE, hopSize=FRAME_SIZE):
            spectrum = self._spectrum(self._window(frame))
            frequencies, magnitudes = self._peaks(spectrum)
            frames.append((frequencies, magnitudes, self._whitening(spectrum, frequencies, magnitudes)))
        return frames


def spectral_peaks(audio, extractor):
    """The track's key-analysis peaks, computed at most once whichever groups ask."""
    return audio.derived("key-peaks", lambda: extractor(audio.mono(SAMPLE_RATE)))


def tuning_frequency(peaks):
    """Essentia's TuningFrequency over every frame's peaks (a fresh instance: it accumulates), folded
    into ±50 cents of 440 Hz: it can answer +64 cents, which would name every pitch a semitone low."""
    estimator, frequency = es.TuningFrequency(), 440.0
    for frequencies, magnitudes, _whitened in peaks:
        frequency, _cents = estimator(frequencies, magnitudes)
    cents = 1200 * np.log2(frequency / 440.0) if frequency > 0 else 0.0
    return float(440.0 * 2 ** ((((cents + 50) % 100) - 50) / 1200))


class KeyProfiles:
    def __init__(self, profiles):
        self._profiles = profiles

    def __call__(self, peaks):
        """{profile: (key, scale, strength)} from `spectral_peaks`, on KeyExtractor's 12-bin HPCP at 440 Hz."""
        hpcp = es.HPCP(bandPreset=False, harmonics=4, maxFrequency=MAX_FREQUENCY, minFrequency=MIN_FREQUENCY,
                       nonLinear=False, normalized="none", referenceFrequency=440.0, sampleRate=SAMPLE_RATE,
                       size=PCP_SIZE, weightType="cosine", windowSize=1.0, maxShifted=False)
        frames = np.array([hpcp(frequencies, whitened) for frequencies, _raw, whitened in peaks], dtype=np.float32)
        # The streaming Key holds the averaging and post-processing KeyExtractor applies; reuse it as is.
        source, pool = ess.VectorInput(frames), essentia.Pool()
        for profile in self._profiles:
            key = ess.Key(usePolyphony=False, useThreeChords=False, numHarmonics=4, slope=0.6, profileType=profile,
                          pcpSize=PCP_SIZE, pcpThreshold=0.2, averageDetuningCorrection=True)
            source.data >> key.pcp
            key.key >> (pool, profile + ".key")
            key.scale >> (pool, profile + ".scale")
            key.strength >> (pool, profile + ".strength")
        essentia.run(source)
        return {p: (pool[p + ".key"], pool[p + ".scale"], float(pool[p + ".strength"])) for p in self._profiles}
