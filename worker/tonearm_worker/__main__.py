"""Entry point: `python -m tonearm_worker --threads N --model ROLE=PATH ...`; JSON lines on stdin/stdout."""
import argparse
import json
import sys
import time

from . import PROTOCOL_VERSION, SIGNAL_VERSION
from .quiet import die_with_parent, limit_threads, protocol_stream


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="tonearm_worker")
    parser.add_argument("--threads", type=int, default=1, help="TensorFlow intra-op threads")
    parser.add_argument("--model", action="append", default=[], metavar="ROLE=PATH",
                        help="a model graph by role: tempocnn, effnet, genre, voice, danceability, musicnn, emomusic")
    parser.add_argument("--onnx", action="append", default=[], metavar="ROLE=PATH",
                        help="a verified ONNX conversion of a backbone (musicnn, effnet), run instead of its graph")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    die_with_parent()
    threads = limit_threads(args.threads)
    out = protocol_stream()
    started = time.perf_counter()

    import essentia
    essentia.log.infoActive = False
    essentia.log.warningActive = False
    from .analyzer import Analyzer

    paths = dict(item.split("=", 1) for item in args.model)
    onnx = dict(item.split("=", 1) for item in args.onnx)
    try:
        analyzer = Analyzer(paths, onnx, threads)
    except Exception as error:  # a corrupt model file must reach the user as one line
        send(out, {"type": "fatal", "error": f"cannot load models: {error}"})
        return 2
    send(out, {"type": "ready", "protocol": PROTOCOL_VERSION, "signal_version": SIGNAL_VERSION,
               "essentia": essentia.__version__, "groups": analyzer.groups,
               "onnx": sorted(onnx), "threads": threads,
               "load_seconds": round(time.perf_counter() - started, 3)})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        send(out, analyzer.analyze(request, notify=lambda message: send(out, message)))
    return 0


def send(out, message):
    out.write(json.dumps(message, separators=(",", ":")) + "\n")
    out.flush()


if __name__ == "__main__":
    sys.exit(main())
