// The filter form as data: the query it stands for and a snapshot it can be restored from (what the
// browser's history keeps for each playlist the user went through).

// Blank fields are left out, as the server's canonical URL leaves them out.
export function formQuery(form) {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (String(value).trim() !== "") query.append(name, value);
  }
  return query;
}

// Every named field's value, the unchecked boxes included (as absent).
export function snapshot(form) {
  return [...new FormData(form)].map(([name, value]) => [name, String(value)]);
}

export function restore(form, fields) {
  const values = name => fields.filter(([field]) => field === name).map(([, value]) => value);
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") element.checked = values(element.name).includes(element.value);
    else element.value = values(element.name)[0] ?? "";
  }
}
