"""Keep the protocol channel clean: Essentia and TensorFlow print to the C-level stdout."""
import ctypes
import os
import signal
import sys


def protocol_stream():
    """Returns a text stream on the real stdout and points fd 1 at stderr for everyone else."""
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(protocol_fd, "w", buffering=1, encoding="utf-8")


def die_with_parent():
    """Linux: get SIGKILL when the spawning process dies, so no worker outlives a killed run."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def limit_threads(threads):
    """Caps the model runtimes' threads to `threads` and to the cores this process may run on (a worker pinned
    to one core must not run two spinning threads); returns the cap. Must run before TensorFlow loads."""
    threads = max(1, min(threads, len(os.sched_getaffinity(0))))
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["TF_NUM_INTRAOP_THREADS"] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = str(threads)
    return threads
