"""The graphs worth converting: the two embedding backbones, where the worker spends most of its time.

Node names are Essentia's (see each model's .json); the check batch mimics the worker's input: patches of
TensorflowInputMusiCNN log-compressed mel bands, whose values lie in [0, ~5].
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Recipe:
    input: str
    output: str
    check_shape: tuple


RECIPES = {
    "musicnn": Recipe(input="model/Placeholder:0", output="model/dense/BiasAdd:0", check_shape=(8, 187, 96)),
    # The bs64 graph takes exactly 64 patches per batch.
    "effnet": Recipe(input="serving_default_melspectrogram:0", output="PartitionedCall:1", check_shape=(64, 128, 96)),
}
