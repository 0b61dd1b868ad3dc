// A histogram as inline SVG bars: the whole collection's in grey, the current matches' drawn over
// them, both on the collection's scale so the highlighted part reads as a share of it.
const svg = "http://www.w3.org/2000/svg";

export function histogram(bins, label) {
  const element = document.createElementNS(svg, "svg");
  const peak = Math.max(1, ...bins);
  element.setAttribute("viewBox", `0 0 ${bins.length} ${peak}`);
  element.setAttribute("preserveAspectRatio", "none");
  element.setAttribute("class", "histogram");
  element.setAttribute("role", "img");
  element.setAttribute("aria-label", label);
  const bars = className => bins.map((count, index) => {
    const bar = document.createElementNS(svg, "rect");
    bar.setAttribute("class", className);
    bar.setAttribute("x", index);
    bar.setAttribute("width", 1);
    element.append(bar);
    return bar;
  });
  const setHeights = (rects, counts) => rects.forEach((bar, index) => {
    bar.setAttribute("y", peak - counts[index]);
    bar.setAttribute("height", counts[index]);
  });
  setHeights(bars("all"), bins);
  const matched = bars("matched");
  return {
    element,
    showMatched(counts) {
      setHeights(matched, counts ?? bins.map(() => 0));
    },
  };
}
