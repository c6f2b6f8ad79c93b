/**
 * Maximum flow (Dinic's algorithm) on a directed graph with integer capacities.
 *
 * The planning engine uses it for controlled rounding (see `plan/tree-rounding.ts`): rounding
 * a table so that every cell and every subtotal is the floor or the ceiling of its exact
 * value is a flow problem with capacities 0 or 1 on the cells, and a network with integer
 * capacities always has an integral maximum flow. No maintained npm package offers a small,
 * dependency-free, typed max-flow that runs on typed arrays, so this is hand-written (about
 * a hundred lines) and tested on its own.
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
   * phases.
   */
  maxFlow(source: number, sink: number): number {
    const n = this.nodeCount;
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const queue = new Int32Array(n);
    // The depth-first search is iterative: the path of nodes and the arcs taken to reach them.
    const pathArcs = new Int32Array(n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let qHead = 0;
      let qTail = 0;
      queue[qTail++] = source;
      while (qHead < qTail) {
        const u = queue[qHead++] as number;
        for (let a = this.head[u] as number; a !== -1; a = this.next[a] as number) {
          const v = this.to[a] as number;
          if ((this.cap[a] as number) > 0 && level[v] === -1) {
            level[v] = (level[u] as number) + 1;
            queue[qTail++] = v;
          }
        }
      }
      if (level[sink] === -1) return total;
      current.set(this.head);
      total += this.blockingFlow(source, sink, level, current, pathArcs);
    }
  }

  /** One phase of Dinic: augments along shortest paths until none is left at this level. */
  private blockingFlow(
    source: number,
    sink: number,
    level: Int32Array,
    current: Int32Array,
    pathArcs: Int32Array,
  ): number {
    let pushed = 0;
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        // Bottleneck of the path, then push it.
        let amount = Number.POSITIVE_INFINITY;
        for (let i = 0; i < depth; i++) amount = Math.min(amount, this.cap[pathArcs[i] as number] as number);
        for (let i = 0; i < depth; i++) {
          const a = pathArcs[i] as number;
          this.cap[a] = (this.cap[a] as number) - amount;
          this.cap[a ^ 1] = (this.cap[a ^ 1] as number) + amount;
        }
        pushed += amount;
        // Restart from the source; saturated arcs are skipped by the current pointers.
        depth = 0;
        u = source;
        continue;
      }
      let a = current[u] as number;
      while (a !== -1) {
        const v = this.to[a] as number;
        if ((this.cap[a] as number) > 0 && level[v] === (level[u] as number) + 1) break;
        a = this.next[a] as number;
      }
      current[u] = a;
      if (a !== -1) {
        pathArcs[depth++] = a;
        u = this.to[a] as number;
        continue;
      }
      // Dead end: no path to the sink from u at this level; retreat.
      if (u === source) return pushed;
      level[u] = -1;
      depth--;
      const back = pathArcs[depth] as number;
      u = this.to[back ^ 1] as number;
      current[u] = this.next[current[u] as number] as number;
    }
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
