/* global HTMLElement -- a browser global */
// Search loader, on every page as a deferred module. It only wires the
// header's search link, Ctrl+K (or ⌘K) and "/" to the search dialog; the
// search UI, Pagefind and its index load when the reader first opens search.
// On the search page itself the UI loads at once.
const script = document.querySelector("script[data-search-ui]");
const config = script ? { ...script.dataset } : null;
let loading = null;

function load() {
  loading ??= import(config.searchUi).then((ui) => ui.setup(config));
  return loading;
}

function typingIn(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

if (config) {
  const page = document.querySelector("[data-search-page]");
  const open = (event) => {
    event.preventDefault();
    load().then((ui) => (page ? ui.focusPage() : ui.openDialog()));
  };
  if (page) load().then((ui) => ui.mountPage(page));
  for (const link of document.querySelectorAll("[data-search-open]")) {
    link.addEventListener("click", (event) => {
      if (!page && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) open(event);
    });
  }
  document.addEventListener("keydown", (event) => {
    const shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && (event.code === "KeyK" || event.key === "k");
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target);
    if (shortcut || slash) open(event);
  });
}
