"""A piece as timed notes per General MIDI channel, written to a Standard MIDI File with mido.

Times are in beats of the labelled tempo, so the tempo label is exact by construction. Tuning is a
pitch bend on every melodic channel (General MIDI's default bend range is ±2 semitones).
"""
from dataclasses import dataclass, field

import mido

TICKS_PER_BEAT = 480
DRUM_CHANNEL = 9


@dataclass
class Song:
    bpm: float
    programs: dict = field(default_factory=dict)  # channel -> GM program (0-based)
    notes: list = field(default_factory=list)  # (start beat, length in beats, channel, pitch, velocity)

    def add(self, start, length, channel, pitch, velocity):
        if 0 <= pitch <= 127 and length > 0:
            self.notes.append((start, length, channel, int(pitch), max(1, min(127, int(velocity)))))

    def write(self, path, cents=0.0, reverb=40, jitter=None):
        """`jitter(start) -> beats` humanizes onsets; `reverb` is CC 91 (0-127) on every channel."""
        track = mido.MidiTrack()
        events = [(0, mido.MetaMessage("set_tempo", tempo=round(60_000_000 / self.bpm)))]
        bend = max(-8192, min(8191, round(cents / 200 * 8192)))
        for channel in sorted(set(self.programs) | {DRUM_CHANNEL}):
            events.append((0, mido.Message("control_change", channel=channel, control=91, value=reverb)))
            if channel != DRUM_CHANNEL:
                events.append((0, mido.Message("program_change", channel=channel, program=self.programs.get(channel, 0))))
                events.append((0, mido.Message("pitchwheel", channel=channel, pitch=bend)))
        for start, length, channel, pitch, velocity in self.notes:
            onset = max(0.0, start + (jitter(start) if jitter else 0.0))
            on = round(onset * TICKS_PER_BEAT)
            off = max(on + 1, round((onset + length) * TICKS_PER_BEAT))
            events.append((on, mido.Message("note_on", channel=channel, note=pitch, velocity=velocity)))
            events.append((off, mido.Message("note_off", channel=channel, note=pitch, velocity=0)))
        # Note-offs before note-ons at the same tick, so a repeated pitch is re-struck, not cut.
        events.sort(key=lambda e: (e[0], 0 if e[1].type in ("set_tempo", "control_change", "program_change",
                                                            "pitchwheel") else 1 if e[1].type == "note_off" else 2))
        now = 0
        for tick, message in events:
            track.append(message.copy(time=tick - now))
            now = tick
        midi = mido.MidiFile(ticks_per_beat=TICKS_PER_BEAT)
        midi.tracks.append(track)
        midi.save(path)
