// The range syntax of Sources/Playlists/ValueRange.swift, so what a slider writes is what the server
// reads: "120-128", "0.6-" (at least), "-0.3" (at most); negative bounds keep their sign ("-20--8");
// a single number means exactly that value. Open ends are null.

// null when the text is not a range; the server words the error.
export function parseRange(text) {
  const trimmed = text.trim();
  if (trimmed === "") return { lower: null, upper: null };
  const number = part => (part === "" ? null : Number(part));
  // The separator is the first dash that follows a digit or a point.
  const separator = [...trimmed].findIndex((character, index) => index > 0 && character === "-" && /[0-9.]/.test(trimmed[index - 1]));
  let lower, upper;
  if (separator > 0) {
    [lower, upper] = [number(trimmed.slice(0, separator)), number(trimmed.slice(separator + 1))];
  } else if (trimmed.startsWith("-")) {
    [lower, upper] = [null, number(trimmed.slice(1))];
  } else {
    lower = upper = number(trimmed);
  }
  const valid = value => value === null || Number.isFinite(value);
  if (!valid(lower) || !valid(upper) || (lower === null && upper === null)) return null;
  if (lower !== null && upper !== null && lower > upper) return null;
  return { lower, upper };
}

export function formatRange(lower, upper) {
  if (lower === null && upper === null) return "";
  if (lower !== null && upper !== null && lower === upper) return String(lower);
  return `${lower ?? ""}-${upper ?? ""}`;
}
