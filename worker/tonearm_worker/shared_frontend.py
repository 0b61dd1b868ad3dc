"""MSD-MusiCNN's first layers run once per mel frame instead of once per patch (the patches overlap by half).

`tonearm models convert` cuts the converted graph in two when it can (converter/tonearm_convert/shared_frontend.py
says why that is exact and checks it): the `front`, the timbral filters that hold 85 % of the arithmetic, each
output frame depending only on its input frame and `radius` frames either side; and the `rest`, from the patch
and its timbral output to the embedding. Here the front runs over the track once (in chunks, so memory stays
flat), each patch's first and last `radius` frames come from short windows that see the patch's zero padding,
and the rest runs per patch: the same embeddings as the whole graph on every patch, a third less work.
"""
import hashlib
import json
import os

import numpy as np

from .onnx_model import OnnxModel

# Frames of the track per front run: one patch's worth (2 MB of activations); 48 to 748 frames ran alike.
CHUNK_FRAMES = 187


class SharedFrontend:
    @classmethod
    def beside(cls, onnx_path, threads):
        """The split recorded beside a conversion, if its files are there and match the record; else None."""
        base = os.path.splitext(onnx_path)[0]
        try:
            with open(base + ".json", encoding="utf-8") as handle:
                record = json.load(handle)
        except (OSError, ValueError):
            return None
        split = record.get("shared_frontend")
        if not split:
            return None
        folder = os.path.dirname(onnx_path)
        paths = {part: os.path.join(folder, split[part]) for part in ("front", "rest")}
        if any(not os.path.isfile(path) or _sha256(path) != split[part + "_sha256"] for part, path in paths.items()):
            return None
        return cls(paths, record["input"], split, threads)

    def __init__(self, paths, input_name, split, threads):
        self._front, self._rest = OnnxModel(paths["front"], threads), OnnxModel(paths["rest"], threads)
        self._input, self._timbral = input_name, split["timbral"]
        self._radius, self._patch = split["radius"], split["patch"]

    def __call__(self, bands, starts):
        """The embedding of each patch `bands[start:start + patch]`, as the whole graph gives it."""
        size, radius = self._patch, self._radius
        track = self._whole_track(bands)
        embeddings = []
        for start in starts:
            # Every run has the same shape (2 windows here, one chunk below), so ONNX Runtime's memory arena
            # reuses its blocks from track to track instead of growing with each new shape.
            edges = self._front.outputs({self._input: np.stack([bands[start:start + 2 * radius],
                                                                bands[start + size - 2 * radius:start + size]])})
            inputs = {self._input: bands[None, start:start + size]}
            for name, whole, edge in zip(self._timbral, track, edges):
                frames = whole[:, start:start + size].copy()
                frames[:, :radius] = edge[0, :, :radius]  # the patch's first frames, from its head window
                frames[:, -radius:] = edge[1, :, -radius:]  # its last frames, from its tail window
                inputs[name] = frames[None]
            embeddings.append(self._rest.outputs(inputs)[0])
        return np.concatenate(embeddings)

    def _whole_track(self, bands):
        """The front's output for every frame as the whole track's context gives it (zeros beyond its ends),
        from windows of CHUNK_FRAMES + 2 x radius frames (the last one moved back to end with the track)."""
        frames, chunk, radius = len(bands), CHUNK_FRAMES, self._radius
        window = min(frames, chunk + 2 * radius)
        track = None
        for begin in range(0, frames, chunk):
            low = max(0, min(begin - radius, frames - window))
            outputs = self._front.outputs({self._input: bands[None, low:low + window]})
            if track is None:
                track = [np.empty((output.shape[1], frames), dtype=np.float32) for output in outputs]
            count = min(chunk, frames - begin)
            for whole, output in zip(track, outputs):
                whole[:, begin:begin + count] = output[0, :, begin - low:begin - low + count]
        return track


def _sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()
