"""The model groups. Each model is loaded once per process; each embedding feeds all its heads."""
import base64
import json
import os

import essentia.standard as es
import numpy as np

from . import backbones
from .onnx_model import OnnxModel
from .signal_analysis import timed

# What each group needs, by the role names the Swift side passes (--model ROLE=PATH).
GROUP_ROLES = {
    "tempocnn": ("tempocnn",),
    "effnet": ("effnet", "genre", "voice", "danceability"),
    "musicnn": ("musicnn", "emomusic"),
}


def encode_vector(values):
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")


def class_index(graph_path, name):
    """Index of a class in a head's output, from the .json beside the .pb (never assumed)."""
    with open(os.path.splitext(graph_path)[0] + ".json", encoding="utf-8") as handle:
        return json.load(handle)["classes"].index(name)


def head(role, paths, onnx, threads, **nodes):
    """A classifier head over a backbone's embeddings: ONNX Runtime when converted, else TensorflowPredict2D."""
    if role in onnx:
        return OnnxModel(onnx[role], threads)
    return es.TensorflowPredict2D(graphFilename=paths[role], **nodes)


class TempoCNNGroup:
    def __init__(self, paths, onnx, threads, _mode):
        self._model = es.TempoCNN(graphFilename=paths["tempocnn"])

    def __call__(self, audio, timings):
        mono = timed(timings, "resample11k", lambda: audio.mono(11025))
        bpm, local, _probabilities = timed(timings, "tempocnn", lambda: self._model(mono))
        agreement = float(np.mean(np.asarray(local) == bpm)) if len(local) else 0.0
        return {"bpm": float(bpm), "local_agreement": agreement}


class EffnetGroup:
    def __init__(self, paths, onnx, threads, mode):
        self._embedding = backbones.effnet(paths["effnet"], onnx.get("effnet"), threads, mode)
        self._genre = head("genre", paths, onnx, threads, input="serving_default_model_Placeholder",
                           output="PartitionedCall:0")
        self._voice = head("voice", paths, onnx, threads, output="model/Softmax")
        self._dance = head("danceability", paths, onnx, threads, output="model/Softmax")
        self._voice_index = class_index(paths["voice"], "voice")
        self._dance_index = class_index(paths["danceability"], "danceable")

    def __call__(self, audio, timings):
        embeddings = self._embedding(audio, timings, "effnet")
        styles = timed(timings, "effnet_heads", lambda: self._genre(embeddings).mean(axis=0))
        voice = timed(timings, "effnet_heads", lambda: self._voice(embeddings).mean(axis=0))
        dance = timed(timings, "effnet_heads", lambda: self._dance(embeddings).mean(axis=0))
        return {"embedding": encode_vector(embeddings.mean(axis=0)), "styles": encode_vector(styles),
                "voice": float(voice[self._voice_index]), "danceability": float(dance[self._dance_index])}


class MusicnnGroup:
    def __init__(self, paths, onnx, threads, mode):
        self._embedding = backbones.musicnn(paths["musicnn"], onnx.get("musicnn"), threads, mode)
        self._emotion = head("emomusic", paths, onnx, threads, output="model/Identity")
        self._valence_index = class_index(paths["emomusic"], "valence")
        self._arousal_index = class_index(paths["emomusic"], "arousal")

    def __call__(self, audio, timings):
        embeddings = self._embedding(audio, timings, "musicnn")
        emotion = timed(timings, "musicnn_heads", lambda: self._emotion(embeddings).mean(axis=0))
        return {"embedding": encode_vector(embeddings.mean(axis=0)),
                "valence": float(emotion[self._valence_index]), "arousal": float(emotion[self._arousal_index])}
