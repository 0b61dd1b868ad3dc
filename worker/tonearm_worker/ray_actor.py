"""A Ray actor holding one Analyzer: its models are loaded once, from paths every node can read."""
import os
import resource
import tempfile
import time

from .startup import load_analyzer
from .quiet import limit_threads


class AnalyzerActor:
    def __init__(self, paths, onnx, threads, fast):
        import ray
        started = time.perf_counter()
        threads = limit_threads(threads)
        self._analyzer, essentia_version = load_analyzer(paths, onnx, threads, fast)
        self._facts = {"groups": self._analyzer.groups, "essentia": essentia_version, "threads": threads,
                       "node": ray.get_runtime_context().get_node_id(),
                       "load_seconds": round(time.perf_counter() - started, 3)}

    def facts(self):
        return self._facts

    def analyze(self, request, audio=None):
        """`audio`: the file's bytes when the driver ships them (nodes without the shared mount)."""
        if audio is None:
            return self._analyzer.analyze(request, notify=_ignore)
        suffix = os.path.splitext(request["path"])[1]
        with tempfile.NamedTemporaryFile(suffix=suffix, prefix="tonearm-") as copy:
            copy.write(audio)
            copy.flush()
            reply = self._analyzer.analyze({**request, "path": copy.name, "path_b64": None}, notify=_ignore)
        return reply

    def peak_resident_bytes(self):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _ignore(_message):
    """The driver scales each track's timeout from the file's header itself; actors' `started` lines are not needed."""
