"""Entry point: `python -m tonearm_worker --threads N --model ROLE=PATH ...`; JSON lines on stdin/stdout."""
import argparse
import json
import sys
import time

from .hello import ready_message
from .quiet import die_with_parent, limit_threads, protocol_stream
from .startup import add_model_arguments, load_analyzer, model_paths, send


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="tonearm_worker")
    add_model_arguments(parser)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    die_with_parent()
    threads = limit_threads(args.threads)
    out = protocol_stream()
    started = time.perf_counter()
    paths, onnx = model_paths(args)
    try:
        analyzer, essentia_version = load_analyzer(paths, onnx, threads, args.fast)
    except Exception as error:  # a corrupt model file must reach the user as one line
        send(out, {"type": "fatal", "error": f"cannot load models: {error}"})
        return 2
    send(out, ready_message(essentia_version, analyzer.groups, onnx, threads, capacity=1,
                            load_seconds=time.perf_counter() - started, fast=args.fast))
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        send(out, analyzer.analyze(request, notify=lambda message: send(out, message)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
