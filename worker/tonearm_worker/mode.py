"""What `--fast` changes. DEFAULT computes exactly what plain Essentia does (bench/reference_analysis.py, and
the equality tests); FAST trades some of that for time, and every group it touches is stored marked `+fast`
(see PROTOCOL.md), so a store knows which rows it made and a default run computes them again.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    # libsamplerate quality of the mono 44.1 kHz signal rhythm and key read (1: MonoLoader's default; 4: linear).
    signal_resample_quality: int
    # Whether the embedding backbones' patches overlap by half as Essentia's predictors cut them, or lie side by side.
    overlapping_patches: bool


DEFAULT = Mode(signal_resample_quality=1, overlapping_patches=True)
# Changes the signal, evidence, effnet and musicnn groups (the Swift side's AnalysisMode.fastGroups);
# tempocnn and tags are the same in both modes.
FAST = Mode(signal_resample_quality=4, overlapping_patches=False)
