// Seeds (shared fingerprints of two texts, as unit positions a on the first and b on the second)
// grouped into chains along a diagonal (b - a): one chain per candidate passage. A reordered
// paragraph sits on another diagonal and so becomes its own chain; an insertion or deletion
// shifts the diagonal a little and stays in the chain up to maxDiagonalDrift.

export interface Seed {
  a: number;
  b: number;
}

export interface ChainOptions {
  maxSeedGap: number;
  maxDiagonalDrift: number;
  minSeeds: number;
}

interface OpenChain {
  seeds: Seed[];
  lastA: number;
  lastDiagonal: number;
}

/** Seeds must be sorted by a, then b. Chains come out in order of their first seed. */
export function chainSeeds(seeds: readonly Seed[], o: ChainOptions): Seed[][] {
  const done: Seed[][] = [];
  let open: OpenChain[] = [];
  const close = (c: OpenChain) => {
    if (c.seeds.length >= o.minSeeds) done.push(c.seeds);
  };
  for (const seed of seeds) {
    const diagonal = seed.b - seed.a;
    const stillOpen: OpenChain[] = [];
    for (const c of open) seed.a - c.lastA > o.maxSeedGap ? close(c) : stillOpen.push(c);
    open = stillOpen;
    let best: OpenChain | null = null;
    let bestDrift = Infinity;
    for (const c of open) {
      const drift = Math.abs(diagonal - c.lastDiagonal);
      if (drift <= o.maxDiagonalDrift && drift < bestDrift) {
        best = c;
        bestDrift = drift;
      }
    }
    if (best) {
      best.seeds.push(seed);
      best.lastA = seed.a;
      best.lastDiagonal = diagonal;
    } else open.push({ seeds: [seed], lastA: seed.a, lastDiagonal: diagonal });
  }
  open.forEach(close);
  return done.sort((x, y) => x[0]!.a - y[0]!.a || x[0]!.b - y[0]!.b);
}
