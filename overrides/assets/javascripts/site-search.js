// Site search: Material's search box, run over Pagefind (one index per
// language, chosen by the page's <html lang>). Pagefind's code and index load
// only when the reader starts to search; until then this file is all there is.
(() => {
  const dialog = document.querySelector("[data-site-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const opener = document.querySelector("[data-site-search-open]");
  const input = dialog.querySelector("input[type=search]");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const text = dialog.dataset;
  let engine, timer, latest = 0;

  dialog.hidden = false;
  if (opener) opener.hidden = false;

  const load = () => (engine ??= import(new URL(text.pagefind, location.href).href).then(async (pagefind) => {
    if (/^zh\b/.test(document.documentElement.lang)) joinUnknownHanWords();
    // In this page, not a worker: a query takes milliseconds here, the worker
    // would be one more download, and the Chinese fix below must see the query.
    await pagefind.options({ baseUrl: new URL(text.root, location.href).pathname, excerptLength: 24, noWorker: true });
    await pagefind.init();
    return pagefind;
  }));

  // On a phone the search covers the page; like Material's own search, the
  // page behind it must not scroll (and Chromium only paints it so).
  const phone = matchMedia("(max-width: 59.984375em)");
  const lock = (on) => document.body.toggleAttribute("data-md-scrolllock", on && phone.matches);

  const open = () => {
    toggle.checked = true;
    lock(true);
    input.focus();
    load();
  };
  const close = () => {
    toggle.checked = false;
    lock(false);
    (opener && opener.offsetParent ? opener : input).focus();
  };

  if (opener) opener.addEventListener("click", open);
  toggle.addEventListener("change", () => (toggle.checked ? open() : lock(false)));
  input.addEventListener("focus", () => load());
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  dialog.querySelector("[type=reset]").addEventListener("click", () => {
    latest++;
    list.replaceChildren();
    meta.textContent = text.placeholder;
    input.focus();
  });

  // "/", "s" or "f" opens search, as on Material's own search; Escape closes it.
  addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key === "Escape" && toggle.checked) {
      event.preventDefault();
      close();
      return;
    }
    if (toggle.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });

  async function search() {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = text.placeholder;
      return;
    }
    const pagefind = await load();
    const found = await pagefind.search(query);
    if (mine !== latest) return;
    const pages = await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
    if (mine !== latest) return;
    const count = found.results.length;
    meta.textContent = count === 0 ? text.none : count === 1 ? text.one : text.other.replace("#", count);
    list.replaceChildren(...pages.map(entry));
  }

  // Pagefind segments Chinese pages with a dictionary (jieba) when it indexes
  // them, and the reader's query with the browser's Intl.Segmenter. Where the
  // browser's dictionary lacks a word (Chromium splits 芯片, "chip", into 芯|片),
  // the two disagree and the page is never found (Pagefind issue #1237). A
  // run of single characters is therefore kept as one word, except for common
  // particles and conjunctions that stand alone in both dictionaries.
  function joinUnknownHanWords() {
    const Segmenter = Intl.Segmenter;
    const han = /^\p{Script=Han}$/u;
    const alone = new Set("的与和及或在是了对为等中把被从向于之其".split(""));
    Intl.Segmenter = class extends Segmenter {
      segment(input) {
        const parts = [...super.segment(input)];
        if (this.resolvedOptions().granularity !== "word") return parts;
        const joined = [];
        for (const part of parts) {
          const previous = joined[joined.length - 1];
          const single = part.isWordLike && han.test(part.segment) && !alone.has(part.segment);
          if (single && previous && previous.joinable) previous.segment += part.segment;
          else joined.push({ ...part, joinable: single });
        }
        return joined;
      }
    };
  }

  // One result, in Material's markup: the page's title and an excerpt with
  // the matched words marked, rebuilt from text (never inserted as HTML).
  function entry(page) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = page.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = page.meta.title || page.url;
    article.append(title, excerpt(page.excerpt));
    link.append(article);
    item.append(link);
    return item;
  }

  function excerpt(html) {
    const paragraph = document.createElement("p");
    paragraph.className = "md-search-result__teaser";
    for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  }
})();
