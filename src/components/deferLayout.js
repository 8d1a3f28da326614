// Keeps a long block (thousands of list items, hundreds of KWIC lines) out of layout until it is
// near the screen, without leaving the DOM: its text is there at once for find-in-page, tests
// and scripts. content-visibility: auto alone does not do it on these pages: the charts above
// such a block are drawn by Framework's resize() in a ResizeObserver callback, i.e. after the
// first layout, so at that layout the block looks on screen and is laid out in full (at 10,000
// speeches ~0.45 s for the Overview's quality lists, before the heatmap could be drawn; ~25 ms
// for the KWIC lines at every search). So the block starts `hidden` (never laid out) and turns
// `auto` two frames later, once the charts above it have been drawn and pushed it down.

/**
 * @param node the block (a new element: its content-visibility is set here)
 * @param heightEm estimated height in em, the placeholder height until it is first laid out
 * @returns node
 */
export function deferLayout(node, heightEm) {
  node.style.setProperty("contain-intrinsic-height", `auto ${heightEm.toFixed(1)}em`);
  node.style.contentVisibility = "hidden";
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      node.style.contentVisibility = "auto";
    }),
  );
  return node;
}
