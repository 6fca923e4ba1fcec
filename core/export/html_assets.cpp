#include "core/export/html_assets.hpp"

namespace refs::exporting {

std::string_view html_style() {
  return R"css(.refs-bibliography{max-width:50rem;margin:0 auto;padding:0 1rem;line-height:1.5}
.refs-bibliography .refs-search{display:none;margin:1rem 0}
.refs-bibliography.refs-js .refs-search{display:flex}
.refs-bibliography .refs-search input{flex:1;font:inherit;padding:.3rem .5rem}
.refs-bibliography .refs-count,.refs-bibliography .refs-links,.refs-bibliography .refs-n{opacity:.75;font-size:.9em}
.refs-bibliography.refs-lazy .refs-group{content-visibility:auto;contain-intrinsic-size:auto 40rem}
.refs-bibliography .refs-list{list-style:none;padding-left:0}
.refs-bibliography .refs-entry{margin:.75rem 0;scroll-margin-top:1rem}
.refs-bibliography.refs-lazy .refs-entry{content-visibility:auto;contain-intrinsic-size:auto 5rem}
.refs-bibliography .refs-entry:target{outline:2px solid currentColor;outline-offset:.25rem}
.refs-bibliography .refs-entry p{margin:0}
.refs-bibliography .refs-ref{overflow-wrap:anywhere}
.refs-bibliography .refs-ref p+p{margin-top:.25rem}
.refs-bibliography .refs-copy{display:none}
.refs-bibliography.refs-js .refs-copy{display:inline}
.refs-bibliography .refs-bibtex{display:none;overflow-x:auto;font-size:.85em;padding:.5rem;border:1px solid rgba(128,128,128,.4)}
.refs-bibliography .refs-entry:target .refs-bibtex,.refs-bibliography .refs-open .refs-bibtex{display:block}
.refs-bibliography [hidden]{display:none}
.refs-bibliography.refs-filtering .refs-entry:not(.refs-match),.refs-bibliography .refs-group.refs-empty{content-visibility:hidden;contain-intrinsic-size:0 0;margin:0;overflow:hidden}
)css";
}

std::string_view html_script() {
  return R"js((function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.closest(".refs-bibliography") : document.querySelector(".refs-bibliography");
  if (!root) return;
  root.classList.add("refs-js");
  var input = root.querySelector(".refs-search input");
  var status = root.querySelector(".refs-count");
  var summary = status.textContent;
  var none = root.querySelector(".refs-none");
  var groups = Array.prototype.slice.call(root.querySelectorAll(".refs-group"));
  var entries = [], groupOf = [];
  groups.forEach(function (g, i) {
    var list = g.querySelectorAll(".refs-entry");
    for (var j = 0; j < list.length; j++) { entries.push(list[j]); groupOf.push(i); }
  });
  var fold = function (s) { return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); };
  // What a query matches: the reference, the key and the citing posts (not
  // the BibTeX, nor the labels every entry has).
  var texts = [];
  var textOf = function (e) {
    var posts = e.querySelector(".refs-posts");
    return e.firstElementChild.textContent + " " + e.querySelector(".refs-key").textContent + " " +
      (posts ? posts.textContent : "");
  };
  var index = function (upTo) {
    for (var i = texts.length; i < upTo; i++) texts.push(fold(textOf(entries[i])));
  };
  // Indexed while the reader is idle, so a big page's first keystroke does not wait for it.
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
  var indexSome = function () {
    index(Math.min(entries.length, texts.length + 2000));
    if (texts.length < entries.length) idle(indexSome);
  };
  idle(indexSome);
  // Entries left out are skipped (content-visibility: hidden), not removed
  // (display: none): taking 100,000 entries out of the layout and back
  // costs a big page seconds a keystroke. Only classes that change are set.
  var matched = entries.map(function () { return false; });
  var filter = function () {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    root.classList.toggle("refs-filtering", words.length > 0);
    var shown = entries.length, inGroup = groups.map(function () { return 1; });
    if (words.length) {
      index(entries.length);
      shown = 0;
      inGroup = groups.map(function () { return 0; });
      for (var i = 0; i < entries.length; i++) {
        var text = texts[i], match = true;
        for (var w = 0; w < words.length && match; w++) match = text.indexOf(words[w]) >= 0;
        if (matched[i] !== match) { entries[i].classList.toggle("refs-match", match); matched[i] = match; }
        if (match) { shown++; inGroup[groupOf[i]]++; }
      }
    }
    groups.forEach(function (g, i) { g.classList.toggle("refs-empty", inGroup[i] === 0); });
    none.hidden = shown > 0;
    status.textContent = words.length ? shown + " of " + entries.length + " shown" : summary;
  };
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(filter, entries.length > 2000 ? 150 : 0);
  });
  if (input.value) filter(); // kept by the browser on going back
  // On a big page entries are laid out only near the viewport, so those
  // above an anchor's entry change height as they are drawn: it is
  // scrolled to again until they have.
  var land = function () {
    var id = location.hash.slice(1), target = id && document.getElementById(id);
    try { target = target || (id && document.getElementById(decodeURIComponent(id))); } catch (e) { target = null; }
    if (!target || !root.contains(target) || !root.classList.contains("refs-lazy")) return;
    var frames = 0;
    var settle = function () { target.scrollIntoView(); if (++frames < 8) requestAnimationFrame(settle); };
    requestAnimationFrame(settle);
  };
  window.addEventListener("hashchange", land);
  if (document.readyState === "complete") land(); else window.addEventListener("load", land);
  var copy = function (text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  };
  var press = function (button) {
    var entry = button.closest(".refs-entry");
    entry.classList.add("refs-open"); // the BibTeX is shown too, to see what was copied
    copy(entry.querySelector(".refs-bibtex").textContent).then(
      function () { button.textContent = "Copied"; },
      function () { button.textContent = "Copy failed"; });
    setTimeout(function () { button.textContent = "Copy BibTeX"; }, 2000);
  };
  root.addEventListener("click", function (event) {
    var button = event.target.closest(".refs-copy");
    if (!button) return;
    event.preventDefault();
    press(button);
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === " " && event.target.classList.contains("refs-copy")) {
      event.preventDefault();
      press(event.target);
    }
  });
})();
)js";
}

} // namespace refs::exporting
