"""Requests on a pool of Ray actors, one request per actor at a time, replies in the order they finish.

An actor (or its node) that dies mid-track is replaced and its request retried once on another actor,
then recorded as failed, as the local pool does with a crashed worker; one that passes the per-track
timeout is killed and replaced, its request recorded as failed. Ray's own task retries stay off
(`max_task_retries=0`): they would retry a decoder-crashing file without limit and can deliver a
reply twice. This pool keeps every request by its task, so each request gets exactly one reply.
"""
import collections
import time

import ray
from ray.exceptions import RayError, RayTaskError

from .file_name import readable_path


class NoActors(Exception):
    """No actor is alive or can be placed: nothing would ever be analyzed."""


class _Flight:
    __slots__ = ("request", "attempt", "actor", "started", "limit")

    def __init__(self, request, attempt, actor, limit):
        self.request, self.attempt, self.actor, self.started = request, attempt, actor, time.monotonic()
        self.limit = limit


# TrackTimeout.secondsPerBase on the Swift side (WorkerConstantsTests holds them equal).
SECONDS_PER_TIMEOUT_BASE = 300.0


def track_limit(base, duration):
    """The local engine's rule (Sources/Analysis/TrackTimeout.swift): `base` per five minutes of audio,
    never less than `base`."""
    return base * max(1.0, duration / SECONDS_PER_TIMEOUT_BASE)


def _first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]


def failure(request, stage, message):
    return {"id": request.get("id"), "ok": False, "stage": stage, "error": message}


class ActorPool:
    def __init__(self, make_actor, timeout, startup_timeout, read_audio=None, duration_of=None):
        """`make_actor()` creates one actor; `read_audio(path)`, when given, ships the file's bytes along;
        `duration_of(path)`, when given, scales the per-track timeout with the track's duration."""
        self._make_actor = make_actor
        self._timeout = timeout
        self._duration_of = duration_of
        self._startup_timeout = startup_timeout
        self._read_audio = read_audio
        self._idle = []
        self._starting = {}  # facts() ref -> (actor, since)
        self._flights = {}  # analyze() ref -> _Flight
        self._waiting = collections.deque()  # (request, attempt)
        self.facts = []  # what every actor that became ready reported
        self.started = 0
        self.start_errors = []

    @property
    def busy(self):
        return bool(self._flights or self._waiting)

    @property
    def live_actors(self):
        return self._idle + [flight.actor for flight in self._flights.values()]

    def start(self, count):
        for _ in range(count):
            self._spawn()

    def wait_ready(self, first_timeout, rest_timeout=30):
        """Blocks until one actor has loaded its models (then a little longer for the rest, started at the
        same time); the others join when ready. Raises NoActors if none could."""
        refs = list(self._starting)
        ready, _ = ray.wait(refs, num_returns=1, timeout=first_timeout)
        if ready:
            ready, _ = ray.wait(refs, num_returns=len(refs), timeout=rest_timeout)
        for ref in ready:
            self._settle_start(ref)
        if not self._idle:
            raise NoActors(self.start_errors[0] if self.start_errors
                           else f"no actor was placed within {first_timeout:g} s (not enough free CPU or memory?)")

    def submit(self, request):
        self._waiting.append((request, 1))

    def poll(self, wait_seconds):
        """Replies that arrived within `wait_seconds` (or sooner), each request's at most once."""
        replies = self._dispatch()
        refs = list(self._flights) + list(self._starting)
        ready = []
        if refs and ray.wait(refs, num_returns=1, timeout=wait_seconds)[0]:
            ready, _ = ray.wait(refs, num_returns=len(refs), timeout=0)
        for ref in ready:
            if ref in self._flights:
                replies += self._land(ref)
            else:
                self._settle_start(ref)
        replies += self._expire()
        self._check_alive()
        return replies + self._dispatch()

    def _dispatch(self):
        replies = []
        while self._idle and self._waiting:
            request, attempt = self._waiting.popleft()
            args = (request,)
            with readable_path(request) as path:
                if self._read_audio is not None:
                    try:
                        args += (self._read_audio(path),)
                    except OSError as error:
                        replies.append(failure(request, "decode", f"cannot read the file: {error.strerror or error}"))
                        continue
                duration = self._duration_of(path) if self._duration_of else 0
            actor = self._idle.pop()
            self._flights[actor.analyze.remote(*args)] = _Flight(request, attempt, actor,
                                                                  track_limit(self._timeout, duration))
        return replies

    def _land(self, ref):
        flight = self._flights.pop(ref)
        try:
            reply = ray.get(ref)
        except RayTaskError as error:  # the analysis code raised: the actor itself is fine
            self._idle.append(flight.actor)
            return [failure(flight.request, "worker", _first_line(error))]
        except RayError as error:  # the actor, its worker process or its node is gone
            self._replace(flight.actor)
            if flight.attempt == 1:
                self._waiting.appendleft((flight.request, 2))
                return []
            return [failure(flight.request, "worker", f"Ray actor lost twice on this track: {_first_line(error)}")]
        self._idle.append(flight.actor)
        reply["id"] = flight.request.get("id")
        return [reply]

    def _expire(self):
        now, replies = time.monotonic(), []
        for ref, flight in list(self._flights.items()):
            if now - flight.started > flight.limit:
                del self._flights[ref]
                self._replace(flight.actor)
                replies.append(failure(flight.request, "worker", f"timed out after {flight.limit:g} s; worker killed"))
        return replies

    def _spawn(self):
        actor = self._make_actor()
        self._starting[actor.facts.remote()] = (actor, time.monotonic())
        self.started += 1

    def _replace(self, actor):
        ray.kill(actor, no_restart=True)
        self._spawn()

    def _settle_start(self, ref):
        actor, _ = self._starting.pop(ref)
        try:
            self.facts.append(ray.get(ref))
        except RayError as error:
            self.start_errors.append(_first_line(error))
            return
        self._idle.append(actor)

    def _check_alive(self):
        """Replacements wait for room (a dead node's CPUs are gone); with no live actor that is a dead end."""
        if self.live_actors or not self.busy:
            return
        now = time.monotonic()
        if not self._starting or all(now - since > self._startup_timeout for _, since in self._starting.values()):
            raise NoActors(self.start_errors[-1] if self.start_errors else "every Ray actor was lost and none "
                           f"could be placed again within {self._startup_timeout:g} s")
