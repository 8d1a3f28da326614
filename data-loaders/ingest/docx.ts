// Text extraction from .docx files (Office Open XML) through mammoth, loaded on the first .docx
// (it and its zip library are ~100 ms of start-up for every pool worker otherwise).

export type DocxResult = { kind: "ok"; text: string } | { kind: "unreadable"; detail: string };

/**
 * Raw text of a .docx, one paragraph per line (mammoth separates paragraphs with blank lines,
 * which normalizeText drops). Never throws: a corrupt or non-docx zip becomes "unreadable".
 */
export async function extractDocxText(buffer: Buffer): Promise<DocxResult> {
  try {
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.extractRawText({ buffer });
    return { kind: "ok", text: result.value };
  } catch (err) {
    return {
      kind: "unreadable",
      detail: firstLine(err instanceof Error ? err.message : String(err)),
    };
  }
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? "";
  return line.length > 80 ? line.slice(0, 79) + "…" : line;
}
