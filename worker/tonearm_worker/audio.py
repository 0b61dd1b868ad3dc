"""Decode once, then derive each rate and channel layout the analyses need."""
import os
from dataclasses import dataclass, field

import essentia.standard as es
import numpy as np

# Below this the embedding models give no frame (MusiCNN needs ~2.96 s, EffNet ~2.05 s).
MIN_SECONDS = 3.0
# The models' documented loading uses resampleQuality=4 (linear); rhythm and key get MonoLoader's default.
MODEL_RESAMPLE_QUALITY = 4
SIGNAL_RESAMPLE_QUALITY = 1


class DecodeError(Exception):
    pass


@dataclass
class DecodedAudio:
    stereo: np.ndarray          # (n, 2) float32 at the file's own rate; mono files duplicated
    sample_rate: int
    channels: int
    codec: str
    tags: dict
    _derived: dict = field(default_factory=dict)

    @property
    def duration(self):
        return len(self.stereo) / self.sample_rate

    def derived(self, key, compute):
        """`compute()`, run at most once per track whichever analyses ask for `key`."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def mono(self, rate):
        """Mono at `rate`, computed at most once per rate."""
        native = self.derived("mono", lambda: es.MonoMixer()(self.stereo, self.channels))
        if rate == self.sample_rate:
            return native
        quality = SIGNAL_RESAMPLE_QUALITY if rate == 44100 else MODEL_RESAMPLE_QUALITY
        return self.derived(("mono", rate), lambda: es.Resample(inputSampleRate=self.sample_rate,
                                                                outputSampleRate=rate, quality=quality)(native))


def decode(path):
    if not os.path.isfile(path):
        raise DecodeError("file not found")
    if os.path.getsize(path) == 0:
        raise DecodeError("empty file (0 bytes)")
    try:
        stereo, rate, channels, _md5, _bitrate, codec = es.AudioLoader(filename=path, computeMD5=False)()
    except RuntimeError as error:
        raise DecodeError("not decodable as audio: " + _first_line(error)) from None
    audio = DecodedAudio(stereo=stereo, sample_rate=int(rate), channels=int(channels), codec=str(codec),
                         tags=_tags(path))
    if len(stereo) == 0:
        raise DecodeError("no audio frames could be decoded")
    if audio.duration < MIN_SECONDS:
        raise DecodeError(f"too short: {audio.duration:.2f} s of audio decoded (at least {MIN_SECONDS:.0f} s needed)")
    return audio


def _tags(path):
    try:
        title, artist, album = es.MetadataReader(filename=path, failOnError=False)()[:3]
    except RuntimeError:
        return {}
    return {name: value for name, value in (("title", title), ("artist", artist), ("album", album)) if value}


def _first_line(error):
    """AudioLoader's message wraps FFmpeg's reason in configuration noise; keep the reason."""
    text = str(error).strip()
    if "error = " in text:
        return text.rsplit("error = ", 1)[1].splitlines()[0]
    return text.splitlines()[0] if text else type(error).__name__
