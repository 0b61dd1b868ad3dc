"""tonearm's model converter: an Essentia TensorFlow graph in, an ONNX graph verified against it out."""

# Written into every conversion record, so a cached file says which converter made it.
CONVERTER_VERSION = 3
