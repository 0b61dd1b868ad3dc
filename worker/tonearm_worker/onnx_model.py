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

    def __call__(self, batch):
        return self._session.run(None, {self._input: np.ascontiguousarray(batch, dtype=np.float32)})[0]
