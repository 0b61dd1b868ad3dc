// The collection's arousal × valence density on a canvas (valence across, arousal up, as in the
// circumplex model of emotion the ratings come from); dragging a rectangle on it sets both ranges.
// A click without dragging clears them. The same ranges have sliders, which is the keyboard's way.

// `av`: /api/collection's `av`; `onBrush(arousal, valence, committed)` gets the ranges as {lower, upper}.
export function avBrush(canvas, av, { onBrush }) {
  const context = canvas.getContext("2d");
  const { size, grid } = av;
  const peak = Math.max(1, ...grid);
  let selection = null;
  let drag = null;

  const toValue = (fraction, extent) => extent.min + fraction * (extent.max - extent.min);
  const toFraction = (value, extent) => (value - extent.min) / (extent.max - extent.min);
  const point = event => {
    const box = canvas.getBoundingClientRect();
    const clamp = value => Math.min(1, Math.max(0, value));
    return { x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) };
  };
  const ranges = (from, to) => {
    const round = value => Number(value.toFixed(1));
    const span = (a, b, extent) => ({ lower: round(toValue(Math.min(a, b), extent)), upper: round(toValue(Math.max(a, b), extent)) });
    // Arousal grows upwards, the canvas's y downwards.
    return { arousal: span(1 - from.y, 1 - to.y, av.arousal), valence: span(from.x, to.x, av.valence) };
  };

  function draw() {
    const { width, height } = canvas;
    context.clearRect(0, 0, width, height);
    const cell = { width: width / size, height: height / size };
    grid.forEach((count, index) => {
      if (count === 0) return;
      const row = Math.floor(index / size), column = index % size;
      // Square-root shading, so single tracks stay visible beside dense clusters.
      context.fillStyle = `rgba(0, 105, 92, ${0.15 + 0.85 * Math.sqrt(count / peak)})`;
      context.fillRect(column * cell.width, height - (row + 1) * cell.height, cell.width, cell.height);
    });
    if (!selection) return;
    const x = value => toFraction(value, av.valence) * width;
    const y = value => (1 - toFraction(value, av.arousal)) * height;
    const left = x(selection.valence.lower ?? av.valence.min), right = x(selection.valence.upper ?? av.valence.max);
    const top = y(selection.arousal.upper ?? av.arousal.max), bottom = y(selection.arousal.lower ?? av.arousal.min);
    context.fillStyle = "rgba(255, 160, 0, 0.15)";
    context.fillRect(left, top, right - left, bottom - top);
    context.strokeStyle = "#e65100";
    context.lineWidth = 2;
    context.strokeRect(left, top, right - left, bottom - top);
  }

  canvas.addEventListener("pointerdown", event => {
    drag = { from: point(event), moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", event => {
    if (!drag) return;
    const to = point(event);
    // A few pixels of jitter is still a click.
    drag.moved ||= Math.hypot((to.x - drag.from.x) * canvas.clientWidth, (to.y - drag.from.y) * canvas.clientHeight) > 3;
    if (!drag.moved) return;
    const { arousal, valence } = ranges(drag.from, to);
    onBrush(arousal, valence, false);
  });
  canvas.addEventListener("pointerup", event => {
    if (!drag) return;
    const empty = { lower: null, upper: null };
    const { arousal, valence } = drag.moved ? ranges(drag.from, point(event)) : { arousal: empty, valence: empty };
    drag = null;
    onBrush(arousal, valence, true);
  });
  canvas.addEventListener("pointercancel", () => { drag = null; });

  draw();
  return {
    // The ranges the filters now hold (null: not a range); the rectangle follows them.
    showSelection(arousal, valence) {
      const open = range => !range || (range.lower === null && range.upper === null);
      selection = open(arousal) && open(valence) ? null
        : { arousal: arousal ?? { lower: null, upper: null }, valence: valence ?? { lower: null, upper: null } };
      draw();
    },
  };
}
