"""One ONNX Runtime session on a verified conversion, with a fixed thread budget."""
import functools

import numpy as np
import onnxruntime


@functools.cache
def _register_shared_arena():
    """One memory arena for every session of the process. Each session's own arena keeps its largest
    activations for good; with MusiCNN cut in two (shared_frontend.py) beside EffNet and the heads, that held
    20-70 MiB more at peak than one arena all of them reuse (measured in-process on 16 previews)."""
    memory = onnxruntime.OrtMemoryInfo("Cpu", onnxruntime.OrtAllocatorType.ORT_ARENA_ALLOCATOR, 0,
                                       onnxruntime.OrtMemType.DEFAULT)
    onnxruntime.create_and_register_allocator(memory, onnxruntime.OrtArenaCfg(0, -1, -1, -1))


class OnnxModel:
    def __init__(self, path, threads):
        _register_shared_arena()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.use_env_allocators", "1")
        self._session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name

    @property
    def fixed_batch(self):
        """The batch the graph is frozen with (a bs64 graph converted as is), None when it takes any."""
        first = self._session.get_inputs()[0].shape[0]
        return first if isinstance(first, int) else None

    def __call__(self, batch):
        """The first output for a batch of the first input."""
        return self.outputs({self._input: batch})[0]

    def outputs(self, inputs):
        """Every output, in the graph's order, for the inputs by name."""
        return self._session.run(None, {name: np.ascontiguousarray(value, dtype=np.float32)
                                        for name, value in inputs.items()})
