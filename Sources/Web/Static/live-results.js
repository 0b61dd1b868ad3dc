// The results part of the playlists page, redrawn from /api/playlist answers: the match count, the
// download and permalink links, the table's column headers and body; more rows are fetched as the
// table's end scrolls into view, so the page never holds the whole collection. The body is replaced
// (or appended to) whole; the queue player watches the table and re-reads its rows.
import { fetchJSON } from "./api.js";

export const pageSize = 100;

export function liveResults({ onError }) {
  const table = document.getElementById("results");
  const body = table.tBodies[0];
  const count = document.getElementById("match-count");
  const end = document.createElement("p");
  end.id = "more-rows";
  end.setAttribute("aria-live", "polite");
  table.after(end);
  const noMatch = document.getElementById("no-match") ?? Object.assign(document.createElement("p"), {
    id: "no-match", textContent: "No track matches these filters.", hidden: true,
  });
  end.after(noMatch);

  // The server's page may start further down (its `page` parameter) and holds one page of rows.
  const page = Number(new URLSearchParams(location.search).get("page") ?? 1);
  let state = { query: null, next: (page - 1) * pageSize + body.rows.length, more: body.rows.length >= pageSize };
  let fixedHeaders = null;
  let loading = false;

  function link(href, text, attributes = {}) {
    return Object.assign(document.createElement("a"), { href, textContent: text }, attributes);
  }

  function showHeaders(columns) {
    const row = table.tHead.rows[0];
    // Headers before the descriptor columns (rank, track, whatever the row partial adds) stay.
    fixedHeaders ??= row.cells.length - columns.length;
    while (row.cells.length > fixedHeaders) row.deleteCell(-1);
    for (const column of columns) row.append(Object.assign(document.createElement("th"), { textContent: column }));
  }

  function showCount(answer, limit) {
    const strong = document.createElement("strong");
    strong.textContent = answer.total;
    const shown = limit && limit < answer.total ? `, the first ${limit} listed` : "";
    count.replaceChildren(strong, ` of ${answer.trackCount} tracks match${shown}. Key: ${answer.keySource}. `,
                          link(answer.m3u8, "Download M3U8", { id: "download-m3u8", download: "" }), " · ",
                          link(answer.link, "Link to this playlist", { id: "permalink" }));
  }

  async function loadMore() {
    if (loading || !state.more || !state.query) return;
    loading = true;
    const asked = state;
    end.textContent = "Loading more tracks…";
    try {
      const answer = await fetchJSON(`/api/playlist?${asked.query}&offset=${asked.next}&count=${pageSize}`);
      // The filters changed meanwhile: these rows belong to another playlist.
      if (asked !== state) return;
      body.insertAdjacentHTML("beforeend", answer.rowsHtml);
      state = { ...state, next: state.next + answer.rows.length, more: answer.rows.length === pageSize };
    } catch (error) {
      onError(error);
    } finally {
      loading = false;
      end.textContent = "";
    }
    // Still in view (a tall window): the observer only reports changes, so ask again.
    observer.unobserve(end);
    observer.observe(end);
  }
  const observer = new IntersectionObserver(entries => {
    if (entries.some(entry => entry.isIntersecting)) loadMore();
  }, { rootMargin: "600px 0px" });
  observer.observe(end);

  return {
    // The first page of `query`'s answer; `replaceRows` false keeps the rows the server rendered.
    show(answer, query, { replaceRows = true } = {}) {
      showHeaders(answer.columns);
      showCount(answer, Number(query.get("n")) || null);
      if (replaceRows) {
        body.innerHTML = answer.rowsHtml;
        state = { query, next: answer.offset + answer.rows.length, more: answer.rows.length === pageSize };
        document.getElementById("pages")?.remove();
      } else {
        state = { ...state, query };
      }
      noMatch.hidden = answer.total > 0;
      if (state.more) {
        observer.unobserve(end);
        observer.observe(end);
      }
    },
  };
}
