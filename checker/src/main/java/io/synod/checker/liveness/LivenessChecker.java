package io.synod.checker.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Searches the product of the behaviour graph and each branch's tableau for a reachable
 * strongly connected component that satisfies one of the branch's error models: every edge
 * inside it satisfies the {@code <>[]} formulas, some edge satisfies each {@code []<>} formula,
 * and some node fulfils each promise of the tableau. Such a component holds a cycle that is an
 * infinite counterexample; the result is a shortest path to the component's root plus a cycle
 * from the root built as TLC builds its own (see {@code Product.greedy}).
 *
 * <p>Components are found with Tarjan's algorithm run on an explicit stack (deep graphs would
 * exhaust the Java stack), once per error model, on the graph without the edges that break its
 * {@code <>[]} formulas. Every state has a stuttering step to itself, as every TLA+ behaviour
 * may stutter.
 */
public final class LivenessChecker {
  /**
   * A counterexample: the states (graph numbers) of the behaviour, the index the last state
   * loops back to, the action bits of each step (step i goes from state i to state i+1, the
   * last one back to {@code loop}), and whether the loop is the last state stuttering.
   */
  public record Lasso(int[] states, int loop, long[] stepBits, boolean stuttering) {}

  private final BehaviorGraph g;

  public LivenessChecker(BehaviorGraph g) {
    this.g = g;
  }

  /** The first counterexample over all branches, or null when every property holds. */
  public Lasso check(LivenessPlan plan) {
    return check(plan, 1);
  }

