"""A request's file under a name every reader accepts, whatever bytes its real name holds."""
import base64
import contextlib
import os
import tempfile


@contextlib.contextmanager
def readable_path(request):
    """Yields a str path to the request's file. A name that is not UTF-8 comes as `path_b64` (protocol 3):
    Essentia's loaders take only str names they pass on as UTF-8, so such a file is reached through a
    symlink with an ASCII name (keeping the extension, which FFmpeg may go by), removed afterwards."""
    encoded = request.get("path_b64")
    if not encoded:
        yield request["path"]
        return
    with tempfile.TemporaryDirectory(prefix="tonearm-name-") as folder:
        link = os.path.join(folder, "track" + os.path.splitext(request["path"])[1])
        os.symlink(base64.b64decode(encoded), os.fsencode(link))
        yield link
