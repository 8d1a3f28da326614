// Theme scores you can audit, on the reader page: every score with the codebook terms that made
// it (term × hits) and the codebook entry, for the whole speech (a card) and for each section
// (its theme tag opens the section's matches). Evidence comes from the speech's JSON
// (src/data/speech/[speech].json.ts theme_evidence: the pipeline's own scanner over each leaf).
// DOM calls with textContent: corpus text never becomes markup.

/** Link to the Terms page's search (trend and concordance) of a codebook term. */
const termHref = (term, prefix) => `${prefix}terms.html?q=${encodeURIComponent(term)}#term-search`;
const isPattern = (term) => term.length > 2 && term.startsWith("/") && term.endsWith("/");

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** "人才 ×7 · 监督 ×4 …": one theme's matches, each term a link to its concordance. */
function matchList(rows, prefix) {
  const ul = el("ul", "atlas-audit-terms");
  for (const [, term, n] of rows) {
    const li = ul.appendChild(el("li"));
    if (isPattern(term)) li.append(el("code", null, term), ` ×${n} (模式 pattern)`);
    else {
      const a = li.appendChild(el("a", null, term));
      a.href = termHref(term, prefix);
      li.append(` ×${n}`);
    }
  }
  return ul;
}

/** The codebook entry of a theme: description, terms and patterns, version. */
function codebookEntry(theme) {
  const box = el("div", "atlas-codebook-entry");
  box.append(el("p", null, `${theme.description}`));
  const terms = JSON.parse(theme.terms || "[]");
  const p = box.appendChild(el("p", "atlas-en"));
  p.append(
    `码本 ${theme.codebook_version ?? ""} · ${terms.length} 项 entries: `,
    el("span", null, terms.join("、")),
  );
  return box;
}

/**
 * Card of the speech's theme scores: one <details id="audit-<theme_id>"> per theme with hits,
 * listing its matched terms and its codebook entry.
 * @param data the speech JSON; @param prefix link prefix to the site root ("../")
 */
export function themeAuditCard(data, { prefix = "../", colorOf = new Map() } = {}) {
  const all = data.theme_evidence?._all ?? [];
  const scores = data.theme_scores.filter((r) => r.section_id === "_all");
  const card = el("div", "card atlas-audit");
  const ranked = data.themes
    .map((t) => ({
      theme: t,
      score: scores.find((s) => s.theme_id === t.theme_id),
      rows: all.filter((r) => r[0] === t.theme_id),
    }))
    .filter((d) => d.score && d.score.hits > 0)
    .sort((a, b) => b.score.hits - a.score.hits);
  if (ranked.length === 0) card.append(el("p", null, "没有主题词命中 No codebook term matched."));
  for (const { theme, score, rows } of ranked) {
    const details = card.appendChild(el("details", "atlas-audit-theme"));
    details.id = `audit-${theme.theme_id}`;
    const summary = details.appendChild(el("summary"));
    const swatch = summary.appendChild(el("span", "atlas-swatch"));
    swatch.style.background = colorOf.get(theme.theme_id) ?? "#999";
    summary.append(
      ` ${theme.zh} ${theme.en} · `,
      el("b", null, `${score.hits}`),
      ` 次 hits · ${score.rate_per_10k.toFixed(1)} / 万字 per 10k chars · 占 ${(score.share * 100).toFixed(0)}% of coded hits`,
    );
    details.append(el("h4", null, "命中词语 Matches"), matchList(rows, prefix));
    details.append(el("h4", null, "码本条目 Codebook entry"), codebookEntry(theme));
    // The same theme for the speech's year, pooled over all its speeches (theme-evidence.md).
    const year = data.speech?.year;
    const link = details
      .appendChild(el("p", "atlas-en"))
      .appendChild(
        el(
          "a",
          null,
          year != null
            ? `${year} 年全部讲话的依据 evidence for all speeches of ${year}`
            : "全部讲话的依据 evidence for all speeches",
        ),
      );
    link.href = `${prefix}theme-evidence.html?theme=${encodeURIComponent(theme.theme_id)}${year != null ? `&year=${year}` : ""}`;
  }
  return card;
}

/**
 * Makes each section's theme tag (readerText.js .atlas-theme-tag) open that section's scores
 * and matches below it.
 */
export function attachSectionAudit(root, data, { prefix = "../" } = {}) {
  const themeOf = new Map(data.themes.map((t) => [t.theme_id, t]));
  for (const tag of root.querySelectorAll(".atlas-theme-tag")) {
    const section = tag.closest("section[data-section]")?.dataset.section;
    if (!section) continue;
    tag.setAttribute("role", "button");
    tag.tabIndex = 0;
    tag.style.cursor = "pointer";
    tag.title += " · 点击查看依据 click for the matches";
    const open = () => {
      const next = tag.nextElementSibling;
      if (next?.classList.contains("atlas-audit-section")) return next.remove();
      const box = el("div", "atlas-audit-section card");
      const rows = data.theme_evidence?.[section] ?? [];
      const scores = data.theme_scores
        .filter((r) => r.section_id === section && r.hits > 0)
        .sort((a, b) => b.hits - a.hits);
      for (const s of scores) {
        const t = themeOf.get(s.theme_id);
        const h = box.appendChild(el("p"));
        const a = h.appendChild(el("a", null, `${t?.zh ?? s.theme_id} ${t?.en ?? ""}`));
        a.href = `#audit-${s.theme_id}`;
        a.title = "码本条目 codebook entry";
        h.append(
          ` · ${s.hits} 次 hits · ${s.rate_per_10k.toFixed(1)} / 万字 per 10k chars${s.dominant ? " · 主导 dominant" : ""}`,
        );
        box.append(
          matchList(
            rows.filter((r) => r[0] === s.theme_id),
            prefix,
          ),
        );
      }
      tag.after(box);
    };
    tag.addEventListener("click", open);
    tag.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        open();
      }
    });
  }
  // A link to a theme's evidence (#audit-<theme>, also from the theme evidence page) opens it.
  const openTarget = () => {
    const target = /^#audit-[\w-]+$/.test(location.hash) && document.querySelector(location.hash);
    if (target?.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  };
  addEventListener("hashchange", openTarget);
  openTarget();
}
