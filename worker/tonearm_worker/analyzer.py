"""One request in, one reply out: decode once, run the requested groups, report per-group failures."""
import time

from .audio import DecodeError, decode, probe
from .file_name import readable_path
from .models import GROUP_ROLES, EffnetGroup, MusicnnGroup, TempoCNNGroup
from .evidence import EvidenceAnalysis
from .signal_analysis import SignalAnalysis, timed
from .tags import read_tags

GROUP_TYPES = {"tempocnn": TempoCNNGroup, "effnet": EffnetGroup, "musicnn": MusicnnGroup}


class Analyzer:
    def __init__(self, paths, onnx, threads, mode):
        """`paths`: TensorFlow graph by role; `onnx`: verified ONNX conversions by role, used instead when given;
        `mode`: mode.DEFAULT or mode.FAST."""
        self._groups = {"signal": SignalAnalysis(), "evidence": EvidenceAnalysis()}
        for group, roles in GROUP_ROLES.items():
            if all(role in paths for role in roles):
                self._groups[group] = GROUP_TYPES[group](paths, onnx, threads, mode)

    @property
    def groups(self):
        return list(self._groups) + ["tags"]

    def analyze(self, request, notify):
        """`notify` gets the interim `started` message, sent before the work whose length depends on the duration."""
        with readable_path(request) as path:
            return self._analyze(request, path, notify)

    def _analyze(self, request, path, notify):
        request_id = request.get("id")
        requested = request.get("groups", self.groups)
        timings = {}
        started = time.perf_counter()
        results, errors = {}, {}
        audio_groups = [group for group in requested if group != "tags"]
        # A tags-only request never decodes the audio, nor announces a duration.
        probed = timed(timings, "decode", lambda: probe(path)) if audio_groups else None
        if "tags" in requested:
            header = probed.header if probed is not None else None
            try:
                results["tags"] = timed(timings, "tags", lambda: read_tags(path, header))
            except Exception as error:  # unreadable tags must not lose the descriptors
                errors["tags"] = f"{type(error).__name__}: {error}".splitlines()[0]
        audio = None
        if probed is not None:
            notify({"id": request_id, "type": "started", "duration": probed.duration})
            try:
                audio = timed(timings, "decode", lambda: decode(path, probed))
            except DecodeError as error:
                return {"id": request_id, "ok": False, "stage": "decode", "error": str(error)}
        for group in audio_groups:
            if group not in self._groups:
                errors[group] = "model not loaded by this worker"
                continue
            try:
                results[group] = self._groups[group](audio, timings)
            except Exception as error:  # one failing group must not lose the others
                errors[group] = f"{type(error).__name__}: {error}".splitlines()[0]
        timings["total"] = time.perf_counter() - started
        reply = {"id": request_id, "ok": True, "groups": results, "timings": {k: round(v, 4) for k, v in timings.items()}}
        if audio is not None:
            reply["audio"] = {"duration": audio.duration, "sample_rate": audio.sample_rate,
                              "channels": audio.channels, "codec": audio.codec,
                              "excerpts": audio.excerpted_from is not None, **audio.tags}
        if errors:
            reply["errors"] = errors
        return reply
