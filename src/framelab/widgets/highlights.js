// The article with its highlights: hover or focus a highlight to see why it was flagged,
// click it or press Enter to open its reason and select it in the details beside the text.
// Plain ES module for anywidget; no imports, so it works offline.

function render({ model, el }) {
  el.classList.add("framelab-highlights");
  const box = document.createElement("div");
  el.appendChild(box);

  function markSelected() {
    const chosen = String(model.get("selected"));
    for (const mark of box.querySelectorAll("mark.flag")) {
      const on = mark.dataset.flag === chosen;
      mark.classList.toggle("selected", on);
      mark.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  function draw() {
    box.innerHTML = model.get("html");
    markSelected();
  }

  function choose(mark) {
    for (const other of box.querySelectorAll("mark.open")) {
      if (other !== mark) other.classList.remove("open");
    }
    mark.classList.add("open");
    model.set("selected", Number(mark.dataset.flag));
    model.save_changes();
    markSelected();
  }

  function onClick(event) {
    const mark = event.target.closest("mark.flag");
    if (mark && box.contains(mark)) choose(mark);
  }

  function onKey(event) {
    const mark = event.target.closest("mark.flag");
    if (!mark || !box.contains(mark)) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation();
      choose(mark);
    } else if (event.key === "Escape") {
      event.stopPropagation();
      mark.classList.remove("open");
    }
  }

  box.addEventListener("click", onClick);
  box.addEventListener("keydown", onKey);
  model.on("change:html", draw);
  model.on("change:selected", markSelected);
  draw();
  return () => {
    model.off("change:html", draw);
    model.off("change:selected", markSelected);
    box.removeEventListener("click", onClick);
    box.removeEventListener("keydown", onKey);
  };
}

export default { render };
