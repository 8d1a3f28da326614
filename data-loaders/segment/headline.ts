// Headline sentences: a short sentence without inner punctuation that opens a passage, e.g.
// "织密组织经纬。" or "筑牢理论武装压舱石。", in the middle of a paragraph or at its start, or a
// short line of its own. A single short sentence is often just rhetoric ("这是根本。"), so only a
// series counts: members close to each other in the text that look alike.
import { INLINE_RANK, type HeadingCandidate } from "./candidate.ts";
import { hanLength, type Paragraph } from "./paragraphs.ts";

const MIN_HAN = 4;
const MAX_HAN = 20;
/** A headline must be followed by a body of at least this many characters in its paragraph. */
const MIN_BODY = 20;
/** A headline line of its own must be followed by a paragraph at least this long. */
const MIN_NEXT_PARAGRAPH = 40;
/** Consecutive members of a series lie at most this many paragraphs apart. */
const MAX_PARAGRAPH_GAP = 3;

/** Enumerated openings belong to the numbered and inline detectors. */
const ENUMERATED =
  /^(?:[（(]?[一二三四五六七八九十0-9０-９]+[）)、.．]|第[一二三四五六七八九十]+|[一二三四五六七八九十]{1,2}[是要]|其[一二三四五六七八九十]|首先|其次|再次|最后)/;
/**
 * Inner punctuation or digits mark an ordinary sentence (or a date line), not a headline, and so
 * does a number written in Chinese ("增长到七十八点二岁", "一千三百万人"): a statistic…
 */
const NOT_HEADLINE = /[、；;：:！!？?（()）0-9０-９\s]|[〇零一二三四五六七八九十百千万亿两点]{3,}/;
/** …except one comma between two short halves: "要全面评价干部，用好“望远镜”。" */
const TWO_HALVES = /^[^，,]{3,9}[，,][^，,]{3,9}$/;

/** Headlines open with a Han character or a quotation ("--压缩…" list items do not). */
const HEADLINE_OPENING = /^[\p{Script=Han}“「《]/u;

/**
 * Headlines are imperative or nominal ("织密组织经纬", "发展壮大新动能"). Aspect particles,
 * the copula, pronouns and connectives mark a statement ("我们的年度计划并不是都完成了。"), which
 * in older reports opens paragraphs just as short and just as regularly. Degree adverbs (很, 还,
 * 往往) describe and 现在谈谈 ("now I turn to") announces, rather than direct. Traditional
 * forms are listed too (1920s texts).
 */
const DECLARATIVE =
  /了|是|我们|我國|我国|他们|它们|這|这|那|但|因为|因為|所以|如果|已经|已經|正在|没有|沒有|并不|並不|不能|可以|应当|應當|应该|應該|们|們|还|還|很|往往|现在|現在|谈谈|談談/;

interface Headline {
  start: number;
  end: number;
  core: string;
  paragraph: number;
}

function readHeadlines(
  text: string,
  paragraphs: readonly Paragraph[],
  midAllowed: (paragraph: number) => boolean,
): Headline[] {
  const found: Headline[] = [];
  paragraphs.forEach((para, pi) => {
    para.sentences.forEach((sentence, si) => {
      if (si > 0 && !midAllowed(para.index)) return;
      // Most sentences are longer than any headline (core.length ≤ MAX_HAN + 6 below, and s is
      // the core plus at most "。"): rejected before the pattern tests, which are pure, so the
      // order does not change which sentences pass.
      if (sentence.end - sentence.start > MAX_HAN + 7) return;
      const s = text.slice(sentence.start, sentence.end);
      const whole = para.sentences.length === 1;
      const core = s.endsWith("。") ? s.slice(0, -1) : whole ? s : null;
      if (core === null || !HEADLINE_OPENING.test(core) || NOT_HEADLINE.test(core)) return;
      // A couplet opening a paragraph ("莫道君行早，更有早行人。") is a flourish; inside the body
      // of a heading it can be a sub-point ("要全面评价干部，用好“望远镜”。").
      if (/[，,]/.test(core) && (si === 0 || !TWO_HALVES.test(core))) return;
      if (ENUMERATED.test(core) || DECLARATIVE.test(core)) return;
      const han = hanLength(core);
      if (han < MIN_HAN || han > MAX_HAN || core.length > MAX_HAN + 6) return;
      if (whole) {
        const next = paragraphs[pi + 1];
        if (!next || next.end - next.start < MIN_NEXT_PARAGRAPH) return;
        if (!followsBreak(paragraphs[pi - 1])) return;
      } else if (si === para.sentences.length - 1 || para.end - sentence.end < MIN_BODY) {
        return;
      }
      found.push({ start: sentence.start, end: sentence.end, core, paragraph: para.index });
    });
  });
  return found;
}

/**
 * A line of its own is a headline only where the text before it has come to a stop (a finished
 * sentence, a colon, a heading): scraped pages split quoted titles and linked words onto lines
 * of their own in mid-sentence ("…纲要》和" / "“十四五”规划和二〇三五年远景目标" / "》…").
 */
function followsBreak(before: Paragraph | undefined): boolean {
  if (!before) return true;
  return /[。！？!?：:][”’」』）)]?$/.test(before.text) || ENUMERATED.test(before.text);
}

/**
 * Two headlines look alike when their lengths are close or they share a first or last
 * character; two-halves headlines only pair with their own kind.
 */
function alike(a: Headline, b: Headline): boolean {
  if (/[，,]/.test(a.core) !== /[，,]/.test(b.core)) return false;
  return (
    Math.abs(hanLength(a.core) - hanLength(b.core)) <= 2 ||
    a.core[0] === b.core[0] ||
    a.core[a.core.length - 1] === b.core[b.core.length - 1]
  );
}

/** `midAllowed`: as for inline headings, where a headline may stand inside a paragraph. */
export function findHeadlineHeadings(
  text: string,
  paragraphs: readonly Paragraph[],
  midAllowed: (paragraph: number) => boolean = () => true,
): HeadingCandidate[] {
  const headlines = readHeadlines(text, paragraphs, midAllowed);
  const found: HeadingCandidate[] = [];
  let chain: Headline[] = [];
  const flush = (): void => {
    // A member must resemble another member: stray short sentences next to a real series stay out.
    const members = chain.filter((h) => chain.some((o) => o !== h && alike(h, o)));
    if (members.length >= 2) {
      for (const h of members) {
        found.push({
          style: "headline",
          rank: INLINE_RANK,
          number: null,
          start: h.start,
          headingEnd: h.end,
          paragraph: h.paragraph,
        });
      }
    }
    chain = [];
  };
  for (const h of headlines) {
    const prev = chain[chain.length - 1];
    if (prev && h.paragraph - prev.paragraph > MAX_PARAGRAPH_GAP) flush();
    chain.push(h);
  }
  flush();
  return found;
}
