"""KeyExtractor's computation for several key profiles from one HPCP pass.

KeyExtractor runs FrameCutter → Windowing → Spectrum → SpectralPeaks → SpectralWhitening → HPCP and
feeds the frames to the streaming Key, which averages them, gates, corrects detuning and correlates
with one profile. Only that last step depends on the profile, so the frames are computed once and fed
to one streaming Key per profile. Configured with KeyExtractor's defaults (44.1 kHz mono input);
bench/analyze checks the results are identical to KeyExtractor's.
"""
import essentia
import essentia.standard as es
import essentia.streaming as ess
import numpy as np

FRAME_SIZE = 4096
MIN_FREQUENCY, MAX_FREQUENCY = 25.0, 3500.0
SAMPLE_RATE = 44100


class KeyProfiles:
    def __init__(self, profiles):
        self._profiles = profiles
        self._window = es.Windowing(size=FRAME_SIZE, type="hann")
        self._spectrum = es.Spectrum()
        self._peaks = es.SpectralPeaks(orderBy="magnitude", magnitudeThreshold=1e-4, minFrequency=MIN_FREQUENCY,
                                       maxFrequency=MAX_FREQUENCY, maxPeaks=60, sampleRate=SAMPLE_RATE)
        self._whitening = es.SpectralWhitening(maxFrequency=MAX_FREQUENCY, sampleRate=SAMPLE_RATE)
        self._hpcp = es.HPCP(bandPreset=False, harmonics=4, maxFrequency=MAX_FREQUENCY, minFrequency=MIN_FREQUENCY,
                             nonLinear=False, normalized="none", referenceFrequency=440, sampleRate=SAMPLE_RATE,
                             size=12, weightType="cosine", windowSize=1.0, maxShifted=False)

    def __call__(self, mono):
        """{profile: (key, scale, strength)} for mono audio at 44.1 kHz."""
        frames = np.array([self._frame_hpcp(frame) for frame in
                           es.FrameGenerator(mono, frameSize=FRAME_SIZE, hopSize=FRAME_SIZE)], dtype=np.float32)
        # The streaming Key holds the averaging and post-processing KeyExtractor applies; reuse it as is.
        source, pool = ess.VectorInput(frames), essentia.Pool()
        for profile in self._profiles:
            key = ess.Key(usePolyphony=False, useThreeChords=False, numHarmonics=4, slope=0.6, profileType=profile,
                          pcpSize=12, pcpThreshold=0.2, averageDetuningCorrection=True)
            source.data >> key.pcp
            key.key >> (pool, profile + ".key")
            key.scale >> (pool, profile + ".scale")
            key.strength >> (pool, profile + ".strength")
        essentia.run(source)
        return {p: (pool[p + ".key"], pool[p + ".scale"], float(pool[p + ".strength"])) for p in self._profiles}

    def _frame_hpcp(self, frame):
        spectrum = self._spectrum(self._window(frame))
        frequencies, magnitudes = self._peaks(spectrum)
        return self._hpcp(frequencies, self._whitening(spectrum, frequencies, magnitudes))
