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
  /全国(?:人民)?代表大会|全国人大|全国政协|中国共产党第|中共中央|党中央|中央委员会|中央政治局|中央全会|届[一二三四五六七八九十]+中全会|国务院|全国[^，。；、]{0,24}(?:会议|大会)|中央[^，。；、]{0,12}会议|世界政党/;
/** Relays of a superior meeting (传达学习全国组织工作会议精神) name it without being held at it. */
const RELAY = /(?:传达|学习|贯彻|落实|领会)[^，。；]{0,40}精神/g;
/** The occasion phrase of a title or subtitle: 在…上(的讲话). */
const OCCASION = /在([^在，。；]{2,60}?)上(?:的|作|发表|强调|指出|讲话|致辞|$)/;

type UnitLevel = Exclude<Level, "unknown">;
const UNIT_MARKERS: readonly [RegExp, UnitLevel][] = [
  [CENTRAL_BODY, "central"],
  [/省|自治区|直辖市/, "province"],
  [/(?:自治州|州|盟|地区)(?:委|政府|人民政府|人大|政协)?/, "prefecture"],
  [/市/, "city"],
  [/县|旗/, "county"],
  [/区/, "district"],
];

/** The level of a convening body written out (广东省第十三届人民代表大会, 全市组织工作会议). */
export function levelOfBody(body: string): UnitLevel | null {
  let best: { level: UnitLevel; at: number } | null = null;
  for (const [re, level] of UNIT_MARKERS) {
    const m = re.exec(body);
    if (!m) continue;
    if (level === "central") return "central";
    // The first unit named is the body itself (广东省…大会); later ones qualify it.
    if (!best || m.index < best.at) best = { level, at: m.index };
  }
  return best?.level ?? null;
}

/**
 * The level of the meeting the front matter says the text was delivered at, or of the body that
 * issued it; null when the front matter names neither.
 */
export function occasionLevel(front: string): UnitLevel | null {
  const flat = foldTraditional(front).replace(/\s+/g, "").replace(RELAY, "");
  const occasion = OCCASION.exec(flat)?.[1];
  if (occasion) {
    const level = levelOfBody(occasion);
    if (level) return level;
  }
  return CENTRAL_BODY.test(flat) ? "central" : null;
}

// An opening that names a national congress as the occasion (中国共产党第十次全国代表大会，是在…),
// or a speaker who speaks for the Central Committee (我代表中央委员会 / 受十二届中央委员会委托).
const CENTRAL_OPENING =
  /^(?:中国共产党|党的)?第[一二三四五六七八九十]{1,3}(?:次全国代表大会|届全国人民代表大会)|(?:我代表|受)[^，。；]{0,8}中央委员会/m;

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
  const occasion = occasionLevel(inp.front);
  if (occasion) return occasion;
  const role = levelOfRole(inp.speaker_role);
  if (role) return role;
  if (inp.opening && openingIsCentral(inp.opening)) return "central";
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
