// Administrative level of the speech. The convening body named in the title, subtitle or headline
// (在广东省高质量发展大会上, ——在中国共产党第十九次全国代表大会上) decides first, then the speaker's
// stated office, then an opening that names a national congress as its occasion; only then scored
// cues. Self-references (全市, 我县, 人才强市)
// outweigh mentions of party committees (市委, 省委), which often name the level above; the title,
// the header and the speaker's office outweigh the body. Body mentions of 全国 never make a speech
// central: every local speech relays 全国组织工作会议 and 党中央.
import type { Level } from "../types.ts";
import { foldTraditional } from "./traditional.ts";

type LocalLevel = Exclude<Level, "central" | "unknown">;

interface Cue {
  level: LocalLevel;
  pattern: RegExp;
  weight: number;
}

const SELF = 3; // 我市, 人才强市: the speaker's own unit
const WHOLE = 2; // 全市: the unit addressed
const COMMITTEE = 1; // 市委: own or superior committee

const BODY_CUES: readonly Cue[] = [
  { level: "province", pattern: /我省|强省|省直/g, weight: SELF },
  { level: "province", pattern: /全省/g, weight: WHOLE },
  { level: "province", pattern: /省委|省政府/g, weight: COMMITTEE },
  { level: "city", pattern: /我市|强市|市直/g, weight: SELF },
  { level: "city", pattern: /全市/g, weight: WHOLE },
  { level: "city", pattern: /(?<!县)市委|市政府/g, weight: COMMITTEE },
  { level: "prefecture", pattern: /我州|强州|州直|我盟|全盟|我地区/g, weight: SELF },
  { level: "prefecture", pattern: /全州|全地区/g, weight: WHOLE },
  { level: "prefecture", pattern: /州委|州政府|地委|盟委|行署/g, weight: COMMITTEE },
  { level: "county", pattern: /我县|强县|县直|我旗|全旗/g, weight: SELF },
  { level: "county", pattern: /全县/g, weight: WHOLE },
  { level: "county", pattern: /县委|县政府|旗委/g, weight: COMMITTEE },
  { level: "district", pattern: /我区|强区|区直/g, weight: SELF },
  { level: "district", pattern: /全区/g, weight: WHOLE },
  { level: "district", pattern: /区委|区政府/g, weight: COMMITTEE },
];

/** Front matter counts this many times a body mention. */
const FRONT_WEIGHT = 5;
/** The speaker's stated office settles the level unless the rest of the text is overwhelming. */
const ROLE_WEIGHT = 20;

// Delivered *at* a national meeting or by a central organ; a title that relays a national meeting
// (传达学习全国组织工作会议精神) is a local study session and gets nothing here.
const CENTRAL_BODY =
  /全国(?:人民)?代表大会|全国人大|全国政协|中国共产党第|中共中央|党中央|中央委员会|中央政治局|中央全会|届[一二三四五六七八九十]+中全会|国务院|全国[^，。；、]{0,24}(?:会议|大会)|中央[^，。；、]{0,12}会议|最高国务会议|世界政党/;
/** Relays of a superior meeting (传达学习全国组织工作会议精神) name it without being held at it. */
const RELAY = /(?:传达|学习|贯彻|落实|领会)[^，。；]{0,40}精神/g;
/** The occasion phrase of a title or subtitle: 在…上(的讲话). */
const OCCASION = /在([^在，。；]{2,60}?)上(?=的|作|发表|强调|指出|讲话|致辞|\n|$)/;

type UnitLevel = Exclude<Level, "unknown">;
// A unit named as a body: 全市, 区委, 县人民政府, 州第八次(党代会), 广东省. Bare 区/市 are not (区域,
// 社区, 城市, 市场): a unit needs 全 before it, or a body word or an ordinal after it, or for
// provinces a name before it.
const BODY_AFTER =
  "(?:委|政府|人民政府|人大|政协|纪委|党代会|代表大会|第[一二三四五六七八九十]+[届次])";
const UNIT_TOKEN = new RegExp(
  `全(省|市|区|县|州|盟|旗)|(自治区|自治州|自治县|省|市|区|县|州|盟|旗)${BODY_AFTER}|\\p{Script=Han}(省|自治区)`,
  "gu",
);
const NATIONAL_OCCASION = /中国共产党|中华人民共和国|中国人民解放军|中国人民政治协商会议/;
const UNIT_LEVEL: Readonly<Record<string, UnitLevel>> = {
  省: "province",
  自治区: "province",
  市: "city",
  州: "prefecture",
  自治州: "prefecture",
  盟: "prefecture",
  县: "county",
  自治县: "county",
  旗: "county",
  区: "district",
};

/**
 * The level of a convening body written out (广东省第十三届人民代表大会, 全市组织工作会议,
 * 北京市海淀区第十六届人民代表大会). The unit named last is the body itself; units before it
 * qualify it (北京市 in 北京市海淀区).
 */
export function levelOfBody(body: string): UnitLevel | null {
  if (CENTRAL_BODY.test(body)) return "central";
  let last: UnitLevel | null = null;
  for (const m of body.matchAll(UNIT_TOKEN)) {
    const unit = m[1] ?? m[2] ?? m[3] ?? "";
    last = UNIT_LEVEL[unit] ?? last;
  }
  // No local unit, and the occasion belongs to the Party or the state as a whole
  // (庆祝中国共产党成立100周年大会, 中华人民共和国成立70周年招待会).
  return last ?? (NATIONAL_OCCASION.test(body) ? "central" : null);
}

/**
 * The level of the meeting the front matter says the text was delivered at, or of the body that
 * issued it; null when the front matter names neither.
 */
