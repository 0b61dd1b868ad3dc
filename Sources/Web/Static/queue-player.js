// One player for a whole list: the bar of queue-player.mustache plays tracks in order through its
// single <audio>, moving on when a track ends.
//
// Lists: any [data-queue] container. Its tracks are the elements carrying data-track-id and
// data-audio (data-name for the bar, else their text). They are read when playback starts and again
// at every step, so rows another module replaces (the playlists table body) still play on. A
// button.play inside a track starts the list there, or pauses it when that track is playing.
// Keys, unless typing in a field: space play/pause, n next, p previous.
// The playing track's elements get the class "playing" and aria-current="true".
//
// For other modules:
//   import { playIds } from "/static/js/queue-player.js"   or   window.tonearmQueue.playIds
//   playIds(tracks, start = 0)   tracks: [{id, audio, name}]; plays them in order from index start.
//   window.tonearmQueue also has next(), previous(), toggle() and current() ({id, audio, name} or null).

const bar = document.getElementById("queue-player");
const audio = document.getElementById("queue-audio");
const now = document.getElementById("queue-now");
const toggleButton = document.getElementById("queue-toggle");
const shuffleButton = document.getElementById("queue-shuffle");

const trackSelector = "[data-track-id][data-audio]";
// Where the queue's tracks come from: a [data-queue] container (re-read at each step) or a fixed list.
let source = null;
let playing = null;
let shuffled = false;
// Tracks played since the queue started, for shuffle's "not yet played" and its way back.
let history = [];

function trackOf(element) {
  const name = element.dataset.name || element.textContent.trim();
  return { id: element.dataset.trackId, audio: element.dataset.audio, name };
}

function tracks() {
  if (source instanceof Element) return [...source.querySelectorAll(trackSelector)].map(trackOf);
  return source ?? [];
}

function indexOfPlaying(list) {
  return playing ? list.findIndex(track => track.id === playing.id) : -1;
}

function play(track) {
  playing = track;
  history.push(track.id);
  audio.src = track.audio;
  audio.play().catch(() => {}); // a refused autoplay leaves the bar paused, the user presses play
  showPlaying();
}

function showPlaying() {
  const list = tracks();
  const position = indexOfPlaying(list);
  const place = position < 0 ? "" : `${position + 1}/${list.length} · `;
  const text = playing ? place + playing.name : "Nothing playing: press ▶ on a track.";
  // Unchanged text is not rewritten: the rewrite itself would wake the observer below again.
  if (now.textContent !== text) now.textContent = text;
  for (const element of document.querySelectorAll(`[data-queue] .playing`)) {
    element.classList.remove("playing");
    element.removeAttribute("aria-current");
  }
  if (!playing) return;
  for (const element of document.querySelectorAll(`[data-queue] ${trackSelector}`)) {
    if (element.dataset.trackId !== playing.id) continue;
    element.classList.add("playing");
    element.setAttribute("aria-current", "true");
  }
}

function stop() {
  audio.pause();
  audio.removeAttribute("src");
  audio.load();
  playing = null;
  showPlaying();
}

export function next() {
  const list = tracks();
  if (shuffled) {
    const unplayed = list.filter(track => !history.includes(track.id));
    if (unplayed.length) play(unplayed[Math.floor(Math.random() * unplayed.length)]);
    else stop();
    return;
  }
  const following = list[indexOfPlaying(list) + 1];
  if (following) play(following);
  else stop();
}

export function previous() {
  const list = tracks();
  if (shuffled) {
    history.pop();
    const back = list.find(track => track.id === history.pop());
    if (back) play(back);
    else if (playing) play(playing);
    return;
  }
  const position = indexOfPlaying(list);
  const before = list[Math.max(position - 1, 0)];
  if (before) play(before);
}

export function toggle() {
  if (!playing) {
    const first = document.querySelector(`[data-queue] ${trackSelector}`);
    if (first) startAt(first.closest("[data-queue]"), first);
    return;
  }
  if (audio.paused) audio.play().catch(() => {});
  else audio.pause();
}

export function playIds(list, start = 0) {
  source = list.map(({ id, audio, name }) => ({ id: String(id), audio, name }));
  history = [];
  if (source[start]) play(source[start]);
}

function startAt(container, element) {
  source = container;
  history = [];
  play(trackOf(element));
}

function typing(target) {
  return target instanceof Element && (target.isContentEditable || target.matches("input, textarea, select"));
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (event.key === " ") {
    // Space on a focused button or link activates it, as everywhere else.
    if (event.target instanceof Element && event.target.closest("button, a, audio, summary")) return;
    event.preventDefault();
    toggle();
  } else if (event.key === "n") {
    next();
  } else if (event.key === "p") {
    previous();
  }
}

function onClick(event) {
  const button = event.target.closest("[data-queue] button.play");
  if (!button) return;
  const element = button.closest(trackSelector);
  if (!element) return;
  if (playing && element.dataset.trackId === playing.id && element.closest("[data-queue]") === source) toggle();
  else startAt(element.closest("[data-queue]"), element);
}

if (bar && audio) {
  document.documentElement.classList.add("queue-on", "queue-paused");
  bar.hidden = false;
  audio.addEventListener("ended", next);
  audio.addEventListener("error", () => { if (playing) next(); });
  audio.addEventListener("play", () => {
    document.documentElement.classList.remove("queue-paused");
    toggleButton.textContent = "❚❚";
    toggleButton.setAttribute("aria-label", "Pause");
  });
  audio.addEventListener("pause", () => {
    document.documentElement.classList.add("queue-paused");
    toggleButton.textContent = "▶";
    toggleButton.setAttribute("aria-label", "Play");
  });
  toggleButton.addEventListener("click", toggle);
  document.getElementById("queue-next").addEventListener("click", next);
  document.getElementById("queue-previous").addEventListener("click", previous);
  shuffleButton.addEventListener("click", () => {
    shuffled = !shuffled;
    shuffleButton.setAttribute("aria-pressed", String(shuffled));
    history = playing ? [playing.id] : [];
  });
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  // Rows replaced under a playing queue get their highlight back.
  new MutationObserver(() => { if (playing) showPlaying(); })
    .observe(document.body, { childList: true, subtree: true });
  window.tonearmQueue = { playIds, next, previous, toggle, current: () => playing };
}
