"""The two embedding backbones: on ONNX Runtime when the Swift side passes a verified conversion, else on
Essentia's TensorFlow algorithms. Both paths cut the same patches, so they give the same embeddings (the
conversion is checked against TensorFlow; tests and the bench check the result against plain Essentia).
"""
from dataclasses import dataclass, replace

import essentia.standard as es
import numpy as np

from .onnx_model import OnnxModel
from .shared_frontend import SharedFrontend
from .signal_analysis import timed

BANDS = 96


@dataclass(frozen=True)
class PatchLayout:
    """How Essentia's predictor for a backbone cuts mel frames into model inputs."""
    size: int
    hop: int
    batch: int  # patches per inference at most (memory then stays flat whatever the track's length)

    def starts(self, bands):
        starts = range(0, len(bands) - self.size + 1, self.hop)
        if not starts:
            raise ValueError(f"audio too short for one {self.size}-frame patch")
        return starts

    def patches(self, bands):
        return np.stack([bands[start:start + self.size] for start in self.starts(bands)])


MUSICNN = PatchLayout(size=187, hop=93, batch=1)
EFFNET = PatchLayout(size=128, hop=62, batch=64)


def mel_bands(audio):
    """TensorflowInputMusiCNN frames as TensorflowPredictMusiCNN and TensorflowPredictEffnetDiscogs cut them
    (FrameCutter defaults: 512/256 at 16 kHz, first frame centred on sample 0); shared by both backbones."""
    def compute():
        extractor = es.TensorflowInputMusiCNN()
        frames = es.FrameGenerator(audio.mono(16000), frameSize=512, hopSize=256)
        return np.array([extractor(frame) for frame in frames], dtype=np.float32).reshape(-1, BANDS)
    return audio.derived("mel_bands", compute)


class OnnxBackbone:
    def __init__(self, path, layout, threads):
        self._model = OnnxModel(path, threads)
        self._layout = layout

    def __call__(self, audio, timings, stage):
        patches = self._layout.patches(timed(timings, "mel", lambda: mel_bands(audio)))
        return timed(timings, stage, lambda: self._predict(patches))

    def _predict(self, patches):
        batch = self._model.fixed_batch or self._layout.batch
        outputs = []
        for start in range(0, len(patches), batch):
            chunk = patches[start:start + batch]
            if self._model.fixed_batch:  # a graph frozen with its batch runs it whole, the rest zeros
                chunk = np.concatenate([chunk, np.zeros((batch - len(chunk),) + chunk.shape[1:], dtype=np.float32)])
            outputs.append(self._model(chunk))
        return np.concatenate(outputs)[:len(patches)]


class TensorflowBackbone:
    def __init__(self, algorithm):
        self._algorithm = algorithm

    def __call__(self, audio, timings, stage):
        audio16k = timed(timings, "resample16k", lambda: audio.mono(16000))
        return timed(timings, stage, lambda: self._algorithm(audio16k))


def layout_for(layout, mode):
    """The mode's hop: Essentia's half-patch overlap by default, patches side by side in fast mode."""
    return layout if mode.overlapping_patches else replace(layout, hop=layout.size)


class SharedFrontendBackbone:
    """MusiCNN with its first layers once per frame (shared_frontend.py): the same embeddings, less work."""

    def __init__(self, shared, layout):
        self._shared = shared
        self._layout = layout

    def __call__(self, audio, timings, stage):
        bands = timed(timings, "mel", lambda: mel_bands(audio))
        return timed(timings, stage, lambda: self._shared(bands, self._layout.starts(bands)))


def musicnn(graph, onnx, threads, mode):
    layout = layout_for(MUSICNN, mode)
    shared = SharedFrontend.beside(onnx, threads) if onnx else None
    if shared:
        return SharedFrontendBackbone(shared, layout)
    if onnx:
        return OnnxBackbone(onnx, layout, threads)
    return TensorflowBackbone(es.TensorflowPredictMusiCNN(graphFilename=graph, output="model/dense/BiasAdd",
                                                          patchHopSize=layout.hop))


def effnet(graph, onnx, threads, mode):
    layout = layout_for(EFFNET, mode)
    if onnx:
        return OnnxBackbone(onnx, layout, threads)
    return TensorflowBackbone(es.TensorflowPredictEffnetDiscogs(graphFilename=graph, output="PartitionedCall:1",
                                                                patchHopSize=layout.hop))
