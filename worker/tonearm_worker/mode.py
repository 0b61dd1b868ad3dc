"""What `--fast` changes. DEFAULT computes exactly what plain Essentia does (bench/reference_analysis.py, and
the equality tests); FAST trades some of that for time, and every group it touches is stored marked `+fast`
(see PROTOCOL.md), so a store knows which rows it made and a default run computes them again.

FAST leaves the signal chain alone: resampling the 44.1 kHz signal linearly (libsamplerate quality 4) or
with its fastest sinc (2) instead of MonoLoader's default (1) saved 0.13 s of a 17-s clip, but moved
RhythmExtractor2013 (multifeature) by more than 4 % on 2 of 25 clips, below the shown tempo's 95 % parity.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    # Whether the embedding backbones' patches overlap by half as Essentia's predictors cut them, or lie side by side.
    overlapping_patches: bool


DEFAULT = Mode(overlapping_patches=True)
# Changes the effnet and musicnn groups (the Swift side's AnalysisMode.fastGroups); the others are the same.
FAST = Mode(overlapping_patches=False)
