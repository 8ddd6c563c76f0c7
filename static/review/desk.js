// The review desk's keyboard. Every action is a plain form or link that works without this file;
// the keys only press those buttons and links, open the correction forms, and fill the "add a missed
// meeting or person" forms with the sentence selected in the text.
(function () {
  "use strict";
  const desk = document.querySelector("main.desk");
  if (!desk) return;
  const facts = Array.from(desk.querySelectorAll(".desk-facts .fact"));
  const text = document.getElementById("article-text");
  let current = -1;
  let selected = "";

  // A fact's own control, not one of the participants listed inside a meeting.
  function own(fact, selector) {
    return Array.from(fact.querySelectorAll(selector)).find((el) => el.closest(".fact") === fact);
  }

  function markOf(fact) {
    return fact && fact.dataset.mark ? document.getElementById(fact.dataset.mark) : null;
  }

  function select(index) {
    if (!facts.length) return;
    const previous = facts[current];
    if (previous) {
      previous.classList.remove("current");
      const mark = markOf(previous);
      if (mark) mark.classList.remove("current");
    }
    current = Math.max(0, Math.min(facts.length - 1, index));
    const fact = facts[current];
    fact.classList.add("current");
    fact.focus({ preventScroll: true });
    fact.scrollIntoView({ block: "nearest" });
    const mark = markOf(fact);
    if (mark) {
      mark.classList.add("current");
      mark.scrollIntoView({ block: "center" });
    }
  }

  function waiting(fact) {
    return fact.classList.contains("fact-unreviewed") && !fact.classList.contains("fact-moot");
  }

  // After a decision the page comes back at the fact decided (#fact-...): go on to the next one waiting.
  function start() {
    const landed = facts.findIndex((fact) => "#" + fact.id === window.location.hash);
    const from = Math.max(landed, 0);
    const order = facts.slice(from).concat(facts.slice(0, from));
    const next = order.find(waiting);
    select(next ? facts.indexOf(next) : from);
  }

  function press(selector) {
    const button = facts[current] && own(facts[current], selector);
    if (button && !button.disabled) button.click();
  }

  function open(details) {
    if (!details) return;
    fill(details);
    details.open = true;
    details.scrollIntoView({ block: "nearest" });
    const field = details.querySelector("textarea, input:not([type=hidden]), select");
    if (field) field.focus();
  }

  // The text selected in the article, kept when a click elsewhere (on "Add a missed meeting") clears it.
  function remember() {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && text && text.contains(selection.anchorNode)) {
      selected = selection.toString().replace(/\s+/g, " ").trim();
    }
  }

  function fill(details) {
    remember();
    const area = details.querySelector("textarea");
    if (area && selected) area.value = selected;
  }

  document.addEventListener("selectionchange", remember);
  desk.querySelectorAll("details.add").forEach((details) => {
    details.addEventListener("toggle", () => details.open && fill(details));
  });

  const keys = {
    j: () => select(current + 1),
    k: () => select(current - 1),
    a: () => press("button.accept"),
    r: () => press("button.reject"),
    e: () => open(facts[current] && own(facts[current], "details.correct")),
    m: () => open(document.getElementById("add-meeting")),
    p: () => open(document.getElementById("add-person")),
    n: () => document.getElementById("next-article").click(),
  };

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const field = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (field) {
      // Escape leaves a form without sending it, back to the fact.
      if (event.key === "Escape") {
        const details = field.closest("details");
        if (details) details.open = false;
        if (facts[current]) facts[current].focus({ preventScroll: true });
      }
      return;
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  start();
})();
