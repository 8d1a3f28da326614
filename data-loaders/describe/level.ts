// Administrative level of the speech, from scored cues. Self-references (全市, 我县, 人才强市)
// outweigh mentions of party committees (市委, 省委), which often name the level above; the title,
// the header and the speaker's office outweigh the body. Body mentions of 全国 never make a speech
// central: every local speech relays 全国组织工作会议 and 党中央.
import type { Level } from "../types.ts";

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
const CENTRAL_FRONT =
  /国务院|全国人民代表大会|全国人大|中共中央|中央政治局|在(?:[0-9０-９]{4}年)?全国[^，。在]{0,20}(?:会议|大会)上/;

/** Ties go to the more local level: speeches cite superiors far more than subordinates. */
const TIE_ORDER: readonly LocalLevel[] = ["district", "county", "prefecture", "city", "province"];

export function levelOfRole(role: string | null): Level | null {
  if (!role) return null;
  if (/国务院|总理|国务委员/.test(role)) return "central";
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
}

export function scoreLevels(inp: LevelInputs): Map<Level, number> {
  const scores = new Map<Level, number>();
  const add = (level: Level, n: number) => scores.set(level, (scores.get(level) ?? 0) + n);
  for (const cue of BODY_CUES) {
    add(cue.level, (inp.body.match(cue.pattern)?.length ?? 0) * cue.weight);
    add(cue.level, (inp.front.match(cue.pattern)?.length ?? 0) * cue.weight * FRONT_WEIGHT);
  }
  if (CENTRAL_FRONT.test(inp.front)) add("central", FRONT_WEIGHT * SELF);
  const roleLevel = levelOfRole(inp.speaker_role);
  if (roleLevel) add(roleLevel, ROLE_WEIGHT);
  return scores;
}

export function classifyLevel(inp: LevelInputs): Level {
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
  return best;
}
