"""Entry point of the Ray engine: `python -m tonearm_worker.ray_driver --address HEAD:6379 --model ROLE=PATH ...`.

Speaks the worker protocol (version 3) on stdin/stdout like one worker with `capacity` requests in flight,
answered out of order, and runs them on a pool of Ray actors, one Analyzer each, sized from the
cluster's CPUs (`--jobs` caps it). See PROTOCOL.md.
"""
import argparse
import json
import logging
import queue
import socket
import sys
import threading
import time

from .hello import ready_message
from .quiet import die_with_parent, protocol_stream
from .startup import add_model_arguments, model_paths, send

# Each actor may hold a request queued behind the one it runs, so no actor idles between two tracks.
REQUESTS_PER_ACTOR = 2


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="tonearm_worker.ray_driver")
    parser.add_argument("--address", required=True, help="the Ray head's GCS address, HOST:PORT")
    parser.add_argument("--jobs", type=int, help="at most this many actors (default: one per cluster CPU)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one track may take on its actor")
    parser.add_argument("--actor-memory-mb", type=int, default=1536, help="memory each actor reserves in Ray")
    parser.add_argument("--startup-timeout", type=float, default=600, help="seconds to wait for an actor's models")
    parser.add_argument("--ship-audio", action="store_true",
                        help="send each file's bytes through the object store (nodes without the shared mount)")
    add_model_arguments(parser)
    return parser.parse_args(argv)


def duration_of(path):
    """Whole seconds from the file's header (0: unknown), read here where the store's files are."""
    from .audio import probe
    return probe(path).duration


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    die_with_parent()
    out = protocol_stream()
    started = time.perf_counter()
    try:
        check_reachable(args.address)
    except OSError as error:
        return fatal(out, f"cannot reach the Ray cluster at {args.address}: {error.strerror or error} "
                          "(is `ray start --head` running there?)")
    import ray
    from .ray_actor import AnalyzerActor
    from .ray_pool import ActorPool, NoActors

    try:
        ray.init(address=args.address, log_to_driver=False, logging_level=logging.WARNING)
    except Exception as error:  # a version mismatch or a refused handshake: one line for the user
        return fatal(out, f"cannot connect to the Ray cluster at {args.address}: {str(error).splitlines()[0]}")
    cpus = int(ray.cluster_resources().get("CPU", 0))
    size = min(cpus, args.jobs) if args.jobs else cpus
    if size < 1:
        return fatal(out, f"the Ray cluster at {args.address} has no CPU for an actor")

    paths, onnx = model_paths(args)
    actor_class = ray.remote(num_cpus=1, memory=args.actor_memory_mb * 2**20,
                             max_restarts=0, max_task_retries=0)(AnalyzerActor)
    pool = ActorPool(lambda: actor_class.remote(paths, onnx, args.threads, args.fast), args.timeout, args.startup_timeout,
                     read_audio if args.ship_audio else None, duration_of)
    pool.start(size)
    try:
        pool.wait_ready(args.startup_timeout)
    except NoActors as error:
        return fatal(out, f"cannot start analysis actors on the Ray cluster: {error}")
    facts = pool.facts[0]
    capacity = REQUESTS_PER_ACTOR * size
    send(out, ready_message(facts["essentia"], facts["groups"], onnx, facts["threads"], capacity,
                            time.perf_counter() - started, fast=args.fast, actors=len(pool.facts),
                            nodes=sum(1 for node in ray.nodes() if node["Alive"]),
                            actor_load_seconds=[actor["load_seconds"] for actor in pool.facts]))
    try:
        serve(pool, read_requests(sys.stdin, capacity), out)
    except NoActors as error:
        return fatal(out, f"the Ray cluster lost every analysis actor: {error}")
    send(out, {"type": "stats", "actors_started": pool.started, "peak_resident_bytes": actor_peaks(pool)})
    return 0


def serve(pool, requests, out):
    """Until end of input and every request answered: take requests, send replies as they come."""
    ended = False
    while not ended or pool.busy:
        block = not (ended or pool.busy)
        try:
            while True:
                request = requests.get(block=block)
                block = False
                if request is None:
                    ended = True
                    break
                pool.submit(request)
        except queue.Empty:
            pass
        for reply in pool.poll(0.05):
            send(out, reply)


def read_requests(stream, capacity):
    """Requests from `stream` on a queue (None at end of input), read by a thread so replies never wait on input."""
    requests = queue.Queue(maxsize=capacity)

    def read():
        for line in stream:
            if line.strip():
                requests.put(json.loads(line))
        requests.put(None)

    threading.Thread(target=read, daemon=True).start()
    return requests


def check_reachable(address, timeout=5):
    """Ray retries an unreachable GCS for a minute; a plain TCP connect says so in seconds."""
    host, _, port = address.rpartition(":")
    socket.create_connection((host, int(port)), timeout=timeout).close()


def read_audio(path):
    with open(path, "rb") as file:
        return file.read()


def actor_peaks(pool):
    import ray
    refs = [actor.peak_resident_bytes.remote() for actor in pool.live_actors]
    ready, _ = ray.wait(refs, num_returns=len(refs), timeout=10)
    return [ray.get(ref) for ref in ready]


def fatal(out, message):
    send(out, {"type": "fatal", "error": message})
    return 2


if __name__ == "__main__":
    sys.exit(main())
