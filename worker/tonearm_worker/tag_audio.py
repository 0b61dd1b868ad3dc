"""The decoded audio of a file, through ffmpeg: its checksum (to prove a tag write left the audio
alone) and its sample peak (for ReplayGain)."""
import math
import re
import subprocess


def _ffmpeg(path, *arguments):
    result = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", path, "-map", "0:a:0", *arguments],
                            capture_output=True, text=True)
    if result.returncode != 0:
        last = result.stderr.strip().splitlines()[-1:] or [f"exit status {result.returncode}"]
        raise OSError(f"ffmpeg cannot decode {path}: {last[0]}")
    return result


def audio_md5(path):
    """MD5 of the first audio stream's decoded samples (ffmpeg's md5 muxer): equal before and after a
    write whenever only the tags changed, whatever the container did with its metadata."""
    output = _ffmpeg(path, "-f", "md5", "-").stdout.strip()
    if not output.startswith("MD5="):
        raise OSError(f"ffmpeg gave no checksum for {path}")
    return output[4:]


def sample_peak(path):
    """The largest absolute decoded sample, 1.0 = full scale (lossy decoders may exceed it)."""
    log = _ffmpeg(path, "-af", "aformat=sample_fmts=dbl,astats=measure_perchannel=none:measure_overall=Peak_level",
                  "-f", "null", "-").stderr
    found = re.findall(r"Peak level dB:\s*(-?inf|-?[0-9.]+)", log)
    if not found:
        raise OSError(f"ffmpeg gave no peak for {path}")
    decibels = float(found[-1])
    return 0.0 if math.isinf(decibels) else 10 ** (decibels / 20)
