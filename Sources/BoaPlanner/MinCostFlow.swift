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

    /// A network of `nodes` nodes; `arcs`, when known, is how many arcs will be added (room is made for them).
    init(nodes: Int, arcs: Int = 0) {
        self.nodes = nodes
        from.reserveCapacity(arcs)
        to.reserveCapacity(arcs)
        capacity.reserveCapacity(arcs)
        cost.reserveCapacity(arcs)
    }

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

    /// One residual arc as the search reads it: where it goes, what it can still carry, what it costs. Kept
    /// together (and narrow) so that scanning a node's arcs reads one stretch of memory.
    private struct Slot {
        var head: Int32
        var residual: Int32
        var price: Int32
    }

    /// Sends as much flow as possible from `source` to `sink` at the least cost; returns (flow, cost).
    mutating func solve(source: Int, sink: Int) -> (flow: Int, cost: Int) {
        let count = nodes
        let arcCount = from.count
        precondition(capacity.allSatisfy { $0 >= 0 && $0 <= Int(Int32.max) } && cost.allSatisfy { $0 <= Int(Int32.max) },
                     "capacities and costs must fit in 32 bits")
        // Residual arcs per node: node `n` owns slots first[n]..<first[n + 1]; arc `i` sits at forward[i], its twin
        // at forward[i]'s `twin`. The search's arrays are raw buffers (freed on return): its loops run over 10^5
        // arcs hundreds of times, and bounds are checked where the arrays are laid out instead.
        let first = UnsafeMutableBufferPointer<Int>.allocate(capacity: count + 1)
        defer { first.deallocate() }
        first.initialize(repeating: 0)
        for index in 0..<arcCount {
            first[from[index] + 1] += 1
            first[to[index] + 1] += 1
        }
        for node in 0..<count { first[node + 1] += first[node] }
        var next = Array(first.dropLast())
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: 2 * arcCount)
        defer { slots.deallocate() }
        let twin = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * arcCount)
        defer { twin.deallocate() }
        var forward = Array(repeating: 0, count: arcCount)
        for index in 0..<arcCount {
            let out = next[from[index]]
            next[from[index]] += 1
            let back = next[to[index]]
            next[to[index]] += 1
            slots.initializeElement(at: out, to: Slot(head: Int32(to[index]), residual: Int32(capacity[index]), price: Int32(cost[index])))
            slots.initializeElement(at: back, to: Slot(head: Int32(from[index]), residual: 0, price: Int32(-cost[index])))
            twin.initializeElement(at: out, to: back)
            twin.initializeElement(at: back, to: out)
            forward[index] = out
        }
        let infinity = Int.max / 4
        func buffer<T>(_ value: T) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            buffer.initialize(repeating: value)
            return buffer
        }
        // `closest[n]`: once `n` is settled, the least of `distance[n]` + reduced cost over its residual arcs (the
        // distance it offers its nearest neighbour); `Int.min` while not settled.
        let potential = buffer(0), distance = buffer(infinity), current = buffer(0), closest = buffer(Int.min)
        let dead = buffer(false), onPath = buffer(false)
        defer { for pointer in [potential, distance, current, closest] { pointer.deallocate() }; dead.deallocate(); onPath.deallocate() }
        var totalFlow = 0
        var totalCost = 0
        // The path's arcs, and the node each leaves from.
        var path: [Int] = []
        var tails: [Int] = []
        var heap = BinaryHeap()
        while true {
            // Dijkstra on reduced costs, stopped once the sink is settled: every node closer than the sink is then
            // final, and the others get the sink's distance (which keeps every reduced cost non-negative).
            for index in 0..<count {
                distance[index] = infinity
                closest[index] = Int.min
            }
            distance[source] = 0
            heap.removeAll()
            heap.push((0, source))
            while let (d, node) = heap.pop() {
                if d > distance[node] { continue }
                if node == sink { break }
                let base = potential[node]
                var nearest = infinity
                for slot in first[node]..<first[node + 1] {
                    let arc = slots[slot]
                    if arc.residual <= 0 { continue }
                    let target = Int(arc.head)
                    let candidate = d &+ Int(arc.price) &+ base &- potential[target]
                    nearest = min(nearest, candidate)
                    if candidate < distance[target] {
                        distance[target] = candidate
                        heap.push((candidate, target))
                    }
                }
                closest[node] = nearest
            }
            guard distance[sink] < infinity else { break }
            let bound = distance[sink]
            for node in 0..<count { potential[node] &+= min(distance[node], bound) }
            // Blocking flow on arcs with zero reduced cost. An arc out of a settled node has zero reduced cost after
            // the update only if distance + reduced cost reaches its head's distance within the bound: a settled node
            // offering nothing within the bound has no such arc, so it starts dead (the search would find it dead
            // after trying each of its arcs; it lies on no path of this phase, so it gains no arcs either).
            for node in 0..<count {
                current[node] = first[node]
                dead[node] = closest[node] > bound
            }
            while true {
                // Iterative depth-first search for one admissible path (no node twice on it).
                path.removeAll(keepingCapacity: true)
                tails.removeAll(keepingCapacity: true)
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
                    let base = potential[node]
                    while current[node] < end {
                        let slot = current[node]
                        let arc = slots[slot]
                        let target = Int(arc.head)
                        if arc.residual > 0, !dead[target], !onPath[target], Int(arc.price) &+ base &- potential[target] == 0 {
                            path.append(slot)
                            tails.append(node)
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
                    guard path.popLast() != nil, let tail = tails.popLast() else { break }
                    node = tail
                    current[node] += 1
                }
                onPath[source] = false
                for slot in path { onPath[Int(slots[slot].head)] = false }
                guard found else { break }
                var push = Int32.max
                for slot in path { push = min(push, slots[slot].residual) }
                for slot in path {
                    slots[slot].residual -= push
                    slots[twin[slot]].residual += push
                    totalCost += Int(push) * Int(slots[slot].price)
                }
                totalFlow += Int(push)
            }
        }
        flows = forward.map { Int(slots[twin[$0]].residual) }
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
