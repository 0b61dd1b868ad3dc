// One range filter's text input gets a two-handle slider over the collection's own extent, with the
// collection's histogram under it. Text and slider follow each other; a handle at either end leaves
// that side open, so both handles at the ends is no filter at all (which, unlike a range covering
// everything, keeps the tracks lacking the value).
import noUiSlider from "/static/vendor/nouislider.mjs";
import { formatRange, parseRange } from "./value-range.js";
import { histogram } from "./histogram.js";

// `onMove(committed)`: the user moved a handle (committed once released).
export function rangeSlider(input, { min, max, bins }, { decimals, label, onMove }) {
  const box = document.createElement("div");
  box.className = "range-slider";
  box.dataset.filter = input.name;
  const track = document.createElement("div");
  const bars = histogram(bins, `${label} of the whole collection, ${min} to ${max}; the part in the matches highlighted`);
  box.append(track, bars.element);
  input.closest("label").after(box);
  if (!(max > min)) return { follow() {}, showMatched: bars.showMatched };

  const scale = 10 ** decimals;
  const fixed = value => Number(value.toFixed(decimals));
  const handles = () => {
    const range = parseRange(input.value);
    return range ? [range.lower ?? min, range.upper ?? max] : null;
  };
  const slider = noUiSlider.create(track, {
    start: handles() ?? [min, max],
    connect: true,
    range: { min, max },
    // Arrow keys move a handle by 1 % of the extent, Page Up/Down by 5 %.
    keyboardDefaultStep: 1,
    handleAttributes: [{ "aria-label": `${label}, lowest` }, { "aria-label": `${label}, highest` }],
    ariaFormat: { to: value => String(fixed(value)) },
  });
  // Rounded outwards, so the tracks at a handle stay in (the epsilon keeps 0.6 * 100 from flooring to 59).
  const outwards = (value, round, towards) => fixed(round(value * scale + towards * 1e-9) / scale);
  const text = ([lower, upper]) => formatRange(lower <= min ? null : outwards(lower, Math.floor, 1),
                                               upper >= max ? null : outwards(upper, Math.ceil, -1));
  const moved = committed => (values, handle, unencoded) => {
    input.value = text(unencoded);
    onMove(committed);
  };
  slider.on("slide", moved(false));
  slider.on("change", moved(true));
  return {
    // After the text changed by hand (typing, history): handles to it; text that is not a range leaves them.
    follow() {
      const values = handles();
      if (values) slider.set(values, false);
    },
    showMatched: bars.showMatched,
  };
}
