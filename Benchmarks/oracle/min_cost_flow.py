#!/usr/bin/env python3
"""Independent oracle for the planner benchmark: solves the planner's assignment model exactly with
OR-Tools' min-cost flow (benchmark-only, never part of the product).

Input (file or stdin): `nodes N`, `source S`, `sink T`, then `arc FROM TO CAPACITY COST` lines.
Output: one line `optimal cost C flow F`. Sends the maximum flow from source to sink at minimum cost.
"""
import sys
from ortools.graph.python import min_cost_flow, max_flow

def main():
    text = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    arcs, source, sink = [], 0, 0
    for line in text.splitlines():
        parts = line.split()
        if not parts: continue
        if parts[0] == "source": source = int(parts[1])
        elif parts[0] == "sink": sink = int(parts[1])
        elif parts[0] == "arc": arcs.append(tuple(int(p) for p in parts[1:5]))
    # The maximum flow first, then the cheapest way to send exactly that much.
    mf = max_flow.SimpleMaxFlow()
    for a, b, cap, _ in arcs: mf.add_arc_with_capacity(a, b, cap)
    assert mf.solve(source, sink) == mf.OPTIMAL
    flow = mf.optimal_flow()
    mcf = min_cost_flow.SimpleMinCostFlow()
    for a, b, cap, cost in arcs: mcf.add_arc_with_capacity_and_unit_cost(a, b, cap, cost)
    mcf.set_node_supply(source, flow)
    mcf.set_node_supply(sink, -flow)
    assert mcf.solve() == mcf.OPTIMAL, "no optimal min-cost flow"
    print(f"optimal cost {mcf.optimal_cost()} flow {flow}")

if __name__ == "__main__":
    main()
