// Draws the charts described in #report-charts (see ChartSpec.swift) with Chart.js.
// Each canvas then records what it drew: data-elements (bars or points) and data-ink (opaque pixels
// inside the plot area once the data is drawn, which gridlines alone never reach), and finally
// data-rendered, so a headless browser can check from the DOM that every chart really rendered.
(function () {
  "use strict";
  const specs = JSON.parse(document.getElementById("report-charts").textContent);

  Chart.defaults.font.size = 14;
  Chart.defaults.color = "#222";
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const drawnDataMarker = {
    id: "drawnDataMarker",
    afterDatasetsDraw(chart) {
      const area = chart.chartArea;
      const ratio = chart.currentDevicePixelRatio;
      const width = Math.max(1, Math.floor((area.right - area.left) * ratio));
      const height = Math.max(1, Math.floor((area.bottom - area.top) * ratio));
      const pixels = chart.ctx.getImageData(area.left * ratio, area.top * ratio, width, height).data;
      let ink = 0;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) {
        if (pixels[alpha] >= 100) ink++;
      }
      const elements = chart.data.datasets.reduce((sum, _, index) => sum + chart.getDatasetMeta(index).data.length, 0);
      chart.canvas.dataset.ink = ink;
      chart.canvas.dataset.elements = elements;
    },
    afterRender(chart) {
      chart.canvas.dataset.rendered = "true";
    },
  };

  // Labels run down beside their line, so lines a few units apart (−14 and −16 LUFS) keep theirs apart.
  const referenceLines = {
    id: "referenceLines",
    afterDatasetsDraw(chart, args, options) {
      const { ctx, chartArea: area, scales } = chart;
      ctx.save();
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.font = "13px sans-serif";
      ctx.textBaseline = "bottom";
      for (const line of options.lines) {
        const x = scales.x.getPixelForValue(line.value);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        if (options.bothAxes) {
          const y = scales.y.getPixelForValue(line.value);
          ctx.moveTo(area.left, y);
          ctx.lineTo(area.right, y);
        }
        ctx.stroke();
        if (line.label) {
          ctx.save();
          ctx.translate(x + 2, area.top + 4);
          ctx.rotate(Math.PI / 2);
          const width = ctx.measureText(line.label).width;
          ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
          ctx.fillRect(-2, -1, width + 4, 16);
          ctx.fillStyle = "#000";
          ctx.fillText(line.label, 0, 14);
          ctx.restore();
        }
      }
      ctx.restore();
    },
  };

  const annotations = {
    id: "annotations",
    afterDatasetsDraw(chart, args, options) {
      const { ctx, scales } = chart;
      ctx.save();
      ctx.fillStyle = "#444";
      ctx.font = "bold 15px sans-serif";
      ctx.textAlign = "center";
      for (const note of options.notes) {
        ctx.fillText(note.text, scales.x.getPixelForValue(note.x), scales.y.getPixelForValue(note.y));
      }
      ctx.restore();
    },
  };

  function axis(title, extra) {
    return Object.assign({ title: { display: true, text: title, font: { size: 14, weight: "bold" } } }, extra);
  }

  const countAxis = { beginAtZero: true, ticks: { precision: 0 } };

  function config(spec) {
    const datasets = spec.datasets.map((set) => ({
      label: set.label,
      data: set.values || set.points,
      backgroundColor: set.color,
      borderColor: set.color,
    }));
    const plugins = {
      title: { display: true, text: spec.title, font: { size: 17 } },
      legend: { display: spec.datasets.length > 1 },
      referenceLines: { lines: spec.referenceLines, bothAxes: spec.kind === "scatter" },
      annotations: { notes: spec.annotations },
    };
    switch (spec.kind) {
      case "bar":
        return {
          type: "bar",
          data: { labels: spec.categories, datasets },
          options: { plugins, scales: { x: axis(spec.xTitle), y: axis(spec.yTitle, countAxis) } },
        };
      case "horizontalBar":
        return {
          type: "bar",
          data: { labels: spec.categories, datasets },
          options: {
            indexAxis: "y",
            plugins,
            scales: {
              x: axis(spec.xTitle, Object.assign({ stacked: spec.stacked }, countAxis)),
              y: axis(spec.yTitle, { stacked: spec.stacked }),
            },
          },
        };
      case "histogram": {
        const { lowerBound, width } = spec.bins;
        for (const set of datasets) {
          set.data = set.data.map((count, index) => ({ x: lowerBound + (index + 0.5) * width, y: count }));
          set.barPercentage = 1;
          set.categoryPercentage = 1;
          set.borderColor = "#fff";
          set.borderWidth = 1;
        }
        const upperBound = lowerBound + spec.datasets[0].values.length * width;
        plugins.tooltip = {
          callbacks: {
            title: (items) => {
              const start = items[0].raw.x - width / 2;
              return `${+start.toFixed(2)} – ${+(start + width).toFixed(2)}`;
            },
          },
        };
        return {
          type: "bar",
          data: { datasets },
          options: {
            plugins,
            scales: {
              x: axis(spec.xTitle, { type: "linear", min: lowerBound, max: upperBound, offset: false }),
              y: axis(spec.yTitle, countAxis),
            },
          },
        };
      }
      case "scatter":
        for (const set of datasets) {
          set.backgroundColor = set.borderColor + "80";
          set.pointRadius = 5;
        }
        plugins.tooltip = {
          callbacks: {
            label: (item) => `${item.raw.name} (valence ${item.raw.x.toFixed(1)}, arousal ${item.raw.y.toFixed(1)})`,
          },
        };
        return {
          type: "scatter",
          data: { datasets },
          options: {
            aspectRatio: 1,
            plugins,
            scales: {
              x: axis(spec.xTitle, { min: spec.range.min, max: spec.range.max }),
              y: axis(spec.yTitle, { min: spec.range.min, max: spec.range.max }),
            },
          },
        };
      default:
        throw new Error(`unknown chart kind ${spec.kind}`);
    }
  }

  Chart.register(drawnDataMarker, referenceLines, annotations);
  for (const spec of specs) {
    new Chart(document.getElementById(spec.id), config(spec));
  }
  document.documentElement.dataset.chartsDrawn = specs.length;
})();
