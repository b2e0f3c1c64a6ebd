/* global fetch, setTimeout, clearTimeout, URLSearchParams, history, location -- browser globals */
// The search UI of the /search/ page, over Pagefind's JavaScript API: the
// one script of the site, loaded by that page alone (every other page is
// plain HTML and links here). Its script tag's data-* attributes say where
// the rest is. The reader's query goes through prepareQuery() from words.js,
// the code the build prepared the index with; result text comes back through
// decodeIndexText() so titles and excerpts read exactly like the pages. No
// inline styles or scripts (strict CSP).

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 150;
const FILTERS = { org: "organisation", year: "year" };
/** The date sorts: newest first lists the pages latest in the date order first. */
const SORTS = { newest: -1, oldest: 1 };
/** Beside each shard's bundle: its pages' ids from oldest to newest (src/search/dateOrder.ts). */
const DATE_ORDER_FILE = "date-order.txt";

// The further shards of a large index, as directories under Pagefind's
// bundle (shard 0 is the bundle itself): the build writes them into this line
// (src/search/browser.ts) when it indexed the documents as several shards.
const SHARDS = [];

const config = { ...document.querySelector("script[data-search-words]").dataset };
let engine = null;

function load() {
  engine ??= (async () => {
    const [pagefind, words, labels] = await Promise.all([
      import(`${config.searchPagefind}pagefind.js`),
      import(config.searchWords),
      fetch(config.searchLabels).then((response) => response.json()),
    ]);
    await pagefind.options({ excerptLength: 28 });
    // The further shards join the one runtime already loaded: its module,
    // worker and WebAssembly are fetched once, not once per shard; a search
    // is one merged search, ordered by score.
    await Promise.all(SHARDS.map((dir) => pagefind.mergeIndex(`${config.searchPagefind}${dir}`, { excerptLength: 28 })));
    await pagefind.init();
    // How many documents have each filter value, counted by the build over
    // the whole archive (labels.json): Pagefind's filters() would fetch every
    // filter file of every shard for them. A search fetches only the files
    // of the filters it uses.
    const available = labels.counts ?? {};
    return { pagefind, words, labels, available };
  })();
  return engine;
}

let dateRanks = null;

/**
 * Each page's place in the date order (page id -> rank, oldest 0), fetched
 * the first time the reader sorts by date: the shards' lists, in shard
 * order, are the archive's order, since the build cuts shards by date.
 */
