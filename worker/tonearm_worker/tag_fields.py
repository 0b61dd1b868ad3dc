"""Where each of tonearm's fields goes in each tag format, and reading and writing those fields by
the file's own key, through mutagen.

tonearm names fields the Vorbis-comment way (`BPM`, `INITIALKEY`, `MOOD`, `GENRE`, `REPLAYGAIN_*`,
`TONEARM_*`); `TaggedFile.keys_for` turns them into the file's keys (`TBPM`, `TXXX:TONEARM_STYLE`,
`tmpo`, `----:com.apple.iTunes:initialkey`, …). Values are lists of strings; None is an absent field.
"""
import mutagen
from mutagen.flac import FLAC
from mutagen.id3 import ID3, ID3NoHeaderError, Frames, TXXX
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

FORMATS = {"mp3", "flac", "ogg-vorbis", "opus", "mp4"}
ID3_FRAMES = {"BPM": "TBPM", "INITIALKEY": "TKEY", "MOOD": "TMOO", "GENRE": "TCON"}
MP4_ATOMS = {"BPM": "tmpo", "GENRE": "\xa9gen", "INITIALKEY": "----:com.apple.iTunes:initialkey"}
ITUNES = "----:com.apple.iTunes:"
# Opus carries gain as R128_*_GAIN, Q7.8 dB relative to −23 LUFS (RFC 7845), not as REPLAYGAIN_*.
OPUS_GAINS = {"REPLAYGAIN_TRACK_GAIN": "R128_TRACK_GAIN", "REPLAYGAIN_ALBUM_GAIN": "R128_ALBUM_GAIN"}


class UnsupportedFormat(Exception):
    """A file tonearm does not write tags into (the reason is the message)."""


def open_tags(path):
    audio = mutagen.File(path)
    if isinstance(audio, MP3):
        return Id3File(path)
    if isinstance(audio, OggOpus):
        return VorbisFile(audio, "opus")
    if isinstance(audio, (FLAC, OggVorbis)):
        return VorbisFile(audio, "flac" if isinstance(audio, FLAC) else "ogg-vorbis")
    if isinstance(audio, MP4):
        return Mp4File(audio)
    kind = type(audio).__name__ if audio is not None else "not a tagged audio format mutagen knows"
    raise UnsupportedFormat(f"unsupported format ({kind}): tonearm tags MP3, FLAC, Ogg Vorbis, Opus and M4A")


class Id3File:
    kind = "mp3"

    def __init__(self, path):
        self.path = path
        try:
            self.tags = ID3(path)
            self.version = self.tags.version[1]
        except ID3NoHeaderError:
            self.tags, self.version = ID3(), 4
        self.kind = f"mp3-id3v2.{self.version}"

    @staticmethod
    def keys_for(name, values):
        return {ID3_FRAMES.get(name, f"TXXX:{name}"): values}

    def get(self, key):
        frames = self.tags.getall(key)
        return [str(text) for frame in frames for text in frame.text] if frames else None

    def set(self, key, values):
        self.tags.delall(key)
        if values is None:
            return
        if key.startswith("TXXX:"):
            self.tags.add(TXXX(encoding=3, desc=key[5:], text=values))
        else:
            self.tags.add(Frames[key](encoding=3, text=values))

    def save(self):
        # The file's own ID3 version is kept: a v2.3 file (what many Windows players read) stays v2.3.
        self.tags.save(self.path, v2_version=self.version, v23_sep="/")


class VorbisFile:
    def __init__(self, audio, kind):
        self.audio, self.kind = audio, kind
        if audio.tags is None:
            audio.add_tags()

    def keys_for(self, name, values):
        if self.kind == "opus" and name in OPUS_GAINS:
            return {OPUS_GAINS[name]: [str(round((float(values[0].split()[0]) - 5.0) * 256))]}
        if self.kind == "opus" and name.endswith("_PEAK") and name.startswith("REPLAYGAIN_"):
            return {}
        if name == "INITIALKEY":
            return {"INITIALKEY": values, "KEY": values}
        return {name: values}

    def get(self, key):
        return list(self.audio.tags[key]) if key in self.audio.tags else None

    def set(self, key, values):
        if values is None:
            if key in self.audio.tags:
                del self.audio.tags[key]
        else:
            self.audio.tags[key] = values

    def save(self):
        self.audio.save()


class Mp4File:
    kind = "mp4"

    def __init__(self, audio):
        self.audio = audio
        if audio.tags is None:
            audio.add_tags()

    @staticmethod
    def keys_for(name, values):
        if name.startswith("REPLAYGAIN_"):
            return {ITUNES + name.lower(): values}  # the lower-case names foobar2000 and rsgain write
        return {MP4_ATOMS.get(name, ITUNES + name): values}

    def get(self, key):
        if key not in self.audio.tags:
            return None
        values = self.audio.tags[key]
        if key.startswith("----:"):
            return [bytes(value).decode("utf-8", "replace") for value in values]
        return [str(value) for value in values]

    def set(self, key, values):
        if values is None:
            if key in self.audio.tags:
                del self.audio.tags[key]
        elif key == "tmpo":
            self.audio.tags[key] = [int(value) for value in values]
        elif key.startswith("----:"):
            self.audio.tags[key] = [MP4FreeForm(value.encode("utf-8")) for value in values]
        else:
            self.audio.tags[key] = values

    def save(self):
        self.audio.save()
