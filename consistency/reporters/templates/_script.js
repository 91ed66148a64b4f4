/* Findings filters (severity, rule family, outlet, text search). Plain JS, no
   dependencies; without JS the filter form stays hidden and every finding shows. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var sev = document.getElementById("filter-severity");
  var fam = document.getElementById("filter-family");
  var out = document.getElementById("filter-outlet");
  var q = document.getElementById("filter-search");
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("#findings .finding"));
  if (!items.length) { return; }
  function norm(s) {
    s = s.toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  var texts = items.map(function (el) { return norm(el.textContent); });
  function apply() {
    var want = norm(q.value.trim());
    var shown = 0;
    items.forEach(function (el, i) {
      var ok = (!sev.value || el.getAttribute("data-severity") === sev.value) &&
               (!fam.value || el.getAttribute("data-family") === fam.value) &&
               (!out.value || el.getAttribute("data-outlets").split("|").indexOf(out.value) >= 0) &&
               (!want || texts[i].indexOf(want) >= 0);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + items.length + " findings shown";
  }
  [sev, fam, out].forEach(function (el) { el.addEventListener("change", apply); });
  q.addEventListener("input", apply);
  form.hidden = false;
  apply();
})();
