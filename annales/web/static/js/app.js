// The document page: a finding's button lights up and scrolls to every passage it cites.
"use strict";

function showEvidence(button) {
  const id = button.dataset.finding;
  const pressed = button.getAttribute("aria-pressed") === "true";
  document.querySelectorAll(".evidence-on").forEach((node) => node.classList.remove("evidence-on"));
  document.querySelectorAll("button.finding").forEach((other) => other.setAttribute("aria-pressed", "false"));
  if (pressed) return;
  const spans = Array.from(document.querySelectorAll("[data-findings]"))
    .filter((node) => node.dataset.findings.split(" ").includes(id));
  spans.forEach((node) => node.classList.add("evidence-on"));
  button.setAttribute("aria-pressed", "true");
  if (spans.length) spans[0].scrollIntoView({ behavior: "smooth", block: "center" });
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.finding");
  if (button) showEvidence(button);
});

// The add form is emptied once the server has taken its texts (their jobs are listed below it).
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.target;
  if (form.id === "add-form" && event.detail.successful) form.reset();
});
