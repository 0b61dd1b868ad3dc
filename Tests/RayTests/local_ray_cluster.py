"""A throwaway Ray cluster on this machine for tests and benchmarks: a head and N worker nodes.

Run it inside a private network namespace with only loopback up (Ray advertises the machine's routable
address otherwise). It prints one JSON line {"address", "nodes": [{"pids": [...]}, ...]} (node 0 is the
head), then obeys lines on stdin: `kill I` kills every process of worker node I by PID (a node dying),
`rss` prints each node's resident memory, end of input shuts the cluster down by PID. Never `ray stop`.
"""
import argparse
import json
import os
import signal
import sys

from ray.cluster_utils import Cluster

# Node death noticed in ~2.5 s instead of ~15 s, so a test does not wait on it.
FAST_HEALTH_CHECKS = {"health_check_initial_delay_ms": 0, "health_check_period_ms": 500,
                      "health_check_timeout_ms": 500, "health_check_failure_threshold": 3}


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--head-cpus", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-cpus", type=int, default=1)
    parser.add_argument("--object-store-mb", type=int, default=100)
    return parser.parse_args()


def node_pids(node):
    """The node's Ray daemons and every process they started (its actors' worker processes)."""
    roots = {info.process.pid for infos in node.all_processes.values() for info in infos}
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), list(roots)
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return sorted(found)


def resident_bytes(pid):
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def main():
    args = parse_args()
    store = args.object_store_mb * 2**20
    cluster = Cluster(initialize_head=True, head_node_args={
        "num_cpus": args.head_cpus, "object_store_memory": store, "include_dashboard": False,
        "_system_config": FAST_HEALTH_CHECKS})
    workers = [cluster.add_node(num_cpus=args.worker_cpus, object_store_memory=store) for _ in range(args.workers)]
    cluster.wait_for_nodes()
    nodes = [cluster.head_node] + workers
    print(json.dumps({"address": cluster.address, "nodes": [{"pids": node_pids(node)} for node in nodes]}), flush=True)
    for line in sys.stdin:
        command = line.split()
        if command[:1] == ["kill"]:
            node = workers[int(command[1])]
            for pid in node_pids(node):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            cluster.remove_node(node, allow_graceful=False)
            print(json.dumps({"killed": int(command[1])}), flush=True)
        elif command[:1] == ["rss"]:
            print(json.dumps({"rss": [sum(resident_bytes(pid) for pid in node_pids(node)) for node in nodes]}), flush=True)
    cluster.shutdown()


if __name__ == "__main__":
    main()
