// The person finder works without JavaScript (the server resolves the typed name);
// this only offers matching names while typing, and submits when one is picked.
(function () {
  const form = document.querySelector(".person-finder");
  if (!form) return;
  const input = form.querySelector("input[name=who]");
  const list = form.querySelector("datalist");
  let timer = null;
  let controller = null;

  function fill(results) {
    list.replaceChildren(...results.map((person) => {
      const option = document.createElement("option");
      option.value = person.name;
      option.label = person.country;
      return option;
    }));
  }

  input.addEventListener("input", () => {
    const term = input.value.trim();
    if (Array.from(list.options).some((option) => option.value === input.value)) {
      form.submit();
      return;
    }
    clearTimeout(timer);
    if (term.length < 2) return fill([]);
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(term);
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (response.ok) fill((await response.json()).results);
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }, 150);
  });
})();
