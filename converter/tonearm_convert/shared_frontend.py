"""MSD-MusiCNN cut in two, so the worker computes its costly first layers once per frame instead of once per patch.

Essentia's predictor cuts a track's mel frames into 187-frame patches overlapping by half, so every frame goes
through the backbone twice. Most of MusiCNN's arithmetic (85 %) is in its two timbral filters (7 x 38 and
7 x 67 over the mel bands, then batch norm, ReLU and a max over the bands): each output frame depends on its
own input frame and RADIUS frames either side, the patch's zero padding included. So their output for a whole
track, cut into patches, is what each patch would give, except within RADIUS frames of a patch's edges.

`split` returns two graphs made from the converted one: the `front` (input -> the timbral filters' output,
any number of frames) and the `rest` (the patch and its timbral output -> the embedding). The worker runs
the front over the track once, recomputes each patch's edge frames from a window of 2 x RADIUS frames, and
runs the rest per patch (worker/tonearm_worker/shared_frontend.py). `verify` checks every fact that relies on.
"""
import numpy as np
import onnx
import onnxruntime
from onnx import numpy_helper, utils

PATCH = 187
RADIUS = 3


def split(onnx_bytes, input_name, output_name):
    """(front bytes, rest bytes, the timbral output names) or None when the graph is not shaped as expected."""
    model = onnx.shape_inference.infer_shapes(onnx.load_from_string(onnx_bytes))
    timbral = _timbral_outputs(model.graph)
    if not timbral:
        return None
    extractor = utils.Extractor(model)
    front = extractor.extract_model([input_name], timbral)
    rest = extractor.extract_model([input_name] + timbral, [output_name])
    if not _free_frames(front):
        return None
    return front.SerializeToString(), rest.SerializeToString(), timbral


def verify(full_bytes, front_bytes, rest_bytes, input_name, timbral, check):
    """Largest difference, over the check patches, between the full graph and (1) the rest fed the front's
    output, (2) the same with the front run over a longer sequence and each patch's edges from short windows."""
    full, front, rest = (_session(data) for data in (full_bytes, front_bytes, rest_bytes))
    expected = full.run(None, {input_name: check})[0]
    per_patch = front.run(None, {input_name: check})
    direct = rest.run(None, {input_name: check, **dict(zip(timbral, per_patch))})[0]
    # The patches laid end to end and overlapping by half, as the worker cuts them: the front over the whole
    # sequence, each patch's first and last RADIUS frames from windows of 2 x RADIUS frames.
    hop = PATCH // 2
    sequence = np.concatenate([check[0]] + [patch[PATCH - hop:] for patch in check[1:]])
    patches = np.stack([sequence[start:start + PATCH] for start in range(0, len(sequence) - PATCH + 1, hop)])
    whole = front.run(None, {input_name: sequence[None]})
    heads = front.run(None, {input_name: patches[:, :2 * RADIUS]})
    tails = front.run(None, {input_name: patches[:, -2 * RADIUS:]})
    stitched = []
    for index, start in enumerate(range(0, len(patches) * hop, hop)):
        parts = []
        for name, sequence_out, head, tail in zip(timbral, whole, heads, tails):
            frames = sequence_out[0, :, start:start + PATCH].copy()
            frames[:, :RADIUS] = head[index, :, :RADIUS]
            frames[:, -RADIUS:] = tail[index, :, -RADIUS:]
            parts.append(frames)
        stitched.append(parts)
    reference = np.concatenate([full.run(None, {input_name: patch[None]})[0] for patch in patches])
    shared = np.concatenate([rest.run(None, {input_name: patch[None], **{name: part[None] for name, part
                                                                         in zip(timbral, parts)}})[0]
                             for patch, parts in zip(patches, stitched)])
    return max(float(np.abs(direct - expected).max()), float(np.abs(shared - reference).max()))


def _timbral_outputs(graph):
    """The timbral branches' outputs: from each first-layer convolution with a 2-D kernel of 2 x RADIUS + 1 frames
    (the temporal branches' kernels are one band wide and span up to 128 frames), down its chain of one-input
    nodes (ReLU, batch norm, the max over the bands, squeeze) to the input of the node joining the branches."""
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    convs = [node for node in graph.node if node.op_type == "Conv"]
    downstream = _downstream_of(graph, convs)
    outputs = []
    for conv in convs:
        if conv.input[0] in downstream:
            continue
        attributes = {a.name: onnx.helper.get_attribute_value(a) for a in conv.attribute}
        kernel, pads = attributes.get("kernel_shape", []), attributes.get("pads", [0] * 4)
        if len(kernel) != 2 or kernel[1] == 1:
            continue  # a temporal branch
        # Frames either side, zero-padded at the patch's edges (pads: frames before, bands before, after, after).
        if kernel[0] != 2 * RADIUS + 1 or pads[0] != RADIUS or pads[2] != RADIUS or attributes.get("strides", [1])[0] != 1:
            return None
        name = conv.output[0]
        while len(consumers.get(name, [])) == 1 and consumers[name][0].op_type in ("Relu", "BatchNormalization",
                                                                                   "MaxPool", "Squeeze"):
            node = consumers[name][0]
            if node.op_type == "MaxPool" and _attribute(node, "kernel_shape")[0] != 1:
                return None  # pooling over time would mix frames
            name = node.output[0]
        outputs.append(name)
    return outputs if len(outputs) == 2 else None


def _downstream_of(graph, nodes):
    tensors = {output for node in nodes for output in node.output}
    for node in graph.node:
        if any(name in tensors for name in node.input):
            tensors.update(node.output)
    return tensors


def _attribute(node, name):
    return next(onnx.helper.get_attribute_value(a) for a in node.attribute if a.name == name)


def _free_frames(front):
    """Lets the front take any number of frames: its reshapes to (-1, 1, PATCH, bands) keep the batch (0) and
    infer the frames (-1); the input's and outputs' frame dimensions become symbolic."""
    for initializer in front.graph.initializer:
        value = numpy_helper.to_array(initializer)
        if value.ndim == 1 and len(value) == 4 and value[0] == -1 and value[2] == PATCH and PATCH not in value[[1, 3]]:
            initializer.CopyFrom(numpy_helper.from_array(np.array([0, value[1], -1, value[3]], dtype=value.dtype),
                                                         initializer.name))
        elif value.ndim == 1 and PATCH in value:
            return False
    front.graph.input[0].type.tensor_type.shape.dim[1].dim_param = "frames"
    for output in front.graph.output:
        output.type.tensor_type.shape.dim[-1].dim_param = "frames"
    del front.graph.value_info[:]
    return True


def _session(data):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(data, options, providers=["CPUExecutionProvider"])
