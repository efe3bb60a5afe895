// Status dashboard filter: status, owner, tag, the qualifier of a status (detail: "Release 5.1", set by
// the links under each status) and free text. The state lives in the URL
// (?status=…&owner=…&tag=…&detail=…&q=…) so that a filtered view can be shared. Without script the page
// shows every status with its first rows and links to the full per-status pages.
// The owner field is a type-ahead over the people of the datalist #owner-list: a name, a key or a
// spelling given exactly picks that person; other text, every person one of whose names contains it.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var fields = ["status", "owner", "tag", "detail", "q"];
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.filterable tbody tr"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.status-section"));
  var count = form.querySelector(".filter-count");
  var list = document.getElementById("owner-list");
  var people = list ? Array.prototype.map.call(list.querySelectorAll("option"), function (o) {
    var names = [o.value.toLowerCase(), o.getAttribute("data-key")];
    var spellings = o.getAttribute("data-spellings");
    return { key: o.getAttribute("data-key"), names: spellings ? names.concat(spellings.split("|")) : names };
  }) : [];

  // the keys of the people the owner field's text means
  function ownerKeys(text) {
    var exact = people.filter(function (p) { return p.names.indexOf(text) >= 0; });
    var found = exact.length ? exact : people.filter(function (p) {
      return p.names.some(function (n) { return n.indexOf(text) >= 0; });
    });
    return found.map(function (p) { return "|" + p.key + "|"; });
  }

  function read() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (f) {
      var el = form.elements[f];
      if (el && params.has(f)) { el.value = params.get(f); }
    });
  }

  function state() {
    var s = {};
    fields.forEach(function (f) {
      var el = form.elements[f];
      s[f] = el ? el.value.trim().toLowerCase() : "";
    });
    return s;
  }

  function apply() {
    var s = state();
    var active = s.status || s.owner || s.tag || s.detail || s.q;
    var shown = 0;
    var owners = s.owner ? ownerKeys(s.owner) : [];
    rows.forEach(function (tr) {
      var own = "|" + tr.dataset.owners + "|";
      var ok = (!s.status || tr.dataset.status === s.status)
        && (!s.owner || owners.some(function (k) { return own.indexOf(k) >= 0; }))
        && (!s.tag || ("|" + tr.dataset.tags + "|").indexOf("|" + s.tag + "|") >= 0)
        && (!s.detail || tr.dataset.detail === s.detail)
        && (!s.q || tr.dataset.text.indexOf(s.q) >= 0);
      tr.hidden = active ? !ok : tr.hasAttribute("data-more");
      if (ok) { shown++; }
    });
    sections.forEach(function (sec) {
      var visible = sec.querySelector("tbody tr:not([hidden])");
      sec.hidden = Boolean(active) && !visible;
      var more = sec.querySelector(".more-link");
      if (more) { more.hidden = Boolean(active); }
    });
    count.textContent = active ? shown + " of " + rows.length + " specs" : "";
    var params = new URLSearchParams();
    fields.forEach(function (f) { if (s[f]) { params.set(f, form.elements[f].value.trim()); } });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  // a detail link filters in place: the status and the detail it names
  Array.prototype.slice.call(document.querySelectorAll(".status-details a[data-detail]")).forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var section = a.closest("section.status-section");
      form.elements.status.value = section ? section.dataset.status : "";
      form.elements.detail.value = a.dataset.detail;
      apply();
    });
  });
  // changing the status leaves its detail behind
  form.elements.status.addEventListener("change", function () { form.elements.detail.value = ""; });

  read();
  apply();
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
}());
