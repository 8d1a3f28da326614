// The salutation: a short line addressed to the audience, ending in ：or ！ (同志们：, 各位代表！,
// 尊敬的各位领导，同志们：).

const ADDRESS = /同志们|各位|代表|领导|同事|朋友|委员|来宾|女士|先生|老师|同学/;
const MAX_SALUTATION_CHARS = 30;

export function isSalutationLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_SALUTATION_CHARS) return false;
  if (!/[：:！!]$/.test(t)) return false;
  if (/[。？?；;]/.test(t)) return false;
  return ADDRESS.test(t);
}
