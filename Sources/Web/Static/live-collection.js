// Keeps the header's analysis state current while `analyze` runs beside `serve`: polls
// /api/collection and, when the collection grew, offers a reload of the page.
// Exposes nothing; it only touches #analysis-state in the header.
import { fetchJSON } from "/static/js/api.js";

const state = document.getElementById("analysis-state");
const pollMilliseconds = 5000;

if (state) {
  let first = null;
  const notice = document.createElement("a");
  notice.href = location.href;
  notice.id = "new-tracks";
  notice.hidden = true;
  state.after(" ", notice);

  async function poll() {
    try {
      const facts = await fetchJSON("/api/collection");
      first ??= facts;
      const { analyzed, pending, failed } = facts.state;
      state.textContent = `${analyzed} analyzed · ${pending} pending · ${failed} failed`;
      const added = facts.trackCount - first.trackCount;
      notice.hidden = added <= 0;
      notice.textContent = `${added} new track${added === 1 ? "" : "s"} — refresh`;
    } catch {
      // The server may be restarting; the next poll tries again.
    }
    setTimeout(poll, pollMilliseconds);
  }
  poll();
}
