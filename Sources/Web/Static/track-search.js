// Type-ahead for track searches: an <input data-typeahead="PARAM"> in a GET form becomes an
// accessible combobox listing the tracks /api/search finds as you type. Arrow keys move through the
// list, Enter or a click picks a track: the browser goes to the form's page with PARAM set to the
// track's id, the current page's other parameters and the form's fields kept, the search text dropped.
// Enter with no track highlighted submits the form as without JavaScript.
import { fetchJSON } from "/static/js/api.js";

const limit = 20;
const pause = 150; // ms after the last keystroke, so typing a word sends one request, not one per letter

function enhance(input, number) {
  const form = input.form;
  const list = document.createElement("ul");
  list.id = `typeahead-${number}`;
  list.className = "typeahead";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Matching tracks");
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let timer, asked = 0, active = -1;
  const options = () => [...list.querySelectorAll("[role=option]")];

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach((option, at) => option.setAttribute("aria-selected", String(at === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  function choose(option) {
    const parameters = new URLSearchParams(location.search);
    for (const [name, value] of new FormData(form)) parameters.set(name, value);
    parameters.delete("q");
    parameters.set(input.dataset.typeahead, option.dataset.id);
    location.assign(`${new URL(form.action).pathname}?${parameters}`);
  }

  function show(answer) {
    list.replaceChildren(...answer.tracks.map((track, index) => {
      const option = document.createElement("li");
      option.id = `${list.id}-${index}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.id = track.id;
      const path = document.createElement("span");
      path.className = "path";
      path.textContent = track.path.split("/").pop();
      option.append(track.name, " ", path);
      return option;
    }));
    if (!answer.tracks.length) list.append(note("No track found — try fewer or other words."));
    if (answer.truncated) list.append(note("More tracks match: type more words."));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }

  function note(text) {
    const item = document.createElement("li");
    item.className = "note";
    item.textContent = text;
    return item;
  }

  async function search() {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!text) return close();
    try {
      const answer = await fetchJSON(`/api/search?q=${encodeURIComponent(text)}&limit=${limit}`);
      if (ticket === asked) show(answer); // an older, slower answer must not replace a newer one
    } catch (error) {
      if (ticket !== asked) return;
      list.replaceChildren(note(error.message));
      list.hidden = false;
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, pause);
  });
  input.addEventListener("keydown", event => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(options()[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  // mousedown, not click: the click would come after the input's blur has closed the list.
  list.addEventListener("mousedown", event => {
    const option = event.target.closest("[role=option]");
    if (!option) return;
    event.preventDefault();
    choose(option);
  });
  input.addEventListener("blur", close);
}

const inputs = document.querySelectorAll("input[data-typeahead]");
if (inputs.length) {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "/static/js/track-search.css";
  document.head.append(style);
}
inputs.forEach(enhance);