export function occasionLevel(front: string): UnitLevel | null {
  // Spaces go; line breaks stay, as a subtitle broken over lines still ends at its 上.
  const flat = foldTraditional(front)
    .replace(/[^\S\n]+/g, "")
    .replace(RELAY, "");
  const occasion = OCCASION.exec(flat)?.[1];
  if (occasion) {
    const level = levelOfBody(occasion.replace(/\n/g, ""));
    if (level) return level;
  }
  return CENTRAL_BODY.test(flat.replace(/\n/g, "")) ? "central" : null;
}

/** The level of a unit the title itself names (海淀区政府工作报告, 全市组织工作会议讲话稿). */
export function titleUnitLevel(title: string): UnitLevel | null {
  return levelOfBody(foldTraditional(title).replace(/\s+/g, "").replace(RELAY, ""));
}

// The Party's general secretaries and chairmen, the state's presidents and premiers: a title or
// speaker line that opens with one of them (习近平在…, 周恩来：…, a speaker line 习　近　平) is a
// text of the central leadership. Public record; extend when the leadership changes.
const NATIONAL_LEADERS =
  "毛泽东|周恩来|刘少奇|朱德|邓小平|陈云|华国锋|胡耀邦|赵紫阳|江泽民|李鹏|朱镕基|胡锦涛|温家宝|习近平|李克强|李强";
const LEADER_SPEAKER = new RegExp(`^(?:${NATIONAL_LEADERS})(?:同志)?(?:在|：|:|$)`, "m");

export function leaderSpeaks(front: string): boolean {
  return LEADER_SPEAKER.test(foldTraditional(front).replace(/[^\S\n]+/g, ""));
}

// An opening that names a national congress as the occasion (中国共产党第十次全国代表大会，是在…),
// or a speaker who speaks for the Central Committee (我代表中央委员会 / 受十二届中央委员会委托).
const CENTRAL_OPENING =
  /^(?:中国共产党|党的)?第[一二三四五六七八九十]{1,3}(?:次全国代表大会|届全国人民代表大会)|(?:我代表|受)[^，。；]{0,8}中央委员会/m;

/** The occasion named by an editor's note opening the text (这是…在…会议上的讲话). */
function noteLevel(opening: string): UnitLevel | null {
  const note = /^(?:这是|本文是|这篇是)[^。\n]{0,100}/m.exec(opening)?.[0];
  return note ? occasionLevel(note) : null;
}

export function openingIsCentral(opening: string): boolean {
  return CENTRAL_OPENING.test(foldTraditional(opening));
}

// The speaker's own unit is a company, a university or a bank (我司, 公司党委, 我校, 分党校): such
// texts have no administrative level, whatever 全区/全市 they mention (a branch's sales region).
const ORGANISATION_SELF =
  /我司|我公司|本公司|公司党委|集团党委|我集团|本集团|我校|本校|学校党委|学院党委|分党校|我行|本行/g;

/** Ties go to the more local level: speeches cite superiors far more than subordinates. */
const TIE_ORDER: readonly LocalLevel[] = ["district", "county", "prefecture", "city", "province"];

export function levelOfRole(role: string | null): Level | null {
  if (!role) return null;
  if (
    /国务院|总理|国务委员|中共中央|党中央|中央委员会|总书记|国家主席|中央军委|全国人大|全国政协/.test(
      role,
    )
  )
    return "central";
  const org = /^(自治区|自治州|自治县|省|市|州|县|区|旗|盟|地)/.exec(role)?.[1];
  switch (org) {
    case "省":
    case "自治区":
      return "province";
    case "市":
      return "city";
    case "州":
    case "自治州":
    case "盟":
    case "地":
      return "prefecture";
    case "县":
    case "自治县":
    case "旗":
      return "county";
    case "区":
      return "district";
    default:
      return null;
  }
}

export interface LevelInputs {
  /** Title and header lines. */
  front: string;
  body: string;
  speaker_role: string | null;
  /** The first body paragraphs; optional. */
  opening?: string;
  /** The title alone; optional. */
  title?: string | null;
}

export function scoreLevels(inp: LevelInputs): Map<Level, number> {
  const scores = new Map<Level, number>();
  const add = (level: Level, n: number) => scores.set(level, (scores.get(level) ?? 0) + n);
  for (const cue of BODY_CUES) {
    add(cue.level, (inp.body.match(cue.pattern)?.length ?? 0) * cue.weight);
    add(cue.level, (inp.front.match(cue.pattern)?.length ?? 0) * cue.weight * FRONT_WEIGHT);
  }
  const roleLevel = levelOfRole(inp.speaker_role);
  if (roleLevel) add(roleLevel, ROLE_WEIGHT);
  return scores;
}

export function classifyLevel(inp: LevelInputs): Level {
  const occasion = occasionLevel(inp.front) ?? noteLevel(inp.opening ?? "");
  if (occasion) return occasion;
  const role = levelOfRole(inp.speaker_role);
  if (role) return role;
  if (inp.opening && openingIsCentral(inp.opening)) return "central";
  const unit = inp.title ? titleUnitLevel(inp.title) : null;
  if (unit) return unit;
  if (leaderSpeaks(inp.front)) return "central";
  const scores = scoreLevels(inp);
  let best: Level = "unknown";
  let bestScore = 0;
  for (const level of [...TIE_ORDER, "central"] as const) {
    const s = scores.get(level) ?? 0;
    if (s > bestScore) {
      best = level;
      bestScore = s;
    }
  }
  const organisation = (inp.body.match(ORGANISATION_SELF)?.length ?? 0) * SELF;
  return organisation >= bestScore ? "unknown" : best;
}
