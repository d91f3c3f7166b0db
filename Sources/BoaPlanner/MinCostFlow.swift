/// An exact min-cost flow solver (primal-dual: Dijkstra with potentials to find the shortest augmenting
/// distance, then a blocking flow over the arcs on shortest paths), for integer capacities and
/// non-negative integer costs.
struct MinCostFlow {
    struct Arc {
        var to: Int
        var reverse: Int
        var capacity: Int
        var cost: Int
    }

    private(set) var arcs: [[Arc]]

    init(nodes: Int) { arcs = Array(repeating: [], count: nodes) }

    /// Adds an arc (and its residual twin); returns its place, to read its flow afterwards.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int) -> (node: Int, index: Int) {
        precondition(cost >= 0, "costs must not be negative")
        arcs[from].append(Arc(to: to, reverse: arcs[to].count, capacity: capacity, cost: cost))
        arcs[to].append(Arc(to: from, reverse: arcs[from].count - 1, capacity: 0, cost: -cost))
        return (from, arcs[from].count - 1)
    }

    /// The flow on an arc added by ``addArc(from:to:capacity:cost:)``.
    func flow(_ place: (node: Int, index: Int)) -> Int {
        let arc = arcs[place.node][place.index]
        return arcs[arc.to][arc.reverse].capacity
    }

    /// Sends as much flow as possible from `source` to `sink` at the least cost; returns (flow, cost).
    mutating func solve(source: Int, sink: Int) -> (flow: Int, cost: Int) {
        let count = arcs.count
        let infinity = Int.max / 4
        var potential = Array(repeating: 0, count: count)
        var totalFlow = 0
        var totalCost = 0
        var distance = Array(repeating: infinity, count: count)
        while true {
            // Dijkstra on reduced costs.
            for index in 0..<count { distance[index] = infinity }
            distance[source] = 0
            var heap = BinaryHeap()
            heap.push((0, source))
            while let (d, node) = heap.pop() {
                if d > distance[node] { continue }
                for arc in arcs[node] where arc.capacity > 0 {
                    let next = d + arc.cost + potential[node] - potential[arc.to]
                    if next < distance[arc.to] {
                        distance[arc.to] = next
                        heap.push((next, arc.to))
                    }
                }
            }
            guard distance[sink] < infinity else { break }
            let bound = distance[sink]
            for node in 0..<count { potential[node] += min(distance[node], bound) }
            // Blocking flow on arcs with zero reduced cost.
            var current = Array(repeating: 0, count: count)
            var dead = Array(repeating: false, count: count)
            var onPath = Array(repeating: false, count: count)
            while true {
                // Iterative depth-first search for one admissible path (no node twice on it).
                var path: [(node: Int, arc: Int)] = []
                var node = source
                onPath[source] = true
                var found = false
                while true {
                    if node == sink {
                        found = true
                        break
                    }
                    var advanced = false
                    while current[node] < arcs[node].count {
                        let arc = arcs[node][current[node]]
                        if arc.capacity > 0, !dead[arc.to], !onPath[arc.to], arc.cost + potential[node] - potential[arc.to] == 0 {
                            path.append((node, current[node]))
                            onPath[arc.to] = true
                            node = arc.to
                            advanced = true
                            break
                        }
                        current[node] += 1
                    }
                    if advanced { continue }
                    dead[node] = true
                    onPath[node] = false
                    guard let last = path.popLast() else { break }
                    node = last.node
                    current[node] += 1
                }
                onPath[source] = false
                for step in path { onPath[arcs[step.node][step.arc].to] = false }
                guard found else { break }
                var push = Int.max
                for step in path { push = min(push, arcs[step.node][step.arc].capacity) }
                for step in path {
                    let arc = arcs[step.node][step.arc]
                    arcs[step.node][step.arc].capacity -= push
                    arcs[arc.to][arc.reverse].capacity += push
                    totalCost += push * arc.cost
                }
                totalFlow += push
            }
        }
        return (totalFlow, totalCost)
    }
}

/// A binary min-heap of (key, value) pairs.
struct BinaryHeap {
    private var items: [(Int, Int)] = []

    mutating func push(_ item: (Int, Int)) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if items[parent].0 <= items[child].0 { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, items[left].0 < items[smallest].0 { smallest = left }
                if right < items.count, items[right].0 < items[smallest].0 { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
