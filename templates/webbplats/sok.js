/* styrmodell: sökning i webbplatsens förbyggda index (sokindex.js), utan server. Sidan fungerar utan skriptet. */
(function () {
  "use strict";
  var index = window.STYR_SOKINDEX || [];
  var box = document.getElementById("traffar");
  var field = document.getElementById("q");
  if (!box || !field) { return; }
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function search(query) {
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (!words.length) { return []; }
    var hits = [];
    index.forEach(function (page) {
      var title = fold(page.t), body = fold(page.x), score = 0;
      for (var i = 0; i < words.length; i++) {
        if (title.indexOf(words[i]) >= 0) { score += 3; }
        else if (body.indexOf(words[i]) >= 0) { score += 1; }
        else { return; }
      }
      hits.push({page: page, score: score});
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.page.t < b.page.t ? -1 : 1); });
    return hits.slice(0, 50);
  }
  function show(query) {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!query) { return; }
    var hits = search(query);
    var heading = document.createElement("h2");
    heading.textContent = hits.length ? hits.length + " träffar för ”" + query + "”" : "Inga träffar för ”" + query + "”";
    box.appendChild(heading);
    if (!hits.length) { return; }
    var list = document.createElement("ol");
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.page.u;
      link.textContent = hit.page.t;
      item.appendChild(link);
      var kind = document.createElement("span");
      kind.className = "not";
      kind.textContent = " (" + hit.page.k + ")";
      item.appendChild(kind);
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  field.value = query;
  show(query.trim());
  field.addEventListener("input", function () { show(field.value.trim()); });
})();
