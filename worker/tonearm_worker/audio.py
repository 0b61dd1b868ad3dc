"""Decode once, then derive each rate and channel layout the analyses need."""
import json
import os
import subprocess
from dataclasses import dataclass, field

import essentia.standard as es
import numpy as np

# Below this the embedding models give no frame (MusiCNN needs ~2.96 s, EffNet ~2.05 s).
MIN_SECONDS = 3.0
# The models' documented loading uses resampleQuality=4 (linear); rhythm and key get MonoLoader's default.
MODEL_RESAMPLE_QUALITY = 4
SIGNAL_RESAMPLE_QUALITY = 1
# Decoding a whole file holds about 65 MB per minute of audio (stereo float32 and mono at three rates).
# A track longer than this (DJ mixes, concerts, audiobooks) is analyzed from EXCERPTS evenly spaced
# excerpts of EXCERPT_SECONDS, decoded by seeking, so a worker's memory is bounded whatever the duration.
LONG_TRACK_SECONDS = 15 * 60
EXCERPTS = 6
EXCERPT_SECONDS = 30


class DecodeError(Exception):
    pass


@dataclass
class DecodedAudio:
    stereo: np.ndarray          # (n, 2) float32 at the file's own rate; mono files duplicated
    sample_rate: int
    channels: int
    codec: str
    tags: dict
    # The whole track's duration when `stereo` holds only excerpts of it, else None.
    excerpted_from: float = None
    _derived: dict = field(default_factory=dict)

    @property
    def duration(self):
        return self.excerpted_from or len(self.stereo) / self.sample_rate

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


@dataclass
class Probe:
    """What a file's header says, read without decoding: tags and whole seconds of duration (0: unknown),
    and MetadataReader's fields as read (None when unreadable), so the `tags` group needs no second read."""
    tags: dict
    duration: int
    header: tuple = None


def probe(path):
    try:
        fields = es.MetadataReader(filename=path, failOnError=False)()
    except RuntimeError:
        return Probe(tags={}, duration=0)
    title, artist, album = fields[:3]
    tags = {name: value for name, value in (("title", title), ("artist", artist), ("album", album)) if value}
    return Probe(tags=tags, duration=int(fields[8]), header=fields)


def decode(path, probed):
    if not os.path.isfile(path):
        raise DecodeError("file not found")
    if os.path.getsize(path) == 0:
        raise DecodeError("empty file (0 bytes)")
    if probed.duration > LONG_TRACK_SECONDS:
        audio = _decode_excerpts(path, probed)
    else:
        try:
            stereo, rate, channels, _md5, _bitrate, codec = es.AudioLoader(filename=path, computeMD5=False)()
        except RuntimeError as error:
            raise DecodeError("not decodable as audio: " + _first_line(error)) from None
        audio = DecodedAudio(stereo=stereo, sample_rate=int(rate), channels=int(channels), codec=str(codec),
                             tags=probed.tags)
    if len(audio.stereo) == 0:
        raise DecodeError("no audio frames could be decoded")
    if audio.duration < MIN_SECONDS:
        raise DecodeError(f"too short: {audio.duration:.2f} s of audio decoded (at least {MIN_SECONDS:.0f} s needed)")
    return audio


def _decode_excerpts(path, probed):
    """The excerpts back to back, at the file's own rate in stereo (mono duplicated, as AudioLoader does)."""
    stream = _ffprobe(path)
    duration, rate = float(stream["duration"]), int(stream["sample_rate"])
    parts = []
    for index in range(EXCERPTS):
        start = max(0.0, duration * (index + 0.5) / EXCERPTS - EXCERPT_SECONDS / 2)
        parts.append(_run(["ffmpeg", "-nostdin", "-v", "error", "-ss", f"{start:.3f}", "-t", str(EXCERPT_SECONDS),
                           "-i", "file:" + path, "-map", "0:a:0", "-ac", "2", "-ar", str(rate),
                           "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"]))
    stereo = np.frombuffer(b"".join(parts), dtype=np.float32).reshape(-1, 2)
    return DecodedAudio(stereo=stereo, sample_rate=rate, channels=int(stream["channels"]),
                        codec=stream["codec_name"], tags=probed.tags, excerpted_from=duration)


def _ffprobe(path):
    text = _run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                 "stream=codec_name,sample_rate,channels:format=duration", "-of", "json", "file:" + path])
    info = json.loads(text)
    if not info.get("streams"):
        raise DecodeError("not decodable as audio: no audio stream")
    return {**info["streams"][0], "duration": info["format"]["duration"]}


def _run(command):
    try:
        return subprocess.run(command, capture_output=True, check=True).stdout
    except FileNotFoundError:
        raise DecodeError(f"{command[0]} is needed for tracks over {LONG_TRACK_SECONDS // 60} min (run scripts/setup)") from None
    except subprocess.CalledProcessError as error:
        reason = error.stderr.decode(errors="replace").strip().splitlines()
        raise DecodeError("not decodable as audio: " + (reason[0] if reason else f"{command[0]} failed")) from None


def _first_line(error):
    """AudioLoader's message wraps FFmpeg's reason in configuration noise; keep the reason."""
    text = str(error).strip()
    if "error = " in text:
        return text.rsplit("error = ", 1)[1].splitlines()[0]
    return text.splitlines()[0] if text else type(error).__name__
