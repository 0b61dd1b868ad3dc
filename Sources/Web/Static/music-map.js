// The music map: draws /api/map's points on one <canvas>, coloured by a chosen attribute; hover names a
// track (a spatial grid finds the nearest point), click plays it, a dragged box lists its tracks, plays
// them (window.tonearmQueue.playIds when the queue player is on the page, else a plain <audio>) and
// links their M3U8 download. The box form keeps working as a plain GET form.
// For tests the canvas exposes data-points (points drawn), data-view ("ox,oy,sx,sy": a map point
// (x, y) is drawn at CSS pixel (ox + x*sx, oy + y*sy) of the canvas) and data-draw-ms (the last paint).
import { fetchJSON } from "/static/js/api.js";

const canvas = document.getElementById("map-canvas");
const tooltip = document.getElementById("map-tooltip");
const legend = document.getElementById("map-legend");
const form = document.getElementById("map-form");
const bySelect = document.getElementById("map-by");
const colourSelect = document.getElementById("map-colour");
const boxInputs = ["x0", "y0", "x1", "y1"].map((name) => document.getElementById(`box-${name}`));
const PADDING = 14, CELL = 12, HOVER_RADIUS = 7, POINT = 3;

let map = null;          // the /api/map answer
let view = null;         // {ox, oy, sx, sy}
let grid = new Map();    // cell key -> indexes of the points drawn in it
let colours = [];        // one CSS colour per point
let backdrop = null;     // the drawn points, so a dragged box redraws cheaply
const names = new Map(); // track id -> {id, name, audio}

document.getElementById("map-view").hidden = false;
document.getElementById("map-colour-label").hidden = false;
document.getElementById("box-show").hidden = false;

async function load() {
  map = await fetchJSON(`/api/map?by=${encodeURIComponent(bySelect.value)}`);
  const [x0, x1] = extent(map.x), [y0, y1] = extent(map.y);
  [x0, y0, x1, y1].forEach((value, i) => { boxInputs[i].value = value.toFixed(4); });
  layout();
  paint();
}

function layout() {
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const [x0, x1] = extent(map.x), [y0, y1] = extent(map.y);
  const sx = (width - 2 * PADDING) / Math.max(x1 - x0, 1e-9);
  const sy = -(height - 2 * PADDING) / Math.max(y1 - y0, 1e-9); // y grows upwards, as on a plot
  view = { ox: PADDING - x0 * sx, oy: height - PADDING - y0 * sy, sx, sy };
  canvas.dataset.view = [view.ox, view.oy, view.sx, view.sy].join(",");
  grid = new Map();
  map.x.forEach((x, i) => {
    const key = cellKey(view.ox + x * view.sx, view.oy + map.y[i] * view.sy);
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key).push(i);
  });
}

function extent(values) {
  let low = Infinity, high = -Infinity;
  for (const value of values) { if (value < low) low = value; if (value > high) high = value; }
  return values.length ? [low, high] : [0, 1];
}

function cellKey(px, py) { return `${Math.floor(px / CELL)},${Math.floor(py / CELL)}`; }

function paint() {
  const started = performance.now();
  colours = colouring(colourSelect.value);
  const context = canvas.getContext("2d");
  const ratio = canvas.width / canvas.clientWidth;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
  let drawn = 0;
  map.x.forEach((x, i) => {
    context.fillStyle = colours[i];
    context.fillRect(view.ox + x * view.sx - POINT / 2, view.oy + map.y[i] * view.sy - POINT / 2, POINT, POINT);
    drawn += 1;
  });
  backdrop = context.getImageData(0, 0, canvas.width, canvas.height);
  canvas.dataset.points = String(drawn);
  canvas.dataset.drawMs = (performance.now() - started).toFixed(1);
}

