/* Load the search index when the reader first reaches for search.
 *
 * Material fetches the whole search index as soon as a page opens; for six
 * languages of content that is most of a first page view on a slow phone.
 * This script runs before Material's bundle and holds back that one request
 * until the reader focuses the search box, opens search, or presses one of
 * Material's search keys — or the address carries a query (?q=).
 *
 * It also skips Material's probes for sitemap.xml under each alternate
 * language address: static-i18n already gives every language link the exact
 * page, so those probes only produced 404s. (Material reads sitemaps for
 * nothing else here: instant navigation and versions are not used.)
 */
(function () {
  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var PROBE = /\/sitemap\.xml(?:[?#]|$)/;

  function want() { release(); }

  if (/[?&]q=/.test(location.search)) want();
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.closest && event.target.closest("[data-md-component=search]")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") want();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" || event.key === "s" || event.key === "f") want();
  }, true);

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var address = new URL(String(url), location.href);
    this.__aiExplained = INDEX.test(address.pathname) ? "index" : PROBE.test(address.pathname) ? "probe" : "";
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.__aiExplained === "probe") return request.abort();
    if (request.__aiExplained !== "index") return send.apply(request, args);
    wanted.then(function () { send.apply(request, args); });
  };
})();
