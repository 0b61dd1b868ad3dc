"""A fixed-batch graph (Discogs-EffNet bs64: 64 patches per run whatever the track's length) made to take any
batch, as MTG's own `bsdynamic` export of the same model does: the input placeholder's first dimension and
every reshape to that batch become free. A track of 30 s has 29 patches, so the fixed graph's work was
more than half padding.

Patches are independent in these graphs (inference batch norm, per-patch convolutions and pooling), so the
free-batch graph must give each patch what the fixed graph gives it; `convert.py` checks that on a short
batch against TensorFlow's run of the same patches padded to the fixed batch, and keeps the fixed graph
otherwise.
"""
import copy

import numpy as np
from tensorflow.python.framework import tensor_util


def free_batch(graph_def, input_name, batch):
    """A copy of `graph_def` whose input and reshapes take any batch; None when a reshape cannot be freed."""
    freed = copy.deepcopy(graph_def)
    nodes = {node.name: node for node in freed.node}
    placeholder = nodes[input_name.split(":")[0]]
    placeholder.attr["shape"].shape.dim[0].size = -1
    shape_inputs = {node.input[1].split(":")[0] for node in freed.node if node.op == "Reshape"}
    for name in shape_inputs:
        node = nodes.get(name)
        if node is None or node.op != "Const":
            continue
        shape = tensor_util.MakeNdarray(node.attr["value"].tensor)
        if shape.ndim != 1 or len(shape) == 0 or shape[0] != batch:
            continue
        if -1 in shape:
            return None  # a second free dimension: TensorFlow allows only one
        shape = shape.copy()
        shape[0] = -1
        node.attr["value"].tensor.CopyFrom(tensor_util.make_tensor_proto(shape))
    return freed


def short_batch(check, batch):
    """The first rows of the check batch, fewer than the fixed batch, and the same rows padded with zeros to it."""
    rows = check[: max(1, batch // 10)]
    padded = np.zeros_like(check)
    padded[: len(rows)] = rows
    return rows, padded