function loadDateRanks() {
  dateRanks ??= Promise.all(
    ["", ...SHARDS].map((dir) => fetch(`${config.searchPagefind}${dir}${DATE_ORDER_FILE}`).then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${dir}${DATE_ORDER_FILE}: ${response.status}`))))),
  ).then((lists) => new Map(lists.flatMap((list) => list.split("\n").filter((id) => id !== "")).map((id, rank) => [id, rank])));
  return dateRanks;
}

/** Results in date order (`direction` 1: oldest first, -1: newest first); a page missing from the order comes last. */
async function sortByDate(results, direction) {
  const ranks = await loadDateRanks();
  const place = (result) => (ranks.has(result.id) ? direction * ranks.get(result.id) : Infinity);
  return [...results].sort((a, b) => place(a) - place(b));
}

// --- DOM helpers --------------------------------------------------------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function formatNumber(value) {
  // No grouping: years read 2019, not 2,019.
  return new Intl.NumberFormat(config.searchDigits === "arabic-indic" ? "ar-EG" : "ar-u-nu-latn", { useGrouping: false }).format(value);
}

const plurals = new Intl.PluralRules("ar");
const RESULT_NOUN = {
  zero: "لا نتائج",
  one: "نتيجة واحدة",
  two: "نتيجتان",
  few: "{n} نتائج",
  many: "{n} نتيجة",
  other: "{n} نتيجة",
};

function countText(count) {
  return RESULT_NOUN[plurals.select(count)].replace("{n}", formatNumber(count));
}

/** Pagefind's excerpt (index text with <mark> around matched words) as page text with <mark> elements. */
function excerptNodes(excerpt, decode) {
  const nodes = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part !== "") nodes.push(marked ? h("mark", { text: decode(part) }) : document.createTextNode(decode(part)));
  }
  return nodes;
}

// --- The panel: form, filters, results ----------------------------------

class Panel {
  constructor() {
    this.generation = 0;
    this.results = [];
    this.shown = 0;
    this.input = h("input", {
      id: "search-q",
      type: "search",
      name: "q",
      class: "search-input",
      autocomplete: "off",
      spellcheck: "false",
      enterkeyhint: "search",
      placeholder: "مثال: الاتجار بالبشر، الإنتربول، 2017",
      "aria-controls": "search-results",
    });
    this.organisation = h("select", { name: "org", id: "search-org" }, h("option", { value: "", text: "كل المنظمات" }));
    this.year = h("select", { name: "year", id: "search-year" }, h("option", { value: "", text: "كل السنوات" }));
    this.sort = h(
      "select",
      { name: "sort", id: "search-sort" },
      h("option", { value: "", text: "الأقرب إلى البحث" }),
      h("option", { value: "newest", text: "الأحدث أولًا" }),
      h("option", { value: "oldest", text: "الأقدم أولًا" }),
    );
    this.status = h("p", { class: "search-status", role: "status", "aria-live": "polite" });
    this.list = h("ol", { class: "search-results", id: "search-results", "aria-label": "نتائج البحث" });
    this.more = h("button", { type: "button", class: "search-more", hidden: true, text: "نتائج أخرى" });
    const field = (label, control) => h("div", { class: "search-field" }, h("label", { for: control.id, text: label }), control);
    this.form = h(
      "form",
      { class: "search-form", role: "search", action: "/search/", method: "get" },
      h("label", { class: "search-label", for: this.input.id, text: "ابحث في نصوص الأرشيف" }),
      this.input,
      h("div", { class: "search-filters" }, field("المنظمة", this.organisation), field("السنة", this.year), field("الترتيب", this.sort)),
    );
    this.element = h("div", { class: "search-panel" }, this.form, this.status, this.list, this.more);

    let timer = 0;
    this.input.addEventListener("input", () => {
      // A search still running is for a query no longer typed: its results are dropped.
      this.generation += 1;
      this.list.setAttribute("aria-busy", "true");
      clearTimeout(timer);
      timer = setTimeout(() => this.run(), DEBOUNCE_MS);
    });
    for (const select of [this.organisation, this.year, this.sort]) select.addEventListener("change", () => this.run());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      this.run();
    });
    this.more.addEventListener("click", () => this.showMore(true));
    this.element.addEventListener("keydown", (event) => this.arrowKeys(event));
  }

  /** Fill the filter lists from the build's counts (once Pagefind is loaded). */
  async prepare() {
    const { available, labels } = await load();
    const names = labels.organisation ?? {};
    const organisations = Object.entries(available.organisation ?? {}).sort(([a], [b]) =>
      (names[a] ?? a).localeCompare(names[b] ?? b, "ar"),
    );
    for (const [id, count] of organisations) {
      this.organisation.append(h("option", { value: id, text: `${names[id] ?? id} (${formatNumber(count)})` }));
    }
    const years = Object.entries(available.year ?? {}).sort(([a], [b]) => Number(b) - Number(a));
    for (const [year, count] of years) this.year.append(h("option", { value: year, text: `${formatNumber(year)} (${formatNumber(count)})` }));
  }

  /** Set the filters and the sort from URL parameters (org, year, sort), once prepare() has listed their values. */
  setFilters(params) {
    for (const [select, key] of [[this.organisation, "org"], [this.year, "year"], [this.sort, "sort"]]) {
      const value = params.get(key) ?? "";
      select.value = [...select.options].some((option) => option.value === value) ? value : "";
    }
  }

  state() {
    const params = new URLSearchParams();
    if (this.input.value.trim() !== "") params.set("q", this.input.value.trim());
    if (this.organisation.value) params.set("org", this.organisation.value);
    if (this.year.value) params.set("year", this.year.value);
    if (this.sort.value) params.set("sort", this.sort.value);
    return params;
  }

  async run() {
    const generation = ++this.generation;
    // Busy until this search's results are on the page (a later search takes over).
    this.list.setAttribute("aria-busy", "true");
    const { pagefind, words } = await load();
    const params = this.state();
    history.replaceState(null, "", params.size > 0 ? `/search/?${params}` : "/search/");

    const prepared = words.prepareQuery(this.input.value);
    const filters = {};
    for (const [key, name] of Object.entries(FILTERS)) if (params.get(key)) filters[name] = params.get(key);
    const direction = SORTS[params.get("sort")];
    if (prepared === "" && Object.keys(filters).length === 0) {
      if (generation !== this.generation) return;
      this.results = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = this.input.value.trim() === "" ? "" : "لا كلمات يمكن البحث عنها في هذا الطلب.";
      this.list.setAttribute("aria-busy", "false");
      return;
    }
    // A query of punctuation only finds nothing rather than everything; a
    // query is searched in each of its spellings (words.searchVariants).
    let results =
      prepared === ""
        ? this.input.value.trim() !== "" ? [] : (await pagefind.search(null, { filters }))?.results
        : await words.searchVariants((term) => pagefind.search(term, { filters }), prepared);
    if (generation !== this.generation || results === null || results === undefined) return;
    if (direction !== undefined) results = await sortByDate(results, direction);
    if (generation !== this.generation) return;
    this.results = results;
    this.shown = 0;
    this.list.replaceChildren();
    this.status.textContent = this.results.length === 0 ? "لا نتائج. جرّب كلمة أخرى أو أزل التصفية." : `${countText(this.results.length)}.`;
    await this.showMore(false);
  }

  async showMore(focusFirstNew) {
    const generation = this.generation;
    const { words } = await load();
    const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (generation !== this.generation) return;
    const items = data.map((result) => this.item(result, words.decodeIndexText));
    this.list.append(...items);
    this.shown += batch.length;
    this.more.hidden = this.shown >= this.results.length;
    if (!this.more.hidden) this.more.textContent = `نتائج أخرى (${formatNumber(this.results.length - this.shown)})`;
    this.list.setAttribute("aria-busy", "false");
    if (focusFirstNew && items[0]) items[0].querySelector("a")?.focus();
  }

  item(result, decode) {
    const meta = result.meta;
    const date = meta.date ? h("time", { text: decode(meta.date), datetime: meta.iso ? decode(meta.iso) : null }) : null;
    const place = meta.place ? h("span", { class: "search-result-place", text: decode(meta.place) }) : null;
    return h(
      "li",
      { class: "search-result" },
      h("a", { href: result.url, class: "search-result-link", text: decode(meta.title ?? result.url) }),
      h("p", { class: "search-result-meta" }, date, date && place ? " · " : null, place),
      h("p", { class: "search-result-excerpt" }, ...excerptNodes(result.excerpt, decode)),
    );
  }

  /** Arrow keys move between the search box and the result links; Tab works as usual. */
  arrowKeys(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [this.input, ...this.list.querySelectorAll(".search-result-link")];
    const at = stops.indexOf(document.activeElement);
    if (at < 0) return;
    const next = stops[at + (event.key === "ArrowDown" ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}

// --- The page -----------------------------------------------------------

async function mountPage(root) {
  const fallback = root.querySelector("[data-search-fallback]");
  const params = new URLSearchParams(location.search);
  // Words typed into the plain form before this script ran are kept.
  const typed = fallback?.querySelector("input[name=q]")?.value.trim();
  if (typed) params.set("q", typed);
  const panel = new Panel();
  // The box is filled and focused at once; the filters are listed once the index has loaded.
  panel.input.value = params.get("q") ?? "";
  fallback?.remove();
  root.append(panel.element);
  panel.input.focus();
  await panel.prepare();
  panel.setFilters(params);
  if (panel.state().size > 0) await panel.run();
}

mountPage(document.querySelector("[data-search-page]"));
