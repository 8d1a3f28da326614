// Text reuse on the reader page (issue 17): the passages a speech shares with other speeches
// (reuse_passages, one row per passage pair seen from this speech), as
//  - segments for readerText.js to wrap in <span class="atlas-reuse">: the text split at every
//    passage boundary, each piece knowing every passage that covers it;
//  - a popover that lists, for a clicked piece, each other speech with that passage and a link to
//    the other speech at that place (#reuse-<start>-<end>, its offsets in the cleaned text);
//  - the summary card (reused share, source speeches, earliest source, quality flag);
//  - the target marking of a #reuse-<start>-<end> link arriving on the page.
// DOM calls with textContent only: titles are corpus text and never become markup.
import { readerHref } from "../lib/atlas.js";
import { speechName } from "../lib/labels.js";

export const REUSE_FLAG = "reused_from_earlier";

export const DIRECTION = {
  earlier: "较早 earlier",
  later: "较晚 later",
  same_year: "同年 same year",
  unknown: "年份不详 year unknown",
};

/** Hash of a passage: `reuse-<start>-<end>`, offsets in the speech's cleaned text. */
export const reuseHash = (start, end) => `reuse-${start}-${end}`;

/** "#reuse-120-480" → [120, 480], else null. */
export function parseReuseHash(hash) {
  const m = /^#?reuse-(\d+)-(\d+)$/.exec(hash);
  return m && +m[1] < +m[2] ? [+m[1], +m[2]] : null;
}

/** Link to the other speech of a passage, at the passage. */
export const otherHref = (p, prefix = "../") =>
  `${readerHref(p.other_speech_id, { prefix })}#${reuseHash(p.other_start, p.other_end)}`;

/**
 * The text's reused stretches split at every passage start and end: [{start, end, passages}],
 * `passages` the indices (into `passages`) of the passages covering [start, end). Sorted, disjoint;
 * stretches no passage covers are left out.
 */
export function reuseSegments(passages) {
  const cuts = [...new Set(passages.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const segments = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k], cuts[k + 1]];
    const covering = [];
    passages.forEach((p, i) => {
      if (p.start <= start && p.end >= end) covering.push(i);
    });
    if (covering.length) segments.push({ start, end, passages: covering });
  }
  return segments;
}

/** Tooltip of a reused piece: the speeches it is shared with. */
export function pieceTitle(passages) {
  const names = passages.map((p) => `${otherName(p)} (${p.other_year ?? "—"})`);
  return `复用段落 reused passage, shared with ${[...new Set(names)].join("; ")} · 点击查看 click for links`;
}

const otherName = (p) =>
  speechName(
    { title: p.other_title, source_file: p.other_source_file, speech_id: p.other_speech_id },
    40,
  );

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const pct = (x) => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)}%`;

/** One line per passage: other speech (linked at the passage), year, direction, identity, chars. */
function passageItem(p, prefix) {
  const li = el("li", "atlas-reuse-item");
  li.dataset.other = p.other_speech_id;
  const a = li.appendChild(el("a", null, otherName(p)));
  a.href = otherHref(p, prefix);
  li.append(
    ` · ${p.other_year ?? "—"} · `,
    el("span", `atlas-reuse-dir dir-${p.direction}`, DIRECTION[p.direction] ?? p.direction),
    ` · 一致 identity ${pct(p.identity)} · ${p.chars} 字 Han chars`,
  );
  li.append(el("span", "atlas-en", ` [${p.start}, ${p.end}) ↔ [${p.other_start}, ${p.other_end})`));
  return li;
}

/**
 * Opens a list of the passages covering a reused piece when it is clicked (or Enter/Space on a
 * focused one); Escape, a click elsewhere or the close button shut it.
 * @param root the reader's text node (readerText), which holds the pieces
 */
export function attachReusePopover(root, passages, { prefix = "../" } = {}) {
  const pop = el("div", "atlas-reuse-popover");
  pop.id = "reuse-popover";
  pop.setAttribute("role", "dialog");
  pop.setAttribute("aria-label", "共享此段的讲话 Speeches sharing this passage");
  pop.hidden = true;
  root.append(pop);
  let opener = null;

  const close = () => {
    if (pop.hidden) return;
    pop.hidden = true;
    opener?.setAttribute("aria-expanded", "false");
    opener?.focus({ preventScroll: true });
    opener = null;
  };
  const open = (piece) => {
    const rows = piece.dataset.passages.split(" ").map((i) => passages[+i]);
    pop.replaceChildren(
      el("b", null, `共享此段的讲话 Speeches sharing this passage (${rows.length})`),
      Object.assign(el("button", "atlas-reuse-close", "×"), {
        type: "button",
        title: "关闭 close",
        onclick: close,
      }),
    );
    const ul = pop.appendChild(el("ul"));
    for (const p of rows) ul.append(passageItem(p, prefix));
    opener?.setAttribute("aria-expanded", "false");
    opener = piece;
    piece.setAttribute("aria-expanded", "true");
    const box = root.getBoundingClientRect();
    const at = piece.getBoundingClientRect();
    pop.style.top = `${at.bottom - box.top + 4}px`;
    pop.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - 360))}px`;
    pop.hidden = false;
    pop.querySelector("a")?.focus({ preventScroll: true });
  };

  root.addEventListener("click", (event) => {
    if (pop.contains(event.target)) return;
    const piece = event.target.closest?.(".atlas-reuse");
    if (piece && !(piece === opener && !pop.hidden)) open(piece);
    else close();
  });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return close();
    const piece = event.target.closest?.(".atlas-reuse");
    if (piece && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      open(piece);
    }
  });
  const outside = (event) => {
    if (!root.contains(event.target)) close();
  };
  document.addEventListener("click", outside);
  return () => document.removeEventListener("click", outside);
}

