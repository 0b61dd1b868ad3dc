// Each option of the key selects (tonic, scale, profile) gets its track count in the collection.
export function showKeyCounts(form, keys) {
  for (const [name, counts] of [["key", keys.tonic], ["scale", keys.scale], ["profile", keys.profile]]) {
    const byValue = new Map((counts ?? []).map(entry => [entry.value, entry.count]));
    for (const option of form.elements[name]?.options ?? []) {
      if (byValue.has(option.value)) option.textContent = `${option.textContent} (${byValue.get(option.value)})`;
    }
  }
}