  /**
   * The same, with the branches searched by up to {@code threads} threads at once (each branch
   * is its own product graph); the result is the first branch's counterexample in plan order,
   * whatever the timing.
   */
  public Lasso check(LivenessPlan plan, int threads) {
    List<LivenessPlan.Branch> branches = plan.branches();
    if (threads <= 1 || branches.size() <= 1) {
      for (LivenessPlan.Branch b : branches) {
        Lasso l = new Product(b).search();
        if (l != null) {
          return l;
        }
      }
      return null;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(threads, branches.size()), r -> {
          Thread th = new Thread(r, "synod-liveness");
          th.setDaemon(true);
          return th;
        });
    try {
      List<java.util.concurrent.Future<Lasso>> results = new ArrayList<>();
      for (LivenessPlan.Branch b : branches) {
        results.add(pool.submit(() -> new Product(b).search()));
      }
      for (java.util.concurrent.Future<Lasso> f : results) {
        Lasso l = f.get();
        if (l != null) {
          return l;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LivenessException("because the check was interrupted.");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One branch's product graph: node id = state * tableauSize + tableauNode. */
  private final class Product {
    final LivenessPlan.Branch branch;
    final Tableau tab;
    final int t;
    final int size;
    // the lasso's prefix, computed only for a counterexample
    int[] dist;
    int[] parent;
    long[] parentBits;

    Product(LivenessPlan.Branch branch) {
      this.branch = branch;
      this.tab = branch.tableau();
      this.t = tab == null ? 1 : tab.size();
      long sz = (long) g.size() * t;
      if (sz > Integer.MAX_VALUE - 8) {
        throw new LivenessException("because the product of the state graph and the tableau is"
            + " too large.");
      }
      this.size = (int) sz;
    }

    boolean consistent(int s, int q) {
      return tab == null || tab.node(q).consistent(g.stateBits(s));
    }

    int degree(int s) {
      return g.edgeEnd(s) - g.edgeStart(s) + 1;
    }

    int succCount(int q) {
      return tab == null ? 1 : tab.node(q).successorArray().length;
    }

    /** The k-th candidate successor of product node u (-1 when the tableau rules it out). */
    int succ(int u, int k) {
      int s = u / t;
      int q = u % t;
      int sc = succCount(q);
      int ei = k / sc;
      int qi = k % sc;
      int target = ei == 0 ? s : g.target(g.edgeStart(s) + ei - 1);
      int q2 = tab == null ? 0 : tab.node(q).successorArray()[qi];
      return consistent(target, q2) ? target * t + q2 : -1;
    }

    long bits(int u, int k) {
      int s = u / t;
      int ei = k / succCount(u % t);
      return ei == 0 ? g.stutterBits(s) : g.actionBits(g.edgeStart(s) + ei - 1);
    }

    int candidates(int u) {
      return degree(u / t) * succCount(u % t);
    }

    boolean allowed(LivenessPlan.ErrorModel m, int u, long bits) {
      long sb = g.stateBits(u / t);
      for (LiveExpr ea : m.eventuallyAlways()) {
        if (!LiveExpr.eval(ea, sb, bits)) {
          return false;
        }
      }
      return true;
    }

    /** The initial product nodes, in the order of the initial states. */
    int[] roots() {
      List<Integer> out = new ArrayList<>();
      for (int s : g.initialStates()) {
        List<Integer> init = tab == null ? List.of(0) : tab.initial();
        for (int q : init) {
          if (consistent(s, q)) {
            out.add(s * t + q);
          }
        }
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    Lasso search() {
      for (LivenessPlan.ErrorModel m : branch.models()) {
        Lasso l = tarjan(m);
        if (l != null) {
          return l;
        }
      }
      return null;
    }

    /** The product nodes reachable from {@code starts} (breadth-first, on a primitive queue). */
    BitSet reachable(int[] starts) {
      BitSet seen = new BitSet(size);
      int[] queue = new int[Math.max(16, starts.length)];
      int head = 0;
      int tail = 0;
      for (int u : starts) {
        if (!seen.get(u)) {
          seen.set(u);
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
          }
          queue[tail++] = u;
        }
      }
      while (head < tail) {
        int u = queue[head++];
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = succ(u, k);
          if (v >= 0 && !seen.get(v)) {
            seen.set(v);
            if (tail == queue.length) {
              queue = Arrays.copyOf(queue, queue.length * 2);
            }
            queue[tail++] = v;
          }
        }
      }
      return seen;
    }

    /** Shortest distances (and parents) from the initial product nodes: the lasso's prefix. */
    void distances() {
      dist = new int[size];
      parent = new int[size];
      parentBits = new long[size];
      Arrays.fill(dist, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int u : roots()) {
        if (dist[u] < 0) {
          dist[u] = 0;
          parent[u] = -1;
          queue.add(u);
        }
      }
      while (!queue.isEmpty()) {
        int u = queue.poll();
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = succ(u, k);
          if (v >= 0 && dist[v] < 0) {
            dist[v] = dist[u] + 1;
            parent[v] = u;
            parentBits[v] = bits(u, k);
            queue.add(v);
          }
        }
      }
    }

    Lasso tarjan(LivenessPlan.ErrorModel m) {
      int[] index = new int[size];
      int[] low = new int[size];
      int[] comp = new int[size];
      Arrays.fill(index, -1);
      Arrays.fill(comp, -1);
      BitSet onStack = new BitSet();
      int[] stack = new int[16];
      int sp = 0;
      int[] callNode = new int[16];
      int[] callCursor = new int[16];
      int next = 0;
      int comps = 0;
      // Every reachable node may start a component: a <>[] condition restricts the cycle, not
      // the way to it, so nodes reached only through steps the condition forbids count too.
      int[] starts = roots();
      BitSet reachable = m.eventuallyAlways().isEmpty() ? null : reachable(starts);
      int next0 = 0;
      for (int r = 0; ; r++) {
        int root;
        if (r < starts.length) {
          root = starts[r];
        } else if (reachable != null) {
          next0 = reachable.nextSetBit(next0);
          if (next0 < 0) {
            break;
          }
          root = next0++;
        } else {
          break;
        }
        if (index[root] >= 0) {
          continue;
        }
        int csp = 0;
        callNode[0] = root;
        callCursor[0] = 0;
        index[root] = low[root] = next++;
        stack[sp++] = root;
        onStack.set(root);
        csp = 1;
        while (csp > 0) {
          int u = callNode[csp - 1];
          int k = callCursor[csp - 1];
          int c = candidates(u);
          boolean descended = false;
          while (k < c) {
            // TLC stacks every successor and explores the topmost first: the last one
            int kk = tlcOrder(u, k);
            int v = succ(u, kk);
            long bits = v >= 0 ? bits(u, kk) : 0;
            k++;
            if (v < 0 || !allowed(m, u, bits)) {
              continue;
            }
            if (index[v] < 0) {
              callCursor[csp - 1] = k;
              if (csp == callNode.length) {
                callNode = Arrays.copyOf(callNode, csp * 2);
                callCursor = Arrays.copyOf(callCursor, csp * 2);
              }
              callNode[csp] = v;
              callCursor[csp] = 0;
              csp++;
              index[v] = low[v] = next++;
              if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
              }
              stack[sp++] = v;
              onStack.set(v);
              descended = true;
              break;
            } else if (onStack.get(v)) {
              low[u] = Math.min(low[u], index[v]);
            }
          }
          if (descended) {
            continue;
          }
          callCursor[csp - 1] = k;
          if (low[u] == index[u]) {
            int start = sp;
            do {
              start--;
            } while (stack[start] != u);
            int[] members = Arrays.copyOfRange(stack, start, sp);
            for (int w : members) {
              onStack.clear(w);
              comp[w] = comps;
            }
            sp = start;
            // the first component found, as TLC's search reports the first one it meets
            if (accepting(m, members, comp, comps)) {
              return lasso(m, members, comp, comps);
            }
            comps++;
          }
          csp--;
          if (csp > 0) {
            int p = callNode[csp - 1];
            low[p] = Math.min(low[p], low[u]);
          }
        }
      }
      return null;
    }

    /**
     * The candidate index TLC's component search looks at j-th: it stacks every successor and
     * explores the topmost first, so it visits successor states from the last one generated back
     * to the first (the tableau successors of each in their own order).
     */
    int tlcOrder(int u, int j) {
      int sc = succCount(u % t);
      return (candidates(u) / sc - 1 - j / sc) * sc + j % sc;
    }

    /** Whether component {@code id} holds a cycle that satisfies the error model. */
    boolean accepting(LivenessPlan.ErrorModel m, int[] members, int[] comp, int id) {
      int promises = tab == null ? 0 : tab.promiseCount();
      BitSet fulfilled = new BitSet();
      BitSet ae = new BitSet();
      boolean internal = false;
      for (int u : members) {
        if (tab != null) {
          Tableau.Node node = tab.node(u % t);
          for (int i = 0; i < promises; i++) {
            if (node.fulfils(i)) {
              fulfilled.set(i);
            }
          }
        }
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = succ(u, k);
          if (v < 0 || comp[v] != id) {
            continue;
          }
          long bits = bits(u, k);
          if (!allowed(m, u, bits)) {
            continue;
          }
          internal = true;
          long sb = g.stateBits(u / t);
          for (int i = 0; i < m.infinitelyOften().size(); i++) {
            if (LiveExpr.eval(m.infinitelyOften().get(i), sb, bits)) {
              ae.set(i);
            }
          }
        }
      }
      return internal && fulfilled.cardinality() == promises
          && ae.cardinality() == m.infinitelyOften().size();
    }

    Lasso lasso(LivenessPlan.ErrorModel m, int[] members, int[] comp, int id) {
      current = m;
      distances();
      // TLC starts the cycle at the component's root (where Tarjan's search entered it)
      int entry = members[0];
      List<Integer> nodes = new ArrayList<>();
      List<Long> bits = new ArrayList<>();
      for (int u = entry; u >= 0; u = parent[u]) {
        nodes.add(0, u);
        if (parent[u] >= 0) {
          bits.add(0, parentBits[u]);
        }
      }
      int loopAt = nodes.size() - 1;
      int promises = tab == null ? 0 : tab.promiseCount();
      BitSet needP = new BitSet();
      needP.set(0, promises);
      BitSet needA = new BitSet();
      needA.set(0, m.infinitelyOften().size());
      List<Integer> cycle = new ArrayList<>();
      List<Long> cycleBits = new ArrayList<>();
      int[] greedy = greedy(m, comp, id, entry, needP, needA);
      int cur = walk(greedy, entry, cycle, cycleBits, needP, needA);
      if (cur != entry || greedy.length == 0) {
        int[] back = bfs(m, comp, id, cur, entry, needP, needA);
        walk(back, cur, cycle, cycleBits, needP, needA);
      }
      // cycle ends with entry again
      cycle.remove(cycle.size() - 1);
      for (int u : cycle) {
        nodes.add(u);
      }
      bits.addAll(cycleBits);
      return collapse(nodes, bits, loopAt);
    }

    /**
     * The steps of a greedy depth-first walk inside the component from {@code entry} until every
     * promise and every []<> condition has been met, as TLC builds its cycle: an edge that meets
     * an open condition is taken at once, otherwise the walk moves to the last unvisited
     * successor, backing up when there is none; meeting a condition forgets the visited marks.
     * Returns [u, k, v] triples; the requirement sets are left untouched.
     */
    int[] greedy(LivenessPlan.ErrorModel m, int[] comp, int id, int entry, BitSet needP0,
        BitSet needA0) {
      BitSet needP = (BitSet) needP0.clone();
      BitSet needA = (BitSet) needA0.clone();
      List<int[]> steps = new ArrayList<>();
      java.util.HashSet<Integer> seen = new java.util.HashSet<>();
      seen.add(entry);
      int cur = entry;
      while (true) {
        markNode(cur, needP);
        if (needP.isEmpty() && needA.isEmpty()) {
          break;
        }
        int c = candidates(cur);
        int unvisited = -1;
        int met = -1;
        for (int k = 0; k < c && met < 0; k++) {
          int v = succ(cur, k);
          if (v < 0 || comp[v] != id) {
            continue;
          }
          long b = bits(cur, k);
          if (!allowed(m, cur, b)) {
            continue;
          }
          if (meetsEdge(m, cur, b, needA)) {
            met = k;
          } else if (!seen.contains(v)) {
            unvisited = k;
          }
        }
        int k;
        if (met >= 0) {
          k = met;
          markEdge(g.stateBits(cur / t), bits(cur, met), needA);
          seen.clear();
        } else {
          while (unvisited < 0) {
            // back up to the latest node on the walk that still has an unvisited successor
            int[] last = steps.remove(steps.size() - 1);
            cur = last[0];
            int cc = candidates(cur);
            for (int j = 0; j < cc; j++) {
              int v = succ(cur, j);
              if (v >= 0 && comp[v] == id && allowed(m, cur, bits(cur, j))
                  && !seen.contains(v)) {
                unvisited = j;
                break;
              }
            }
          }
          k = unvisited;
        }
        int v = succ(cur, k);
        steps.add(new int[] {cur, k, v});
        seen.add(v);
        cur = v;
      }
      int[] out = new int[steps.size() * 3];
      for (int i = 0; i < steps.size(); i++) {
        System.arraycopy(steps.get(i), 0, out, 3 * i, 3);
      }
      return out;
    }

    void markNode(int u, BitSet needP) {
      if (tab != null) {
        Tableau.Node node = tab.node(u % t);
        for (int i = needP.nextSetBit(0); i >= 0; i = needP.nextSetBit(i + 1)) {
          if (node.fulfils(i)) {
            needP.clear(i);
          }
        }
      }
    }

    /**
     * Breadth-first search inside the component from {@code from} (at least one step) to
     * {@code goal}, or (goal -1) to the first node or edge meeting an open requirement. Returns
     * the parent array trail as [target, parents...] encoded in a path array from the start.
     */
    int[] bfs(LivenessPlan.ErrorModel m, int[] comp, int id, int from, int goal, BitSet needP,
        BitSet needA) {
      java.util.HashMap<Integer, int[]> prev = new java.util.HashMap<>();
      ArrayDeque<Integer> q = new ArrayDeque<>();
      q.add(from);
      java.util.HashSet<Integer> seen = new java.util.HashSet<>();
      while (!q.isEmpty()) {
        int u = q.poll();
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = succ(u, k);
          if (v < 0 || comp[v] != id) {
            continue;
          }
          long b = bits(u, k);
          if (!allowed(m, u, b)) {
            continue;
          }
          boolean hit;
          if (goal >= 0) {
            hit = v == goal;
          } else {
            hit = meetsNode(v, needP) || meetsEdge(m, u, b, needA);
          }
          if (hit) {
            return path(prev, from, u, k, v);
          }
          if (seen.add(v)) {
            prev.put(v, new int[] {u, k});
            q.add(v);
          }
        }
      }
      throw new IllegalStateException("no cycle inside a component");
    }

    int[] path(java.util.Map<Integer, int[]> prev, int from, int u, int k, int v) {
      List<int[]> steps = new ArrayList<>();
      steps.add(new int[] {u, k, v});
      int x = u;
      while (x != from) {
        int[] p = prev.get(x);
        steps.add(0, new int[] {p[0], p[1], x});
        x = p[0];
      }
      int[] out = new int[steps.size() * 3];
      for (int i = 0; i < steps.size(); i++) {
        out[3 * i] = steps.get(i)[0];
        out[3 * i + 1] = steps.get(i)[1];
        out[3 * i + 2] = steps.get(i)[2];
      }
      return out;
    }

    boolean meetsNode(int v, BitSet needP) {
      if (tab == null) {
        return false;
      }
      Tableau.Node node = tab.node(v % t);
      for (int i = needP.nextSetBit(0); i >= 0; i = needP.nextSetBit(i + 1)) {
        if (node.fulfils(i)) {
          return true;
        }
      }
      return false;
    }

    boolean meetsEdge(LivenessPlan.ErrorModel m, int u, long b, BitSet needA) {
      long sb = g.stateBits(u / t);
      for (int i = needA.nextSetBit(0); i >= 0; i = needA.nextSetBit(i + 1)) {
        if (LiveExpr.eval(m.infinitelyOften().get(i), sb, b)) {
          return true;
        }
      }
      return false;
    }

    int walk(int[] steps, int cur, List<Integer> cycle, List<Long> cycleBits, BitSet needP,
        BitSet needA) {
      for (int i = 0; i < steps.length; i += 3) {
        int u = steps[i];
        int k = steps[i + 1];
        int v = steps[i + 2];
        long b = bits(u, k);
        cycleBits.add(b);
        cycle.add(v);
        markNode(v, needP);
        cur = v;
        markEdge(g.stateBits(u / t), b, needA);
      }
      return cur;
    }

    /** The error model whose cycle {@link #lasso} is building. */
    private LivenessPlan.ErrorModel current;

    void markEdge(long sb, long b, BitSet needA) {
      if (current == null) {
        return;
      }
      for (int i = needA.nextSetBit(0); i >= 0; i = needA.nextSetBit(i + 1)) {
        if (LiveExpr.eval(current.infinitelyOften().get(i), sb, b)) {
          needA.clear(i);
        }
      }
    }

    /** Product nodes to states: steps that stay in the same state (stuttering) are dropped. */
    Lasso collapse(List<Integer> nodes, List<Long> bits, int loopAt) {
      List<Integer> states = new ArrayList<>();
      List<Long> stepBits = new ArrayList<>();
      int loop = -1;
      for (int i = 0; i < nodes.size(); i++) {
        int s = nodes.get(i) / t;
        if (!states.isEmpty() && states.get(states.size() - 1) == s) {
          if (i == loopAt) {
            loop = states.size() - 1;
          }
          continue;
        }
        if (i > 0) {
          stepBits.add(bits.get(i - 1));
        }
        states.add(s);
        if (i == loopAt) {
          loop = states.size() - 1;
        }
      }
      int last = states.get(states.size() - 1);
      boolean stuttering;
      long closing = bits.get(bits.size() - 1);
      if (states.size() - 1 == loop) {
        stuttering = true;
        closing = g.stutterBits(last);
      } else if (last == states.get(loop)) {
        // the last step only stutters: the step into the last state closes the loop instead
        states.remove(states.size() - 1);
        closing = stepBits.remove(stepBits.size() - 1);
        stuttering = states.size() - 1 == loop;
        if (stuttering) {
          closing = g.stutterBits(states.get(loop));
        }
      } else {
        stuttering = false;
      }
      stepBits.add(closing);
      return new Lasso(states.stream().mapToInt(Integer::intValue).toArray(), loop,
          stepBits.stream().mapToLong(Long::longValue).toArray(), stuttering);
    }
  }
}
