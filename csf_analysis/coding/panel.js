// The coding panel's page (anywidget): draws the session's `view`, sends the
// researcher's keys and clicks back as {do: ...} messages (csf_analysis/coding/session.py).
// Keys, when the panel has the focus: 1-9 category, Enter confirm, ← → move, Z undo.

const CODER_KEY = "csf-analysis:codeur";
const MAX_SUGGESTIONS = 8;

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

function suggestions(view, typed) {
  const key = fold(typed);
  if (!key) return [];
  const present = new Set(view.codes.filter((c) => !c.struck).map((c) => c.code));
  const hits = view.codebook.filter((c) => !present.has(c.code)
    && (fold(c.code).includes(key) || fold(c.label).includes(key)));
  hits.sort((a, b) => Number(!fold(a.label).startsWith(key)) - Number(!fold(b.label).startsWith(key)));
  return hits.slice(0, MAX_SUGGESTIONS);
}

function exactCode(view, typed) {
  const key = fold(typed);
  return view.codebook.find((c) => fold(c.code) === key || fold(c.label) === key);
}

function render({ model, el }) {
  const root = h("div", { class: "csf-panel", tabindex: "0", "data-lm-suppress-shortcuts": "true" });
  el.append(root);
  const send = (message) => model.send(message);
  // the code field, and the citation last copied, kept across redraws
  const state = { typed: "", chosen: 0, copied: "" };

  function coderBar(view) {
    if (view.coder) {
      return h("span", { class: "csf-coder" }, "Codeur : ", h("strong", { text: view.coder }),
        " ", h("button", { class: "csf-link", text: "changer", onclick: () => {
          localStorage.removeItem(CODER_KEY); send({ do: "coder", name: "" }); } }));
    }
    const field = h("input", { type: "text", placeholder: "votre nom", "data-focus": "coder",
      "aria-label": "Votre nom de codeur" });
    const ok = () => {
      const name = field.value.trim();
      if (name) { localStorage.setItem(CODER_KEY, name); send({ do: "coder", name }); }
    };
    field.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); ok(); } });
    return h("span", { class: "csf-coder csf-ask" }, "Votre nom (demandé une fois) : ", field,
      h("button", { text: "OK", onclick: ok }));
  }

  function filters(view) {
    const names = { interview: "Entretien", kind: "Type", actor: "Acteur", category: "Catégorie", code: "Code" };
    return h("div", { class: "csf-filters" }, Object.entries(names).map(([name, label]) => {
      const select = h("select", { "aria-label": `Filtrer : ${label}`, "data-focus": `filter-${name}`,
        onchange: (e) => send({ do: "filter", name, value: e.target.value }) },
      view.options[name].map(([value, text]) => h("option", { value, text,
        selected: value === view.filters[name] ? "selected" : null })));
      return h("label", {}, `${label} `, select);
    }));
  }

  function statement(view) {
    const s = view.statement;
    const line = (item, cls) => h("p", { class: cls },
      item.speaker ? h("span", { class: "csf-speaker", text: `${item.speaker} : ` }) : null, item.text);
    const confidence = s.confidence ? `, confiance ${s.confidence}` : "";
    return h("div", { class: "csf-statement" },
      h("div", { class: "csf-where" }, h("code", { text: s.where }), ` · ${s.interview}`,
        s.section ? ` · ${s.section}` : ""),
      view.before.map((item) => line(item, "csf-context")),
      line(s, "csf-current"),
      view.after.map((item) => line(item, "csf-context")),
      h("div", { class: "csf-category-now" }, "Catégorie : ",
        h("strong", { text: s.category_label }),
        ` (${s.origin}${confidence} ; règle ${s.rule || "—"})`,
        view.checked ? h("span", { class: "csf-checked", text: " ✓ vérifiée" }) : null));
  }

  function categoryButtons(view) {
    return h("div", { class: "csf-categories", role: "group", "aria-label": "Catégories" },
      view.categories.map((c) => h("button", {
        class: c.name === view.statement.category ? "csf-cat csf-on" : "csf-cat",
        "data-category": c.name, title: `touche ${c.key}`,
        onclick: () => send({ do: "category", value: c.name }) },
      h("kbd", { text: c.key }), ` ${c.label}`)),
      h("button", { class: "csf-confirm", onclick: () => send({ do: "confirm" }) }, "Valider ", h("kbd", { text: "Entrée" })));
  }

  function codes(view) {
    const tags = view.codes.map((c) => h("span", { class: c.struck ? "csf-tag csf-struck" : "csf-tag",
      title: c.why, "data-code": c.code },
    h("span", { class: "csf-tag-label", text: c.label }),
    h("span", { class: "csf-why", text: ` ${c.why}` }),
    c.struck
      ? h("button", { class: "csf-link", title: "remettre ce code", text: "↺",
        onclick: () => send({ do: "add", code: c.code }) })
      : h("button", { class: "csf-link", title: "retirer ce code", "aria-label": `retirer ${c.label}`,
        text: "×", onclick: () => send({ do: "remove", code: c.code }) })));
    const field = h("input", { type: "text", class: "csf-code-input", value: state.typed,
      placeholder: "ajouter un code…", "data-focus": "code", "aria-label": "Ajouter un code" });
    const list = h("div", { class: "csf-suggestions" });
    const fill = () => {
      const hits = suggestions(view, state.typed);
      state.chosen = Math.min(state.chosen, Math.max(hits.length - 1, 0));
      list.replaceChildren(...hits.map((c, i) => h("button", {
        class: i === state.chosen ? "csf-suggestion csf-on" : "csf-suggestion", "data-code": c.code,
        onclick: () => { state.typed = ""; send({ do: "add", code: c.code }); } }, `${c.label} (${c.code})`)));
      if (state.typed.trim() && !exactCode(view, state.typed)) {
        list.append(h("button", { class: "csf-create", onclick: () => {
          const code = state.typed.trim(); state.typed = ""; send({ do: "create", code }); } },
        `créer le code « ${state.typed.trim()} »`));
      }
      return hits;
    };
    field.addEventListener("input", () => { state.typed = field.value; state.chosen = 0; fill(); });
    field.addEventListener("keydown", (e) => {
      const hits = suggestions(view, state.typed);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        state.chosen = (state.chosen + (e.key === "ArrowDown" ? 1 : -1) + hits.length) % Math.max(hits.length, 1);
        fill();
      } else if (e.key === "Enter") {
        e.preventDefault();
        const exact = exactCode(view, state.typed);
        const pick = exact || hits[state.chosen];
        if (pick) { state.typed = ""; send({ do: "add", code: pick.code }); }
      } else if (e.key === "Escape") {
        state.typed = ""; field.value = ""; fill(); root.focus();
      }
    });
    fill();
    return h("div", { class: "csf-codes" }, h("div", { class: "csf-tags" }, tags), field, list);
  }

  function memoAndCitation(view) {
    const memo = h("textarea", { class: "csf-memo", rows: "2", placeholder: "mémo sur cet énoncé…",
      "data-focus": "memo", "aria-label": "Mémo" });
    memo.value = view.memo;
    memo.addEventListener("change", () => send({ do: "memo", text: memo.value }));
    const citation = h("input", { type: "text", readonly: "readonly", class: "csf-citation",
      value: view.citation, "aria-label": "Citation" });
    const copied = " copiée : collez-la dans synthese.md";
    const said = h("span", { class: "csf-said", text: state.copied === view.citation ? copied : "" });
    const copy = () => {  // said at once: a clipboard still asking for permission never hides it
      citation.select();
      state.copied = view.citation;
      said.textContent = copied;
      const fallback = () => document.execCommand("copy");
      if (navigator.clipboard) navigator.clipboard.writeText(view.citation).catch(fallback);
      else fallback();
    };
    return h("div", { class: "csf-memo-row" }, memo,
      h("div", { class: "csf-cite" }, citation, h("button", { class: "csf-copy", text: "Copier la citation", onclick: copy }), said));
  }

  function draw() {
    const view = model.get("view");
    const focused = document.activeElement && root.contains(document.activeElement)
      ? (document.activeElement.dataset.focus || "panel") : null;
    const top = h("div", { class: "csf-top" }, coderBar(view),
      h("span", { class: "csf-progress", text: view.progress }),
      h("span", { class: "csf-position", text: view.total ? `énoncé ${view.position + 1} sur ${view.total}` : "" }),
      h("button", { onclick: () => send({ do: "move", step: -1 }), title: "flèche gauche", text: "← précédent" }),
      h("button", { onclick: () => send({ do: "move", step: 1 }), title: "flèche droite", text: "suivant →" }),
      h("button", { class: "csf-undo", disabled: view.can_undo ? null : "disabled",
        onclick: () => send({ do: "undo" }), title: "touche Z", text: "annuler (Z)" }),
      h("button", { class: "csf-reload", onclick: () => send({ do: "reload" }),
        title: "une note ajoutée, des décisions prises ailleurs", text: "relire les notes" }),
      h("button", { class: "csf-relearn", onclick: () => send({ do: "relearn" }),
        title: "adapter le modèle aux catégories vérifiées (il le fait seul toutes les 10)",
        text: "réapprendre" }));
    const parts = [top, filters(view)];
    if (view.message) parts.push(h("div", { class: "csf-message", role: "alert", text: view.message }));
    if (view.statement) {
      parts.push(statement(view), categoryButtons(view), codes(view), memoAndCitation(view));
    } else {
      parts.push(h("p", { class: "csf-empty", text: "Aucun énoncé ne répond à ces filtres." }));
    }
    root.replaceChildren(...parts);
    if (focused) {
      const again = focused === "panel" ? null : root.querySelector(`[data-focus="${focused}"]`);
      (again || root).focus({ preventScroll: true });
    }
  }

  root.addEventListener("keydown", (e) => {
    const tag = e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    const view = model.get("view");
    if (/^[1-9]$/.test(e.key) && view.categories[Number(e.key) - 1]) {
      send({ do: "category", value: view.categories[Number(e.key) - 1].name });
    } else if (e.key === "Enter" && tag !== "BUTTON") send({ do: "confirm" });
    else if (e.key === "ArrowRight" || e.key === "ArrowDown") send({ do: "move", step: 1 });
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") send({ do: "move", step: -1 });
    else if (e.key === "z" || e.key === "Z") send({ do: "undo" });
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  // A click anywhere but a field keeps the keys with the panel (not the notebook).
  root.addEventListener("mouseup", (e) => {
    if (!["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName)) root.focus({ preventScroll: true });
  });

  model.on("change:view", draw);
  draw();
  const saved = localStorage.getItem(CODER_KEY);
  if (!model.get("view").coder && saved) send({ do: "coder", name: saved });
  return () => model.off("change:view", draw);
}

export default { render };
