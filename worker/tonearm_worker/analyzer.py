"""One request in, one reply out: decode once, run the requested groups, report per-group failures."""
import time

from .audio import DecodeError, decode, probe
from .models import GROUP_ROLES, EffnetGroup, MusicnnGroup, TempoCNNGroup
from .signal import SignalAnalysis, timed

GROUP_TYPES = {"tempocnn": TempoCNNGroup, "effnet": EffnetGroup, "musicnn": MusicnnGroup}


class Analyzer:
    def __init__(self, paths, onnx, threads):
        """`paths`: TensorFlow graph by role; `onnx`: verified ONNX conversions by role, used instead when given."""
        self._groups = {"signal": SignalAnalysis()}
        for group, roles in GROUP_ROLES.items():
            if all(role in paths for role in roles):
                self._groups[group] = GROUP_TYPES[group](paths, onnx, threads)

    @property
    def groups(self):
        return list(self._groups)

    def analyze(self, request, notify):
        """`notify` gets the interim `started` message, sent before the work whose length depends on the duration."""
        request_id = request.get("id")
        timings = {}
        started = time.perf_counter()
        probed = timed(timings, "decode", lambda: probe(request["path"]))
        notify({"id": request_id, "type": "started", "duration": probed.duration})
        try:
            audio = timed(timings, "decode", lambda: decode(request["path"], probed))
        except DecodeError as error:
            return {"id": request_id, "ok": False, "stage": "decode", "error": str(error)}
        results, errors = {}, {}
        for group in request.get("groups", self.groups):
            if group not in self._groups:
                errors[group] = "model not loaded by this worker"
                continue
            try:
                results[group] = self._groups[group](audio, timings)
            except Exception as error:  # one failing group must not lose the others
                errors[group] = f"{type(error).__name__}: {error}".splitlines()[0]
        timings["total"] = time.perf_counter() - started
        reply = {"id": request_id, "ok": True,
                 "audio": {"duration": audio.duration, "sample_rate": audio.sample_rate,
                           "channels": audio.channels, "codec": audio.codec,
                           "excerpts": audio.excerpted_from is not None, **audio.tags},
                 "groups": results, "timings": {k: round(v, 4) for k, v in timings.items()}}
        if errors:
            reply["errors"] = errors
        return reply