// One colour per point and the legend that explains them.
function colouring(mode) {
  legend.replaceChildren();
  const grey = "#b0bec5";
  if (mode === "genre") {
    const palette = ["#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#d81b60",
                     "#7cb342", "#3949ab", "#fdd835", "#546e7a"];
    map.genres.slice(0, palette.length).forEach((name, i) => legendSwatch(palette[i], name));
    if (map.genres.length > palette.length) legendSwatch(grey, "other genres");
    return map.genre.map((g) => (g >= 0 && g < palette.length ? palette[g] : grey));
  }
  if (mode === "key") {
    // Hue follows the circle of fifths, so related keys look alike; minor keys are darker.
    const hue = (k) => ((k % 12) * 7 % 12) * 30;
    map.keys.forEach((name, k) => legendSwatch(`hsl(${hue(k)} 75% ${k < 12 ? 55 : 35}%)`, name));
    return map.key.map((k) => (k < 0 ? grey : `hsl(${hue(k)} 75% ${k < 12 ? 55 : 35}%)`));
  }
  if (mode === "bpm") {
    const [low, high] = extent(map.bpm.filter((b) => b !== null));
    const colour = (b) => `hsl(${240 - 240 * (b - low) / Math.max(high - low, 1e-9)} 80% 45%)`;
    legendRamp(`linear-gradient(to right, ${colour(low)}, ${colour((low + high) / 2)}, ${colour(high)})`,
               `${low.toFixed(0)} BPM`, `${high.toFixed(0)} BPM`);
    return map.bpm.map((b) => (b === null ? grey : colour(b)));
  }
  // Arousal to red, valence to blue: calm-sad dark, excited-happy bright magenta.
  const [a0, a1] = extent(map.arousal.filter((a) => a !== null));
  const [v0, v1] = extent(map.valence.filter((v) => v !== null));
  const scale = (value, low, high) => Math.round(40 + 215 * (value - low) / Math.max(high - low, 1e-9));
  legendRamp("linear-gradient(to right, rgb(40 60 40), rgb(255 60 40))", "calm", "aroused (red)");
  legendRamp("linear-gradient(to right, rgb(40 60 40), rgb(40 60 255))", "negative", "positive valence (blue)");
  return map.arousal.map((a, i) => (a === null || map.valence[i] === null ? grey
    : `rgb(${scale(a, a0, a1)} 60 ${scale(map.valence[i], v0, v1)})`));
}

function legendSwatch(colour, label) {
  const item = document.createElement("li"), swatch = document.createElement("span");
  swatch.className = "swatch";
  swatch.style.background = colour;
  item.append(swatch, label);
  legend.append(item);
}

function legendRamp(gradient, low, high) {
  const item = document.createElement("li"), ramp = document.createElement("span");
  ramp.className = "ramp";
  ramp.style.background = gradient;
  item.append(low, ramp, high);
  legend.append(item);
}

function pointer(event) {
  const rect = canvas.getBoundingClientRect();
  return { px: event.clientX - rect.left, py: event.clientY - rect.top };
}

function nearest({ px, py }) {
  let best = -1, bestDistance = HOVER_RADIUS * HOVER_RADIUS;
  const cx = Math.floor(px / CELL), cy = Math.floor(py / CELL);
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const i of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
        const ex = view.ox + map.x[i] * view.sx - px, ey = view.oy + map.y[i] * view.sy - py;
        const distance = ex * ex + ey * ey;
        if (distance <= bestDistance) { best = i; bestDistance = distance; }
      }
    }
  }
  return best;
}

// Names come on demand, a batch at a time, so /api/map stays small.
async function lookUp(ids) {
  const missing = ids.filter((id) => !names.has(id));
  for (let start = 0; start < missing.length; start += 500) {
    const batch = missing.slice(start, start + 500);
    const answer = await fetchJSON(`/api/map/tracks?ids=${batch.join(",")}`);
    for (const track of answer.tracks) names.set(track.id, track);
  }
  return ids.map((id) => names.get(id)).filter(Boolean);
}

let hovered = -1;
async function hover(position) {
  const i = nearest(position);
  if (i === hovered) return;
  hovered = i;
  if (i < 0) { tooltip.style.display = "none"; return; }
  const [track] = await lookUp([map.ids[i]]);
  if (hovered !== i || !track) return;
  tooltip.textContent = track.name;
  tooltip.style.left = `${canvas.offsetLeft + position.px + 12}px`;
  tooltip.style.top = `${canvas.offsetTop + position.py + 12}px`;
  tooltip.style.display = "block";
}

