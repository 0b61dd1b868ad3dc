"""tonearm's Essentia worker: one audio file in, descriptors out. See PROTOCOL.md."""

PROTOCOL_VERSION = 4
# Bump when the signal group's computation changes, so stores recompute it.
SIGNAL_VERSION = 1
# Bump when the evidence group's computation changes, so stores recompute only it.
EVIDENCE_VERSION = 2
