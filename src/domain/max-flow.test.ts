import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork } from './max-flow.js';

/** The smallest cut by trying every set of nodes with the source and without the sink. */
function minCut(n: number, arcs: readonly (readonly [number, number, number])[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    if (!(mask & 1) || mask & (1 << (n - 1))) continue; // source is node 0, sink node n − 1
    let cut = 0;
    for (const [from, to, cap] of arcs) if (mask & (1 << from) && !(mask & (1 << to))) cut += cap;
    best = Math.min(best, cut);
  }
  return best;
}

describe('FlowNetwork', () => {
  it('finds the textbook maximum flow and reports the flow per arc', () => {
    const network = new FlowNetwork(4, 1);
    const sa = network.addArc(0, 1, 3);
    const sb = network.addArc(0, 2, 2);
    const ab = network.addArc(1, 2, 1);
    const at = network.addArc(1, 3, 2);
    const bt = network.addArc(2, 3, 3);
    expect(network.maxFlow(0, 3)).toBe(5);
    expect(network.flowOn(sa) + network.flowOn(sb)).toBe(5);
    expect(network.flowOn(at) + network.flowOn(bt)).toBe(5);
    expect(network.flowOn(sa)).toBe(network.flowOn(ab) + network.flowOn(at));
  });

  it('equals the minimum cut, with flows within capacity and conserved, on random graphs', () => {
    const graphs = fc.integer({ min: 2, max: 7 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        arcs: fc.array(
          fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.integer({ min: 0, max: 5 })),
          { maxLength: 20 },
        ),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ n, arcs }) => {
        const network = new FlowNetwork(n);
        const ids = arcs.map(([from, to, cap]) => network.addArc(from, to, cap));
        const value = network.maxFlow(0, n - 1);
        expect(value).toBe(minCut(n, arcs));
        const balance = new Array<number>(n).fill(0);
        arcs.forEach(([from, to, cap], i) => {
          const flow = network.flowOn(ids[i] as number);
          expect(flow >= 0 && flow <= cap).toBe(true);
          balance[from] = (balance[from] as number) - flow;
          balance[to] = (balance[to] as number) + flow;
        });
        balance.forEach((b, node) => {
          if (node !== 0 && node !== n - 1) expect(b).toBe(0);
        });
        if (n > 1) expect(balance[n - 1]).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
