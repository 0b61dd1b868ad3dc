"""`python -m tonearm_convert --out DIR ROLE=GRAPH ...`: one JSON line per model on stdout.

Each converted graph is run next to the TensorFlow original on the same input; only a graph whose outputs
agree within TOLERANCE is kept. It is written as DIR/<sha256 of the .pb>.onnx, then its record
DIR/<sha256 of the .pb>.json (written last, so a record always describes a complete file).
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from .convert import convert_and_verify  # noqa: E402
from .recipes import RECIPES  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tonearm_convert")
    parser.add_argument("--out", required=True, help="folder for the .onnx files and their records")
    parser.add_argument("models", nargs="+", metavar="ROLE=GRAPH", help=f"roles: {', '.join(RECIPES)}")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    os.makedirs(args.out, exist_ok=True)
    failed = False
    for item in args.models:
        role, graph = item.split("=", 1)
        try:
            if role not in RECIPES:
                raise ValueError(f"no conversion recipe for role {role!r}")
            result = {"role": role, "ok": True, **convert_and_verify(graph, RECIPES[role], args.out)}
        except Exception as error:  # one model's failure must not stop the others
            failed = True
            result = {"role": role, "ok": False, "error": f"{type(error).__name__}: {error}".splitlines()[0]}
        print(json.dumps(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
