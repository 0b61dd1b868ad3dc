"""One ONNX Runtime session on a verified conversion: one input, one output, a fixed thread budget."""
import numpy as np
import onnxruntime


class OnnxModel:
    def __init__(self, path, threads):
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name

    @property
    def fixed_batch(self):
        """The batch the graph is frozen with (a bs64 graph converted as is), None when it takes any."""
        first = self._session.get_inputs()[0].shape[0]
        return first if isinstance(first, int) else None

    def __call__(self, batch):
        return self._session.run(None, {self._input: np.ascontiguousarray(batch, dtype=np.float32)})[0]
