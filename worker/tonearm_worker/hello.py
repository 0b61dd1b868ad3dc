"""The hello, the first line a local worker and the Ray driver both send (PROTOCOL.md, "Hello")."""
from . import EVIDENCE_VERSION, PROTOCOL_VERSION, SIGNAL_VERSION
from .tags import TAGS_VERSION


def ready_message(essentia, groups, onnx, threads, capacity, load_seconds, **extra):
    """Every version the Swift side checks, then what this process loaded; `extra`: the Ray driver's own facts."""
    return {"type": "ready", "protocol": PROTOCOL_VERSION, "signal_version": SIGNAL_VERSION,
            "evidence_version": EVIDENCE_VERSION, "tags_version": TAGS_VERSION,
            "essentia": essentia, "groups": groups, "onnx": sorted(onnx), "threads": threads,
            "capacity": capacity, "load_seconds": round(load_seconds, 3), **extra}
