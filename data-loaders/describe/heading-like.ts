// Outline headings (一、 （一） 1. 第一，) must never be mistaken for titles or header lines.

const HEADING_START =
  /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+[、．.]|第[一二三四五六七八九十]+[，、,：:部章节条是])/;

export function isHeadingLine(line: string): boolean {
  return HEADING_START.test(line.trim());
}
