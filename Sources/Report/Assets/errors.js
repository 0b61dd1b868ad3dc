// Runs before anything else on the page: every script error, rejected promise and console
// error or warning is also written to the root element's data-console-errors attribute,
// where a headless browser's DOM dump (and a curious reader's inspector) can see it.
(function () {
  "use strict";
  const errors = [];
  function record(message) {
    errors.push(String(message));
    document.documentElement.setAttribute("data-console-errors", errors.join("\n"));
  }
  window.addEventListener("error", (event) => record(event.message));
  window.addEventListener("unhandledrejection", (event) => record(event.reason));
  for (const level of ["error", "warn"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      record(args.join(" "));
      original(...args);
    };
  }
})();
