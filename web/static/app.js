// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function autoSubmit(selector) {
    document.querySelectorAll(selector).forEach(function (field) {
      field.addEventListener("change", function () {
        if (field.form) { field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit(); }
      });
    });
  }

  function enablePrint() {
    document.querySelectorAll(".print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function suggest(input) {
    var url = input.getAttribute("data-suggest");
    if (!url || !window.fetch) { return; }
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = "q-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
    var timer = null;
    var active = -1;

    function close() { list.hidden = true; active = -1; input.setAttribute("aria-expanded", "false"); }
    function choose(text) { input.value = text; close(); input.form.submit(); }
    function render(items) {
      list.textContent = "";
      items.forEach(function (text, i) {
        var li = document.createElement("li");
        li.textContent = text;  // text only: suggestions are never parsed as HTML
        li.id = "q-suggestion-" + i;
        li.setAttribute("role", "option");
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(text); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }
    function load() {
      var prefix = input.value.trim();
      if (prefix.length < 2) { close(); return; }
      fetch(url + "?q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { render((data.suggestions || []).slice(0, 8)); })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(load, 150); });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (event) {
      var items = list.querySelectorAll("li");
      if (list.hidden || !items.length) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
        items.forEach(function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
        input.setAttribute("aria-activedescendant", items[active].id);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(items[active].textContent);
      } else if (event.key === "Escape") {
        close();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    autoSubmit(".facet-form input[type=checkbox]");
    autoSubmit(".sort-form select");
    enablePrint();
    var q = document.getElementById("q");
    if (q) { suggest(q); }
  });
})();
