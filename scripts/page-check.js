// Measures a page as a reader sees it, for scripts/check-pages.sh: appended to a copy of the page
// (never to the published one), run by headless Chromium, and its verdict written into the DOM,
// which Chromium prints with --dump-dom. Checks the content column only (navigation and search
// belong to the site's theme): nothing wider than the column, nothing cut off or scrolling inside
// it, a page that does not scroll sideways, an id on every heading below the title, every in-page
// link pointing at one, and every image drawn.
(function () {
  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) { s += '#' + el.id; }
    if (typeof el.className === 'string' && el.className.trim()) { s += '.' + el.className.trim().split(/\s+/).join('.'); }
    return s + ' "' + (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 70) + '"';
  }
  function check() {
    var problems = [];
    var selector = document.documentElement.getAttribute('data-page-check-content') || 'body';
    var content = document.querySelector(selector);
    if (!content) {
      problems.push('no content column matches ' + selector);
      content = document.body;
    }
    var page = document.documentElement;
    if (page.scrollWidth > window.innerWidth + 1) {
      problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window');
    }
    var column = content.getBoundingClientRect();
    var reported = [];
    function insideReported(el) {
      return reported.some(function (r) { return r.contains(el); });
    }
    content.querySelectorAll('*').forEach(function (el) {
      var style = getComputedStyle(el);
      if (style.display === 'none' || style.position === 'absolute' || style.position === 'fixed' || insideReported(el)) {
        return;
      }
      var box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) {
        return;
      }
      if (box.right > column.right + 1 || box.left < column.left - 1) {
        reported.push(el);
        problems.push('overflows the content column (' + Math.round(column.left) + '-' + Math.round(column.right)
          + ' px) at ' + Math.round(box.left) + '-' + Math.round(box.right) + ' px: ' + describe(el));
      } else if (['auto', 'scroll', 'hidden', 'clip'].indexOf(style.overflowX) >= 0 && el.scrollWidth > el.clientWidth + 1) {
        reported.push(el);
        problems.push('content cut off or scrolling sideways inside (' + el.scrollWidth + ' px in ' + el.clientWidth
          + ' px): ' + describe(el));
      }
    });
    content.querySelectorAll('h2, h3, h4, h5, h6').forEach(function (h) {
      if (!h.id) { problems.push('heading without an anchor: ' + describe(h)); }
    });
    content.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      if (id && !document.getElementById(id)) { problems.push('link to a missing anchor #' + id + ': ' + describe(a)); }
    });
    content.querySelectorAll('img').forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) { problems.push('image not shown: ' + img.getAttribute('src')); }
    });
    var result = document.createElement('pre');
    result.id = 'page-check-result';
    result.textContent = 'PAGE-CHECK-BEGIN' + JSON.stringify({
      problems: problems.slice(0, 25),
      more: Math.max(0, problems.length - 25),
      height: page.scrollHeight,
      diagrams: content.querySelectorAll('svg, img[src$=".svg"]').length
    }) + 'PAGE-CHECK-END';
    result.style.display = 'none';
    document.body.appendChild(result);
  }
  window.addEventListener('load', function () { setTimeout(check, 300); });
})();