function play(tracks) {
  if (!tracks.length) return;
  if (window.tonearmQueue?.playIds) { window.tonearmQueue.playIds(tracks); return; }
  // Without the queue player: one <audio> that walks through the list.
  const audio = document.getElementById("map-audio");
  let position = 0;
  audio.onended = () => { position += 1; if (position < tracks.length) start(); };
  const start = () => { audio.src = tracks[position].audio; audio.play().catch(() => {}); };
  document.getElementById("box-result").hidden = false;
  start();
}

// The box in map coordinates, rounded once so the list and the M3U8 link select the same tracks.
function mapBox(a, b) {
  const toMap = ({ px, py }) => [(px - view.ox) / view.sx, (py - view.oy) / view.sy];
  const [ax, ay] = toMap(a), [bx, by] = toMap(b);
  const round = (value) => Number(value.toFixed(4));
  return { x0: round(Math.min(ax, bx)), x1: round(Math.max(ax, bx)), y0: round(Math.min(ay, by)), y1: round(Math.max(ay, by)) };
}

async function showBox(box) {
  boxInputs.forEach((input) => { input.value = box[input.name]; });
  const inside = map.ids.map((_, i) => i)
    .filter((i) => map.x[i] >= box.x0 && map.x[i] <= box.x1 && map.y[i] >= box.y0 && map.y[i] <= box.y1)
    .sort((i, j) => map.x[i] - map.x[j] || map.ids[i] - map.ids[j]);
  const tracks = await lookUp(inside.map((i) => map.ids[i]));
  const list = document.getElementById("box-tracks");
  list.replaceChildren(...tracks.map((track) => {
    const item = document.createElement("li"), button = document.createElement("button");
    item.dataset.trackId = track.id;
    item.dataset.audio = track.audio;
    button.type = "button";
    button.className = "play";
    button.textContent = "▶";
    button.setAttribute("aria-label", `Play ${track.name}`);
    button.addEventListener("click", () => play(tracks.slice(tracks.indexOf(track))));
    item.append(button, track.name);
    return item;
  }));
  document.getElementById("box-count").textContent = String(tracks.length);
  const query = new URLSearchParams({ by: map.by, ...box });
  document.getElementById("box-m3u8").href = `/map.m3u8?${query}`;
  document.getElementById("box-play").onclick = () => play(tracks);
  document.getElementById("box-result").hidden = false;
}

let dragStart = null;
canvas.addEventListener("pointerdown", (event) => {
  dragStart = pointer(event);
  canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener("pointermove", (event) => {
  const position = pointer(event);
  if (!dragStart) { hover(position); return; }
  const context = canvas.getContext("2d");
  context.putImageData(backdrop, 0, 0);
  context.strokeStyle = "#263238";
  context.setLineDash([4, 3]);
  context.strokeRect(dragStart.px, dragStart.py, position.px - dragStart.px, position.py - dragStart.py);
});
canvas.addEventListener("pointerup", async (event) => {
  const start = dragStart, end = pointer(event);
  dragStart = null;
  if (!start) return;
  canvas.getContext("2d").putImageData(backdrop, 0, 0);
  if (Math.hypot(end.px - start.px, end.py - start.py) < 4) {
    const i = nearest(end);
    if (i >= 0) play(await lookUp([map.ids[i]]));
    return;
  }
  await showBox(mapBox(start, end));
});
canvas.addEventListener("pointerleave", () => { hovered = -1; tooltip.style.display = "none"; });

document.getElementById("box-show").addEventListener("click", () => {
  const [x0, y0, x1, y1] = boxInputs.map((input) => Number(input.value));
  showBox({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
});
bySelect.addEventListener("change", load);
colourSelect.addEventListener("change", paint);

load().catch((error) => {
  document.getElementById("map-intro").textContent = `The map could not be loaded: ${error.message}`;
});
