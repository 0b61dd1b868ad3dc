"""The graphs converted: the two embedding backbones, where the worker spends most of its time, and their
classifier heads, whose TensorFlow sessions cost far more than their arithmetic. (TempoCNN stays on
TensorFlow: Essentia's TempoCNN wraps its graph in normalization and voting the worker would have to redo.)

Node names are Essentia's (see each model's .json). Backbones are checked on patches shaped like
TensorflowInputMusiCNN's log-compressed mel bands, whose values lie in [0, ~5]; heads on embedding rows in
[-1, 1], where their sigmoids and softmaxes are far from saturated (the check would be blind otherwise).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Recipe:
    input: str
    output: str
    check_shape: tuple
    check_range: tuple = (0.0, 5.0)
    # The batch a graph is frozen with (the input's and its reshapes' first dimension); None when any goes.
    fixed_batch: int = None
    # Whether the worker may run the graph cut in two, its first layers once per frame (shared_frontend.py).
    shared_frontend: bool = False


HEAD_CHECK = (-1.0, 1.0)

RECIPES = {
    "musicnn": Recipe(input="model/Placeholder:0", output="model/dense/BiasAdd:0", check_shape=(8, 187, 96),
                      shared_frontend=True),
    # The bs64 graph takes exactly 64 patches per batch; its conversion is given a free batch when that checks equal.
    "effnet": Recipe(input="serving_default_melspectrogram:0", output="PartitionedCall:1", check_shape=(64, 128, 96),
                     fixed_batch=64),
    "genre": Recipe(input="serving_default_model_Placeholder:0", output="PartitionedCall:0", check_shape=(8, 1280),
                    check_range=HEAD_CHECK),
    "voice": Recipe(input="model/Placeholder:0", output="model/Softmax:0", check_shape=(8, 1280), check_range=HEAD_CHECK),
    "danceability": Recipe(input="model/Placeholder:0", output="model/Softmax:0", check_shape=(8, 1280),
                           check_range=HEAD_CHECK),
    "emomusic": Recipe(input="model/Placeholder:0", output="model/Identity:0", check_shape=(8, 200), check_range=HEAD_CHECK),
}
