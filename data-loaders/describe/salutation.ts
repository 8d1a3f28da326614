// The salutation: a short line addressed to the audience, ending in ：or ！ (同志们：, 各位代表！,
// 尊敬的各位领导，同志们：). Long salutations are broken over lines (尊敬的黄坤明书记，/ 尊敬的各位
// 领导…朋友们：), and pages that run a speech into one line start it with the salutation.

const ADDRESS = /同志们|各位|代表|领导|同事|朋友|委员|来宾|女士|先生|老师|同学/;
const MAX_SALUTATION_CHARS = 30;

/** A salutation that names several audiences (尊敬的各位领导，来自…的各位代表，同志们、朋友们：). */
const MAX_LONG_SALUTATION_CHARS = 45;
const LONG_SALUTATION = /^(?:尊敬的|亲爱的|各位)|(?:同志们|朋友们)[：:！!]$/;

export function isSalutationLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  if (
    t.length > MAX_SALUTATION_CHARS &&
    !(t.length <= MAX_LONG_SALUTATION_CHARS && LONG_SALUTATION.test(t))
  )
    return false;
  if (!/[：:！!]$/.test(t)) return false;
  if (/[。？?；;]/.test(t)) return false;
  return ADDRESS.test(t);
}

/** The first line of a salutation broken over lines: 尊敬的各国政党领导人， */
export function isSalutationLead(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_SALUTATION_CHARS && /^(?:尊敬的|亲爱的)[^。？?；;]*[，,、]$/.test(t);
}

// 同志们，朋友们： 今天… — an address of at most 30 characters ending in ：/！ that opens a line.
const SALUTATION_HEAD = /^(?:尊敬的|亲爱的)?[^。？?；;：:！!]{1,28}?[：:！!]/;

/** The length of a salutation opening a longer line, or 0. */
export function salutationHeadLength(line: string): number {
  const m = SALUTATION_HEAD.exec(line);
  if (!m || !isSalutationLine(m[0])) return 0;
  return m[0].length;
}
