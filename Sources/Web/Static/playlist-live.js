// The playlists page, live: every filter change (slider, brush, chip, typed value, select) fetches
// /api/playlist about 150 ms later and redraws the results without reloading; the URL follows
// (replaced while a gesture goes on, one new history entry per gesture), Back restores both the
// controls and the results, and a reload gives the same playlist from the server. Without this
// module the form works as a plain GET form. `document.body.dataset.ready` is "1" once the
// collection and the first answer are drawn; `dataset.busy` is set while a change waits for its answer.
import { fetchJSON } from "./api.js";
import { formQuery, restore, snapshot } from "./form-state.js";
import { parseRange, formatRange } from "./value-range.js";
import { rangeSlider } from "./range-slider.js";
import { stylePicker } from "./style-picker.js";
import { avBrush } from "./av-brush.js";
import { showKeyCounts } from "./key-counts.js";
import { liveResults } from "./live-results.js";

const form = document.getElementById("filters");
const delay = 150;
// Decimals each filter's handles round to, and the name its slider is announced by.
const rangeFilters = {
  bpm: { decimals: 0, label: "BPM" },
  dance: { decimals: 2, label: "Danceability" },
  arousal: { decimals: 1, label: "Arousal" },
  valence: { decimals: 1, label: "Valence" },
  loudness: { decimals: 1, label: "Loudness (LUFS)" },
};

if (form && document.getElementById("results")) start().catch(showError);

function showError(error) {
  const box = document.getElementById("filter-error");
  box.textContent = error.message;
  box.hidden = false;
  // The server's message starts with the parameter it could not read ("bpm: expected …").
  const field = form.elements[error.message.split(":")[0]];
  if (field instanceof HTMLInputElement) {
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "filter-error");
  }
}

function clearError() {
  document.getElementById("filter-error").hidden = true;
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
  }
}

async function start() {
  const results = liveResults({ onError: showError });
  const collection = await fetchJSON("/api/collection");
  const sliders = {};
  for (const [name, options] of Object.entries(rangeFilters)) {
    const input = form.elements[name];
    const range = collection.ranges?.[name];
    if (input && range) sliders[name] = rangeSlider(input, range, { ...options, onMove: committed => changed(committed) });
  }
  const source = document.getElementById("bpm-source");
  if (source && collection.bpmSource) {
    source.textContent = `The BPM filter reads ${collection.bpmSource}.`;
    source.hidden = false;
  }
  const styleList = document.getElementById("styles");
  const picker = styleList && collection.styles ? stylePicker(styleList, collection, { onChange: () => changed(true) }) : null;
  if (collection.keys) showKeyCounts(form, collection.keys);
  const canvas = document.getElementById("av-canvas");
  const brush = canvas && collection.av && form.elements.arousal ? avBrush(canvas, collection.av, {
    onBrush(arousal, valence, committed) {
      form.elements.arousal.value = formatRange(arousal.lower, arousal.upper);
      form.elements.valence.value = formatRange(valence.lower, valence.upper);
      sliders.arousal?.follow();
      sliders.valence?.follow();
      changed(committed);
    },
  }) : null;
  if (brush) canvas.closest("[hidden]")?.removeAttribute("hidden");
  const showBrushSelection = () => brush?.showSelection(parseRange(form.elements.arousal.value), parseRange(form.elements.valence.value));
  showBrushSelection();

  let timer = null;
  let pendingCommit = false;
  let asked = 0, drawn = 0;
  // Whether the current history entry belongs to a gesture still going on (so it is replaced).
  let entryOpen = false;

  // Throttled rather than debounced: a long drag still updates every `delay` ms, and the last
  // position is always fetched.
  function changed(committed, { history = true } = {}) {
    clearError();
    showBrushSelection();
    pendingCommit ||= committed;
    document.body.dataset.busy = "1";
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const commit = pendingCommit;
      pendingCommit = false;
      refresh({ commit, history });
    }, delay);
  }

  async function refresh({ commit, history, replaceRows = true }) {
    const query = formQuery(form);
    const fields = snapshot(form);
    const number = ++asked;
    try {
      const answer = await fetchJSON(`/api/playlist?${query}&offset=0&count=100`);
      // An older request answering late must not undo a newer one.
      if (number < drawn) return;
      drawn = number;
      results.show(answer, query, { replaceRows });
      for (const [name, slider] of Object.entries(sliders)) slider.showMatched(answer.matched?.[name]);
      if (history) record(answer.link, fields, commit);
    } catch (error) {
      if (number >= drawn) showError(error);
    } finally {
      if (number === asked && !timer) delete document.body.dataset.busy;
    }
  }

  function record(link, fields, commit) {
    const here = location.pathname + location.search;
    if (entryOpen) window.history.replaceState({ fields }, "", link);
    else if (link !== here) window.history.pushState({ fields }, "", link);
    entryOpen = !commit && (entryOpen || link !== here);
  }

  form.addEventListener("input", event => {
    if (!event.target.name) return;
    if (event.target.name in sliders) sliders[event.target.name].follow();
    changed(event.target.type === "checkbox" || event.target.tagName === "SELECT");
  });
  // A typed value is committed when the field is left.
  form.addEventListener("change", event => {
    if (!event.target.name) return;
    if (event.target.type === "checkbox") picker?.refresh();
    changed(true);
  });
  window.addEventListener("popstate", event => {
    if (!event.state?.fields) {
      location.reload();
      return;
    }
    entryOpen = false;
    restore(form, event.state.fields);
    Object.values(sliders).forEach(slider => slider.follow());
    picker?.refresh();
    changed(true, { history: false });
  });

  window.history.replaceState({ fields: snapshot(form) }, "", location.href);
  // The first answer only adds what the server's page lacks (highlighted matches, headers); its rows stay.
  await refresh({ commit: true, history: false, replaceRows: false });
  document.body.dataset.ready = "1";
}
