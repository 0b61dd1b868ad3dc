"""The `tags` group: what players show beside title/artist/album, read without decoding the audio."""
import os
import re
import subprocess

import essentia.standard as es

TAGS_VERSION = 1


def read_tags(path, header=None):
    """Track and disc number, year, genre, album artist, bitrate (kb/s) and whether a picture is embedded.
    `header`: MetadataReader's fields when the caller already read them (audio.probe)."""
    if not os.path.isfile(path):
        raise FileNotFoundError("file not found")
    if header is None:
        header = es.MetadataReader(filename=path, failOnError=False)()
    _title, _artist, _album, _comment, genre, track, date, pool, _duration, bitrate, _rate, _channels = header
    tags = {name: pool[name] for name in pool.descriptorNames()}

    def first(*names):
        for name in names:
            values = tags.get(f"metadata.tags.{name}")
            if values and str(values[0]).strip():
                return str(values[0]).strip()
        return None

    return {
        "track_number": _leading_number(track or first("tracknumber", "track")),
        "disc_number": _leading_number(first("discnumber", "disc", "disk")),
        "year": _year(date or first("date", "year", "originaldate")),
        "genre": genre.strip() or first("genre"),
        "album_artist": first("albumartist", "album artist", "album_artist", "aart", "tpe2"),
        "bitrate": int(bitrate) if bitrate and bitrate > 0 else None,
        "embedded_cover": _has_picture(path),
    }


def _leading_number(text):
    """'3', '3/12' → 3; 0 and text without a number → None."""
    match = re.match(r"\s*(\d+)", text or "")
    number = int(match.group(1)) if match else 0
    return number or None


def _year(text):
    match = re.search(r"\b(\d{4})\b", text or "")
    return int(match.group(1)) if match else None


def _has_picture(path):
    """FFmpeg lists an attached picture as a video stream in every container (ID3, FLAC, MP4, Ogg)."""
    try:
        out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "stream=index",
                              "-of", "csv=p=0", path], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0 and bool(out.stdout.strip())
