/**
 * Maximum flow (Dinic's algorithm) on a directed graph with integer capacities.
 *
 * The planning engine uses it for controlled rounding (see `plan/tree-rounding.ts`): rounding
 * a table so that every cell and every subtotal is the floor or the ceiling of its exact
 * value is a flow problem with capacities 0 or 1 on the cells, and a network with integer
 * capacities always has an integral maximum flow. The npm candidates did not fit:
 * `js-graph-algorithms` (Ford–Fulkerson on one object per edge: far too slow and heavy for
 * the ~10⁵–10⁶ arcs of a large plan), `glpk.js` / `javascript-lp-solver` (general LP/MIP
 * solvers, orders of magnitude slower here and a WebAssembly blob in the domain). So this is
 * hand-written (about 150 lines) and tested against brute-force minimum cuts.
 *
 * Arcs are stored in flat typed arrays (a forward arc at an even index, its residual twin at
 * the next odd index), so a graph of a million arcs costs a few typed arrays, not a million
 * objects. Pure and deterministic: the same arcs in the same order give the same flow.
 */

/** A flow network under construction; call {@link FlowNetwork.maxFlow} once it is complete. */
export class FlowNetwork {
  readonly nodeCount: number;
  private to: Int32Array;
  private cap: Float64Array;
  private next: Int32Array;
  private readonly head: Int32Array;
  private arcs = 0;

  /**
   * @param nodeCount Number of nodes; nodes are 0 … nodeCount − 1.
   * @param expectedArcs A capacity hint (forward arcs) to avoid regrowing the arrays.
   */
  constructor(nodeCount: number, expectedArcs = 16) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(2, 2 * expectedArcs);
    this.to = new Int32Array(size);
    this.cap = new Float64Array(size);
    this.next = new Int32Array(size);
  }

  /**
   * Adds an arc `from → to` with the given capacity (a non-negative safe integer) and
   * returns its id, for {@link FlowNetwork.flowOn} after solving.
   */
  addArc(from: number, to: number, capacity: number): number {
    if (this.arcs + 2 > this.to.length) this.grow();
    const id = this.arcs;
    this.to[id] = to;
    this.cap[id] = capacity;
    this.next[id] = this.head[from] as number;
    this.head[from] = id;
    this.to[id + 1] = from;
    this.cap[id + 1] = 0;
    this.next[id + 1] = this.head[to] as number;
    this.head[to] = id + 1;
    this.arcs += 2;
    return id;
  }

  /** Flow on arc `id` after {@link FlowNetwork.maxFlow} (the residual twin holds it). */
  flowOn(id: number): number {
    return this.cap[id + 1] as number;
  }

  /**
   * Pushes as much flow as possible from `source` to `sink` and returns its value.
   * Dinic: breadth-first levels, then blocking flows by depth-first search with a current-arc
   * pointer per node, so each phase is O(arcs · depth) and unit-capacity networks need few
   * phases. The arcs are first laid out per node in one block (compressed rows), because
   * following the linked lists of `addArc` through memory made each phase several times slower
   * on large networks. Each node still tries its arcs last-added first.
   */
  maxFlow(source: number, sink: number): number {
    const n = this.nodeCount;
    const m = this.arcs;
    const { head, next, to, cap } = this;
    const start = new Int32Array(n + 1);
    const slot = new Int32Array(m);
    let position = 0;
    for (let u = 0; u < n; u++) {
      start[u] = position;
      for (let a = head[u] as number; a !== -1; a = next[a] as number) slot[a] = position++;
    }
    start[n] = position;
    const arcTo = new Int32Array(m);
    const arcCap = new Float64Array(m);
    const twin = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const at = slot[a] as number;
      arcTo[at] = to[a] as number;
      arcCap[at] = cap[a] as number;
      twin[at] = slot[a ^ 1] as number;
    }

    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const queue = new Int32Array(n);
    // The depth-first search is iterative: the arcs taken from the source so far.
    const path = new Int32Array(n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let qHead = 0;
      let qTail = 0;
      queue[qTail++] = source;
      while (qHead < qTail) {
        const u = queue[qHead++] as number;
        const nextLevel = (level[u] as number) + 1;
        const end = start[u + 1] as number;
        for (let a = start[u] as number; a < end; a++) {
          const v = arcTo[a] as number;
          if (level[v] === -1 && (arcCap[a] as number) > 0) {
            level[v] = nextLevel;
            queue[qTail++] = v;
          }
        }
      }
      if (level[sink] === -1) break;
      current.set(start.subarray(0, n));

      // One phase: augment along shortest paths until none is left at these levels.
      let depth = 0;
      let u = source;
      for (;;) {
        if (u === sink) {
          let amount = Number.POSITIVE_INFINITY;
          for (let i = 0; i < depth; i++) amount = Math.min(amount, arcCap[path[i] as number] as number);
          for (let i = 0; i < depth; i++) {
            const a = path[i] as number;
            arcCap[a] = (arcCap[a] as number) - amount;
            const b = twin[a] as number;
            arcCap[b] = (arcCap[b] as number) + amount;
          }
          total += amount;
          // Restart from the source; saturated arcs are skipped by the current pointers.
          depth = 0;
          u = source;
          continue;
        }
        const end = start[u + 1] as number;
        const wanted = (level[u] as number) + 1;
        let a = current[u] as number;
        while (a < end && ((arcCap[a] as number) <= 0 || level[arcTo[a] as number] !== wanted)) a++;
        current[u] = a;
        if (a < end) {
          path[depth++] = a;
          u = arcTo[a] as number;
          continue;
        }
        // Dead end: no path to the sink from u at this level; retreat.
        if (u === source) break;
        level[u] = -1;
        depth--;
        u = arcTo[twin[path[depth] as number] as number] as number;
        current[u] = (current[u] as number) + 1;
      }
    }
    for (let a = 0; a < m; a++) cap[a] = arcCap[slot[a] as number] as number;
    return total;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const to = new Int32Array(size);
    const cap = new Float64Array(size);
    const next = new Int32Array(size);
    to.set(this.to);
    cap.set(this.cap);
    next.set(this.next);
    this.to = to;
    this.cap = cap;
    this.next = next;
  }
}
