// The style checkboxes become a picker: each style shows how many tracks of the collection carry it
// (and the list puts the common ones first), the chosen styles sit above as removable chips, and
// each parent genre is a quick pick that chooses (or drops) all of its styles at once.
// The checkboxes stay the form's fields, so the plain form and the search above them keep working.

// `onChange()`: the choice changed by a chip or a quick pick (not by a checkbox, which the form sees).
export function stylePicker(list, { styles, parents }, { onChange }) {
  const counts = new Map(styles.map(style => [style.name, style.count]));
  const boxes = [...list.querySelectorAll("input[type=checkbox]")];
  const parentOf = name => name.split("---")[0];
  const childrenOf = parent => boxes.filter(box => parentOf(box.value) === parent);

  for (const box of boxes) {
    const count = counts.get(box.value) ?? 0;
    // Shown by CSS, so the label's text stays the style's name (the search matches names).
    box.parentElement.dataset.count = count;
    box.parentElement.classList.toggle("empty", count === 0);
  }
  const order = [...boxes].sort((a, b) => (b.checked - a.checked) || ((counts.get(b.value) ?? 0) - (counts.get(a.value) ?? 0))
    || a.value.localeCompare(b.value));
  list.append(...order.map(box => box.parentElement));

  const chips = document.createElement("ul");
  chips.className = "chips";
  chips.id = "style-chips";
  chips.setAttribute("aria-label", "Chosen styles");
  const picks = document.createElement("div");
  picks.className = "parent-picks";
  picks.id = "parent-picks";
  picks.setAttribute("role", "group");
  picks.setAttribute("aria-label", "Parent genres: choose all of their styles");
  const pickButtons = parents.filter(parent => childrenOf(parent.name).length > 0).map(parent => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.parent = parent.name;
    button.textContent = `${parent.name} (${parent.count})`;
    button.addEventListener("click", () => {
      const children = childrenOf(parent.name);
      const choose = !children.every(box => box.checked);
      for (const box of children) box.checked = choose;
      refresh();
      onChange();
    });
    return button;
  });
  picks.append(...pickButtons);
  const search = list.parentElement.querySelector("#style-search") ?? list;
  search.before(picks, chips);

  function chip(label, remove) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `${label} ×`;
    button.setAttribute("aria-label", `Remove ${label}`);
    button.addEventListener("click", () => {
      const next = item.nextElementSibling?.querySelector("button") ?? item.previousElementSibling?.querySelector("button");
      remove();
      refresh();
      onChange();
      (next ?? search).focus();
    });
    item.append(button);
    return item;
  }

  // Redraws the chips and the quick picks' state from the checkboxes.
  function refresh() {
    const chosen = boxes.filter(box => box.checked);
    const whole = new Set(pickButtons.map(button => button.dataset.parent)
      .filter(parent => childrenOf(parent).every(box => box.checked)));
    for (const button of pickButtons) button.setAttribute("aria-pressed", whole.has(button.dataset.parent));
    const items = [...whole].map(parent => chip(`${parent} (all styles)`, () => childrenOf(parent).forEach(box => { box.checked = false; })))
      .concat(chosen.filter(box => !whole.has(parentOf(box.value))).map(box => chip(box.value, () => { box.checked = false; })));
    chips.replaceChildren(...items);
  }

  refresh();
  return { refresh };
}
