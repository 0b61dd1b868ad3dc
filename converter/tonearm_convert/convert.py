"""Convert one frozen TensorFlow graph with tf2onnx and check it against TensorFlow itself."""
import hashlib
import json
import os

import numpy as np
import onnxruntime
import tensorflow as tf
import tf2onnx

from . import CONVERTER_VERSION
from .free_batch import free_batch, short_batch
from . import shared_frontend

# Same as the descriptor tolerance tonearm is held to against plain Essentia.
TOLERANCE = 1e-4
# The split graph against the whole converted one: the same arithmetic, only rounding may differ.
SPLIT_TOLERANCE = 1e-5
OPSET = 13


def convert_and_verify(graph_path, recipe, out_dir):
    source_sha256 = _sha256(graph_path)
    graph_def = tf.compat.v1.GraphDef()
    with open(graph_path, "rb") as handle:
        graph_def.ParseFromString(handle.read())
    check = np.random.default_rng(0).uniform(*recipe.check_range, size=recipe.check_shape).astype(np.float32)
    expected = _run_tensorflow(graph_def, recipe, check)
    onnx_bytes, difference, free = None, None, False
    if recipe.fixed_batch:
        onnx_bytes, difference = _free_batch_conversion(graph_def, recipe, check, expected)
        free = onnx_bytes is not None
    if onnx_bytes is None:
        onnx_bytes = _convert(graph_def, recipe)
        difference = float(np.abs(_run_onnx(onnx_bytes, recipe, check) - expected).max())
    if not difference <= TOLERANCE:
        raise ValueError(f"ONNX output differs from TensorFlow by {difference:.3g} (tolerance {TOLERANCE:g})")
    base = os.path.join(out_dir, source_sha256)
    _write_atomically(base + ".onnx", onnx_bytes)
    split = _shared_frontend(onnx_bytes, recipe, check, base) if recipe.shared_frontend else None
    record = {"converter_version": CONVERTER_VERSION, "source": os.path.basename(graph_path),
              "source_sha256": source_sha256, "onnx_sha256": hashlib.sha256(onnx_bytes).hexdigest(),
              "input": recipe.input, "output": recipe.output, "opset": OPSET, "free_batch": free,
              "max_abs_difference": difference, "tolerance": TOLERANCE, "shared_frontend": split,
              "tensorflow": tf.__version__, "tf2onnx": tf2onnx.__version__, "onnxruntime": onnxruntime.__version__}
    _write_atomically(base + ".json", json.dumps(record, indent=2).encode())
    return {"onnx": base + ".onnx", "max_abs_difference": difference, "free_batch": free, "shared_frontend": split is not None}


def _shared_frontend(onnx_bytes, recipe, check, base):
    """The graph cut in two for the worker (shared_frontend.py), written beside it when the pieces give what the
    whole gives within SPLIT_TOLERANCE; its description for the record, else None (the worker runs the whole)."""
    pieces = shared_frontend.split(onnx_bytes, recipe.input, recipe.output)
    if pieces is None:
        return None
    front, rest, timbral = pieces
    difference = shared_frontend.verify(onnx_bytes, front, rest, recipe.input, timbral, check)
    if not difference <= SPLIT_TOLERANCE:
        return None
    files = {"front": base + ".front.onnx", "rest": base + ".rest.onnx"}
    _write_atomically(files["front"], front)
    _write_atomically(files["rest"], rest)
    return {"front": os.path.basename(files["front"]), "front_sha256": hashlib.sha256(front).hexdigest(),
            "rest": os.path.basename(files["rest"]), "rest_sha256": hashlib.sha256(rest).hexdigest(),
            "timbral": timbral, "radius": shared_frontend.RADIUS, "patch": shared_frontend.PATCH,
            "max_abs_difference": difference}


def _free_batch_conversion(graph_def, recipe, check, expected):
    """(ONNX bytes, largest difference) of the graph freed of its fixed batch, if it gives every patch what the
    fixed graph gives it, on the full check batch and on a short one; else (None, None)."""
    freed = free_batch(graph_def, recipe.input, recipe.fixed_batch)
    if freed is None:
        return None, None
    try:
        onnx_bytes = _convert(freed, recipe)
        rows, padded = short_batch(check, recipe.fixed_batch)
        short = _run_onnx(onnx_bytes, recipe, rows)
        padded_expected = _run_tensorflow(graph_def, recipe, padded)[: len(rows)]
        difference = max(float(np.abs(_run_onnx(onnx_bytes, recipe, check) - expected).max()),
                         float(np.abs(short - padded_expected).max()))
    except Exception:  # the freed graph does not run: keep the fixed one
        return None, None
    return (onnx_bytes, difference) if difference <= TOLERANCE else (None, None)


def _convert(graph_def, recipe):
    model, _ = tf2onnx.convert.from_graph_def(graph_def, input_names=[recipe.input], output_names=[recipe.output],
                                              opset=OPSET)
    return model.SerializeToString()


def _run_onnx(onnx_bytes, recipe, batch):
    session = onnxruntime.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    return session.run([recipe.output], {recipe.input: batch})[0]


def _run_tensorflow(graph_def, recipe, batch):
    graph = tf.Graph()
    with graph.as_default():
        tf.compat.v1.import_graph_def(graph_def, name="")
    with tf.compat.v1.Session(graph=graph) as session:
        return session.run(recipe.output, {recipe.input: batch})


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomically(path, data):
    temporary = path + ".partial"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