/**
 * Marks the reused pieces inside [start, end) as the target of a reuse link and returns the first,
 * or null when the page has no reused piece there. Earlier targets are unmarked.
 */
export function markReuseTarget(root, [start, end]) {
  for (const node of root.querySelectorAll(".atlas-reuse-target"))
    node.classList.remove("atlas-reuse-target");
  const pieces = [...root.querySelectorAll(".atlas-reuse")].filter(
    (node) => +node.dataset.start >= start && +node.dataset.end <= end,
  );
  for (const node of pieces) node.classList.add("atlas-reuse-target");
  return pieces[0] ?? null;
}

/** Per other speech: its passages with this one, the Han characters here, the best identity. */
function bySpeech(passages) {
  const map = new Map();
  for (const p of passages) {
    if (!map.has(p.other_speech_id)) map.set(p.other_speech_id, []);
    map.get(p.other_speech_id).push(p);
  }
  return [...map.values()]
    .map((rows) => ({ first: rows[0], rows, chars: rows.reduce((n, r) => n + r.chars, 0) }))
    .sort(
      (a, b) =>
        (a.first.other_year ?? Infinity) - (b.first.other_year ?? Infinity) ||
        b.chars - a.chars ||
        (a.first.other_speech_id < b.first.other_speech_id ? -1 : 1),
    );
}

/**
 * The reuse card of the reader: reused share and characters, number of source speeches, the
 * earliest-dated of them, the quality flag when set, and one row per other speech with links to
 * its first shared passage here and there.
 * @param data the speech JSON (speech row with reused_chars, reused_share, reuse_sources,
 *   quality_flags; reuse: this speech's passages, sorted by start, with other_title, other_year)
 */
export function reuseSummary(data, { prefix = "../" } = {}) {
  const { speech, reuse } = data;
  const card = el("div", "card atlas-reuse-summary");
  card.id = "reuse-summary";
  if (speech.reused_chars == null) {
    card.append(
      el("p", null, "未检测文本复用 Reuse detection was skipped for this run (--no-reuse)."),
    );
    return card;
  }
  const flagged = (speech.quality_flags || "").split(",").includes(REUSE_FLAG);
  const groups = bySpeech(reuse);
  // The earliest of the speeches dated before this one: the likeliest source.
  const earliest = groups.find((g) => g.first.direction === "earlier")?.first;
  const dl = card.appendChild(el("dl", "atlas-reuse-facts"));
  const fact = (term, ...value) => {
    dl.append(el("dt", null, term));
    const dd = dl.appendChild(el("dd"));
    dd.append(...value);
    return dd;
  };
  fact(
    "复用比例 Reused share",
    el("b", null, pct(speech.reused_share)),
    ` (${speech.reused_chars.toLocaleString("zh-CN")} / ${speech.han_chars.toLocaleString("zh-CN")} 汉字 Han chars)`,
  ).id = "reuse-share";
  fact("来源讲话 Speeches sharing passages", el("b", null, String(speech.reuse_sources))).id =
    "reuse-sources";
  const first = fact("最早来源 Earliest source");
  first.id = "reuse-earliest";
  if (earliest) {
    const a = first.appendChild(el("a", null, otherName(earliest)));
    a.href = otherHref(earliest, prefix);
    first.append(` (${earliest.other_year})`);
  } else first.append("— 无更早的讲话 none dated earlier");
  if (flagged) {
    const note = card.appendChild(el("p", "atlas-conflict"));
    note.id = "reuse-flag";
    note.append(
      "⚠ ",
      el("code", "atlas-flag", REUSE_FLAG),
      " 本讲话一半以上的文字见于更早的讲话 At least half of this speech's text is found in speeches dated earlier.",
    );
  }
  if (!groups.length) {
    card.append(el("p", null, "未发现与其他讲话共享的段落 No passage shared with another speech."));
    return card;
  }
  const table = card.appendChild(el("table", "atlas-reuse-table"));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  for (const h of [
    "讲话 Speech",
    "年份 Year",
    "方向 Direction",
    "段落 Passages",
    "汉字 Chars",
    "本文 Here",
  ])
    head.append(el("th", null, h));
  const body = table.appendChild(el("tbody"));
  for (const { first: p, rows, chars } of groups) {
    const tr = body.appendChild(el("tr"));
    tr.dataset.other = p.other_speech_id;
    const a = el("a", null, otherName(p));
    a.href = otherHref(p, prefix);
    const here = el("a", null, `[${p.start}, ${p.end})`);
    here.href = `#${reuseHash(p.start, p.end)}`;
    for (const cell of [
      a,
      String(p.other_year ?? "—"),
      DIRECTION[p.direction] ?? p.direction,
      String(rows.length),
      chars.toLocaleString("zh-CN"),
      here,
    ])
      tr.appendChild(el("td")).append(cell);
  }
  return card;
}
