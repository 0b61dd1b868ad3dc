"""What both entry points share: the model arguments and the one-line JSON message writer."""
import json


def add_model_arguments(parser):
    parser.add_argument("--threads", type=int, default=1, help="model runtime threads (TensorFlow, ONNX Runtime)")
    parser.add_argument("--model", action="append", default=[], metavar="ROLE=PATH",
                        help="a model graph by role: tempocnn, effnet, genre, voice, danceability, musicnn, emomusic")
    parser.add_argument("--onnx", action="append", default=[], metavar="ROLE=PATH",
                        help="a verified ONNX conversion of a model, run instead of its graph")
    parser.add_argument("--fast", action="store_true", help="the fast mode (mode.py): half the embedding patches")


def model_paths(args):
    """(graph path by role, ONNX conversion by role) from the parsed arguments."""
    return (dict(item.split("=", 1) for item in args.model), dict(item.split("=", 1) for item in args.onnx))


def send(out, message):
    out.write(json.dumps(message, separators=(",", ":")) + "\n")
    out.flush()


def load_analyzer(paths, onnx, threads, fast):
    """(Analyzer with every model loaded, Essentia's version), with Essentia's logging off.
    Call after `quiet.limit_threads`: TensorFlow reads its thread settings when it loads."""
    import essentia
    essentia.log.infoActive = False
    essentia.log.warningActive = False
    from .analyzer import Analyzer
    from .mode import DEFAULT, FAST
    return Analyzer(paths, onnx, threads, FAST if fast else DEFAULT), essentia.__version__
