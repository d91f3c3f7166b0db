/// An exact min-cost flow solver (primal-dual: Dijkstra with potentials to find the shortest augmenting
/// distance, then a blocking flow over the arcs on shortest paths), for integer capacities and
/// non-negative integer costs.
///
/// Arcs are collected first and laid out per node in one contiguous array when solving (forward arcs and
/// their residual twins in the order they were added), so the search walks plain integer arrays.
struct MinCostFlow {
    private let nodes: Int
    private var from: [Int] = []
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var cost: [Int] = []
    /// After ``solve(source:sink:)``: each added arc's flow.
    private var flows: [Int] = []

    init(nodes: Int) { self.nodes = nodes }

    /// Adds an arc (and its residual twin); returns its number, to read its flow afterwards.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int) -> Int {
        precondition(cost >= 0, "costs must not be negative")
        precondition(from >= 0 && from < nodes && to >= 0 && to < nodes, "arc to a node that does not exist")
        self.from.append(from)
        self.to.append(to)
        self.capacity.append(capacity)
        self.cost.append(cost)
        return self.from.count - 1
    }

    /// The flow on an arc added by ``addArc(from:to:capacity:cost:)``, once solved.
    func flow(_ arc: Int) -> Int { arc < flows.count ? flows[arc] : 0 }

    /// Sends as much flow as possible from `source` to `sink` at the least cost; returns (flow, cost).
    mutating func solve(source: Int, sink: Int) -> (flow: Int, cost: Int) {
        let count = nodes
        let arcCount = from.count
        // Residual arcs per node: node `n` owns slots first[n]..<first[n + 1]; arc `i` sits at forward[i], its twin
        // at forward[i]'s `twin`.
        var first = Array(repeating: 0, count: count + 1)
        for index in 0..<arcCount {
            first[from[index] + 1] += 1
            first[to[index] + 1] += 1
        }
        for node in 0..<count { first[node + 1] += first[node] }
        var next = Array(first.dropLast())
        var head = Array(repeating: 0, count: 2 * arcCount)
        var twin = Array(repeating: 0, count: 2 * arcCount)
        var residual = Array(repeating: 0, count: 2 * arcCount)
        var price = Array(repeating: 0, count: 2 * arcCount)
        var forward = Array(repeating: 0, count: arcCount)
        for index in 0..<arcCount {
            let out = next[from[index]]
            next[from[index]] += 1
            let back = next[to[index]]
            next[to[index]] += 1
            head[out] = to[index]
            head[back] = from[index]
            twin[out] = back
            twin[back] = out
            residual[out] = capacity[index]
            price[out] = cost[index]
            price[back] = -cost[index]
            forward[index] = out
        }
        let infinity = Int.max / 4
        var potential = Array(repeating: 0, count: count)
        var totalFlow = 0
        var totalCost = 0
        var distance = Array(repeating: infinity, count: count)
        var current = Array(repeating: 0, count: count)
        var dead = Array(repeating: false, count: count)
        var onPath = Array(repeating: false, count: count)
        var path: [Int] = []
        var heap = BinaryHeap()
        while true {
            // Dijkstra on reduced costs, stopped once the sink is settled: every node closer than the sink is then
            // final, and the others get the sink's distance (which keeps every reduced cost non-negative).
            for index in 0..<count { distance[index] = infinity }
            distance[source] = 0
            heap.removeAll()
            heap.push((0, source))
            while let (d, node) = heap.pop() {
                if d > distance[node] { continue }
                if node == sink { break }
                let base = potential[node]
                for slot in first[node]..<first[node + 1] where residual[slot] > 0 {
                    let target = head[slot]
                    let candidate = d + price[slot] + base - potential[target]
                    if candidate < distance[target] {
                        distance[target] = candidate
                        heap.push((candidate, target))
                    }
                }
            }
            guard distance[sink] < infinity else { break }
            let bound = distance[sink]
            for node in 0..<count { potential[node] += min(distance[node], bound) }
            // Blocking flow on arcs with zero reduced cost.
            for node in 0..<count {
                current[node] = first[node]
                dead[node] = false
            }
            while true {
                // Iterative depth-first search for one admissible path (no node twice on it).
                path.removeAll(keepingCapacity: true)
                var node = source
                onPath[source] = true
                var found = false
                while true {
                    if node == sink {
                        found = true
                        break
                    }
                    var advanced = false
                    let end = first[node + 1]
                    while current[node] < end {
                        let slot = current[node]
                        let target = head[slot]
                        if residual[slot] > 0, !dead[target], !onPath[target], price[slot] + potential[node] - potential[target] == 0 {
                            path.append(slot)
                            onPath[target] = true
                            node = target
                            advanced = true
                            break
                        }
                        current[node] += 1
                    }
                    if advanced { continue }
                    dead[node] = true
                    onPath[node] = false
                    guard let last = path.popLast() else { break }
                    node = head[twin[last]]
                    current[node] += 1
                }
                onPath[source] = false
                for slot in path { onPath[head[slot]] = false }
                guard found else { break }
                var push = Int.max
                for slot in path { push = min(push, residual[slot]) }
                for slot in path {
                    residual[slot] -= push
                    residual[twin[slot]] += push
                    totalCost += push * price[slot]
                }
                totalFlow += push
            }
        }
        flows = forward.map { residual[twin[$0]] }
        return (totalFlow, totalCost)
    }
}

/// A binary min-heap of (key, value) pairs.
struct BinaryHeap {
    private var items: [(Int, Int)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

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
