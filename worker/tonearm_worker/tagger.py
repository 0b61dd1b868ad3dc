"""`python -m tonearm_worker.tagger`: reads and writes tags for `tonearm tag`, with mutagen.

JSON lines on stdin and stdout, one reply per request, in order: see worker/TAGGER.md.
Not part of the analysis protocol; tonearm starts it only for `tonearm tag`.
"""
import json
import os
import sys

import mutagen

from .quiet import die_with_parent
from .tag_audio import audio_md5, sample_peak
from .tag_fields import FORMATS, UnsupportedFormat, open_tags

PROTOCOL_VERSION = 1


class TagWriteError(Exception):
    """A file that could not be written safely; the original is untouched."""


def temporary_name(path):
    """Beside the file, hidden (the scanner skips dot files), one fixed name per file, so a temporary
    left by a killed run is simply replaced by the next one."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.tonearm-tag")


def plan(path, request):
    """The file's current values of the fields the request sets, and the changes, without writing.
    `set` names tonearm's fields (mapped to the format's keys); `restore` names the file's own keys."""
    tagged = open_tags(path)
    if "restore" in request:
        wanted = request["restore"]
    else:
        wanted = {}
        for name, values in request["set"].items():
            wanted.update(tagged.keys_for(name, values))
    current = {key: tagged.get(key) for key in wanted}
    changes = {key: value for key, value in wanted.items() if current[key] != value}
    return tagged.kind, current, changes


def write_copy(path, changes):
    """Writes `changes` into a copy of `path` beside it, checks that the decoded audio is unchanged,
    keeps the owner, mode and times of the original, fsyncs it and returns its name."""
    temporary = temporary_name(path)
    status = os.stat(path)
    before = audio_md5(path)
    try:
        with open(path, "rb") as source, open(temporary, "wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
        tagged = open_tags(temporary)
        for key, values in changes.items():
            tagged.set(key, values)
        tagged.save()
        after = audio_md5(temporary)
        if before != after:
            raise TagWriteError(f"the audio changed in the tagged copy (md5 {before} → {after}); file left as is")
        reread = open_tags(temporary)
        unread = [key for key, values in changes.items() if reread.get(key) != values]
        if reread.kind != tagged.kind or unread:
            raise TagWriteError(f"the tagged copy does not read back as written ({', '.join(unread) or reread.kind}); "
                                "file left as is")
        os.chmod(temporary, status.st_mode & 0o7777)
        if (status.st_uid, status.st_gid) != (os.stat(temporary).st_uid, os.stat(temporary).st_gid):
            os.chown(temporary, status.st_uid, status.st_gid)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return temporary, before


def handle(request):
    op = request["op"]
    path = request["path"]
    if op == "peak":
        return {"peak": sample_peak(path)}
    if op in ("plan", "write"):
        kind, current, changes = plan(path, request)
        reply = {"format": kind, "old": {key: current[key] for key in changes}, "new": changes}
        if op == "write" and changes:
            reply["temporary"], reply["audio_md5"] = write_copy(path, changes)
        return reply
    raise ValueError(f"unknown op {op!r}")


def main():
    die_with_parent()
    out = sys.stdout
    out.write(json.dumps({"type": "ready", "protocol": PROTOCOL_VERSION, "mutagen": mutagen.version_string,
                          "formats": sorted(FORMATS)}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            reply = {"id": request.get("id"), "ok": True, **handle(request)}
        except UnsupportedFormat as error:
            reply = {"id": request.get("id"), "ok": False, "skip": True, "error": str(error)}
        except (TagWriteError, OSError, mutagen.MutagenError, ValueError) as error:
            reply = {"id": request.get("id"), "ok": False, "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
