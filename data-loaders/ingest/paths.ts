// Path helpers shared by the ingest edge.
import { isAbsolute, relative, sep } from "node:path";

/** True when `target` lies strictly inside `root` (both already resolved with realpath). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel);
}
