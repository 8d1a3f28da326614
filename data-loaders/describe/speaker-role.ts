// The speaker's office when the front matter states it (市委书记在…上的讲话, 国务院总理周恩来) or the
// opening says so (作为县委组织部长，我…). Never guessed from body mentions of other officials.

const ORG = "(?:省|市|州|县|区|旗|盟|地|自治区|自治州|自治县)";
const ROLE_SOURCE =
  `(?:${ORG}委(?:常委)?[、，]?(?:常务)?副?(?:书记|组织部部长|组织部长|秘书长|常委)` +
  `|${ORG}委组织部(?:常务)?副?部长` +
  `|${ORG}(?:人民政府|政府)?(?:常务)?(?:副|代)?(?:省长|市长|州长|县长|区长|旗长|盟长|专员)` +
  `|${ORG}人大常委会副?主任|${ORG}政协副?主席` +
  `|国务院(?:常务)?副?总理|国务院代总理|国务委员|(?<![\\p{Script=Han}])副?总理` +
  `|中共中央总书记|中央委员会总书记|国家主席|中央军委主席|全国人大常委会委员长|全国政协主席)`;
const ROLE = new RegExp(ROLE_SOURCE, "u");
const AS_ROLE = new RegExp(`作为(?:一名|一位)?(${ROLE_SOURCE})`, "u");

export interface RoleHit {
  role: string;
  start: number;
  end: number;
}

/** The first role named at the start of a front-matter line (title, speaker line). */
export function roleInFrontMatter(line: string, offset: number): RoleHit | null {
  const m = ROLE.exec(line);
  if (!m) return null;
  // In a title the speaker comes first (市委书记在…); a role deep inside names the subject instead
  // (关于加强村党组织书记队伍建设的报告).
  const before = line.slice(0, m.index);
  if (/在|关于/.test(before)) return null;
  return { role: m[0], start: offset + m.index, end: offset + m.index + m[0].length };
}

/** "作为县委组织部长，我…" in the opening paragraph. */
export function roleInOpening(paragraph: string, offset: number): RoleHit | null {
  const m = AS_ROLE.exec(paragraph);
  const role = m?.[1];
  if (!m || !role) return null;
  const start = offset + m.index + m[0].length - role.length;
  return { role, start, end: start + role.length };
}
