package no.ks.led.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which figures of a tree of groups (nation, tenants, schools, …) a viewer may see, so that no figure
 * about fewer than k respondents is shown or can be worked out by subtracting shown figures.
 *
 * <p>A group's size is its respondents; a parent's size is the sum of its children's (or more, for
 * respondents in no child). What the viewer sees (the published groups, plus those they know by other
 * means) splits the respondents into disjoint <em>atoms</em>: each visible group minus its nearest visible
 * descendants. Every figure the viewer can derive by adding and subtracting is a union of atoms, so the
 * rule is: every visible group has at least k respondents, and every atom has none or at least k.
 * The plan is decided bottom-up; where a parent's atom is too small, the smallest visible child (by its
 * own atom) is hidden too (complementary suppression), and only if no child can be, the parent.
 */
public final class SuppressionPlan {

    /** Whether the viewer may be shown a group. */
    public enum Visibility {
        /** May be published if the rules allow. */
        ELIGIBLE,
        /** Never shown to this viewer (for example a school that has not shared its results). */
        WITHHELD,
        /** The viewer sees it anyway by other means (their own school): counted as visible, never hidden here. */
        KNOWN
    }

    /** A group in the tree. Ids must be unique within one tree. */
    public record Group(String id, long size, Visibility visibility, List<Group> children) {

        public Group {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            children = List.copyOf(children);
        }

        public static Group of(String id, long size, Visibility visibility) {
            return new Group(id, size, visibility, List.of());
        }
    }

    /** The respondents of one cell of a split: one group of the tree (a row: a school) at one level (a column). */
    public record Cell(String row, String column, long size) {

        public Cell {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
        }
    }

    private final int k;
    private final Set<Group> visible = Collections.newSetFromMap(new IdentityHashMap<>());

    private SuppressionPlan(int k) {
        this.k = k;
    }

    /** The ids of the groups to publish for this viewer (never the {@code KNOWN} ones: they see those elsewhere). */
    public static Set<String> published(Group root, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        SuppressionPlan plan = new SuppressionPlan(k);
        plan.decide(root);
        return plan.visible.stream().filter(g -> g.visibility() != Visibility.KNOWN).map(Group::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The columns of a split (the respondents' levels) that may be published beside the figures the viewer
     * already sees: the total, and the rows (schools) in {@code rowsSeen}, published to them or known. A second
     * dimension crosses the tree, so the atoms of {@link #published} no longer describe everything derivable: a
     * level's figure minus a school made up of that level alone is that level elsewhere. So each column must
     * have at least k respondents, the total minus the published columns none or at least k (the tree rule over
     * total and columns), and no set of cells with 1 to k-1 respondents may be any linear combination of the
     * total, the seen rows and the published columns; while one is, the smallest published column is hidden.
     * Without a shown total nothing is split.
     *
     * @param eligible the columns that may be published at all (the others are only part of the total)
     */
    public static Set<String> publishedColumns(List<Cell> cells, boolean totalShown, Set<String> rowsSeen,
            Set<String> eligible, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        if (!totalShown) {
            return Set.of();
        }
        Map<String, Long> columnSizes = new TreeMap<>();
        eligible.forEach(c -> columnSizes.put(c, 0L));
        cells.forEach(c -> columnSizes.merge(c.column(), c.size(), Long::sum));
        long total = columnSizes.values().stream().mapToLong(Long::longValue).sum();
        List<Group> columns = columnSizes.entrySet().stream().map(e -> Group.of("column:" + e.getKey(), e.getValue(),
                eligible.contains(e.getKey()) ? Visibility.ELIGIBLE : Visibility.WITHHELD)).toList();
        Set<String> published = new TreeSet<>();
        published(new Group("total", total, Visibility.KNOWN, columns), k)
                .forEach(id -> published.add(id.substring("column:".length())));
        while (!published.isEmpty() && disclosesAcross(cells, rowsSeen, published, k)) {
            published.remove(published.stream()
                    .min(Comparator.comparingLong((String c) -> columnSizes.get(c)).thenComparing(c -> c)).orElseThrow());
        }
        return Set.copyOf(published);
    }

    /**
     * Whether some set of cells with 1 to k-1 respondents is a linear combination of the total, the seen rows and
     * the shown columns. Such a combination gives cell (i, j) the weight a_i + x_j: a_i per seen row (0 for the
     * others, which no figure tells apart, so they merge into one remaining row), x_j per shown column, and one
     * shared weight c for every hidden column (it comes from the total). A set of cells is such a combination with
     * weights 0 or 1 on its non-empty cells. The x's (with c) of one connected part of the table differ by at most
     * their number minus one, and a part holding the remaining row has its weights there pinned to 0 or 1, so
     * trying every x in [-m, m] (m of them) and, per row, the a_i that keep its cells at 0 or 1 finds every such
     * set; a sum over the rows, capped at k, says whether one of them has 1 to k-1 respondents. Equal x's give
     * combinations of the total and the rows alone, which the tree's plan has already made safe (or the viewer
     * knows), so they are not counted against the columns.
     */
    static boolean disclosesAcross(List<Cell> cells, Set<String> rowsSeen, Set<String> shownColumns, int k) {
        List<String> parameters = new ArrayList<>(new TreeSet<>(shownColumns));
        int hidden = parameters.size();
        int m = parameters.size() + 1;
        Map<String, Map<Integer, Long>> rows = new TreeMap<>();
        Map<Integer, Long> rest = new TreeMap<>();
        for (Cell cell : cells) {
            if (cell.size() == 0) {
                continue;
            }
            int parameter = parameters.indexOf(cell.column());
            int p = parameter < 0 ? hidden : parameter;
            Map<Integer, Long> row = rowsSeen.contains(cell.row())
                    ? rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()) : rest;
            row.merge(p, cell.size(), Long::sum);
        }
        boolean[] used = new boolean[m];
        rows.values().forEach(row -> row.keySet().forEach(p -> used[p] = true));
        rest.keySet().forEach(p -> used[p] = true);
        int[] x = new int[m];
        Arrays.fill(x, -m);
        while (true) {
            // equal weights are the total and the rows alone: what the owner's view already shows
            if (!allEqual(x, used) && smallSetWith(x, rows.values(), rest, k)) {
                return true;
            }
            int i = 0;
            while (i < m && x[i] == m) {
                x[i] = -m;
                i++;
            }
            if (i == m) {
                return false;
            }
            x[i]++;
        }
    }

    private static boolean allEqual(int[] x, boolean[] used) {
        Integer seen = null;
        for (int i = 0; i < x.length; i++) {
            if (used[i]) {
                if (seen != null && seen != x[i]) {
                    return false;
                }
                seen = x[i];
            }
        }
        return true;
    }

    private static boolean smallSetWith(int[] x, Collection<Map<Integer, Long>> rows,
            Map<Integer, Long> rest, int k) {
        long restSize = 0;
        for (Map.Entry<Integer, Long> cell : rest.entrySet()) {
            int weight = x[cell.getKey()];
            if (weight != 0 && weight != 1) {
                return false;
            }
            restSize += weight * cell.getValue();
        }
        boolean[] reachable = new boolean[k];
        if (restSize >= k) {
            return false;
        }
        reachable[(int) restSize] = true;
        for (Map<Integer, Long> row : rows) {
            int first = x[row.keySet().iterator().next()];
            boolean[] next = new boolean[k];
            boolean any = false;
            for (int a : new int[] {-first, 1 - first}) {
                long size = 0;
                boolean valid = true;
                for (Map.Entry<Integer, Long> cell : row.entrySet()) {
                    int weight = a + x[cell.getKey()];
                    valid &= weight == 0 || weight == 1;
                    size += weight * cell.getValue();
                }
                if (!valid) {
                    continue;
                }
                any = true;
                for (int r = 0; r < k; r++) {
                    if (reachable[r] && r + size < k) {
                        next[(int) (r + size)] = true;
                    }
                }
            }
            if (!any) {
                return false;
            }
            reachable = next;
        }
        for (int r = 1; r < k; r++) {
            if (reachable[r]) {
                return true;
            }
        }
        return false;
    }

    private void decide(Group group) {
        group.children().forEach(this::decide);
        boolean show = switch (group.visibility()) {
            case KNOWN -> true;
            case ELIGIBLE -> group.size() >= k;
            case WITHHELD -> false;
        };
        if (show) {
            visible.add(group);
            repair(group);
        }
    }

    /** Makes the group's atom empty or at least k, by hiding visible descendants or else the group itself. */
    private void repair(Group group) {
        while (true) {
            long atom = atom(group);
            if (atom == 0 || atom >= k) {
                return;
            }
            List<Group> hideable = nearestVisibleBelow(group).stream()
                    .filter(g -> g.visibility() != Visibility.KNOWN).toList();
            Optional<Group> smallest = hideable.stream().filter(g -> atom(g) > 0)
                    .min(Comparator.comparingLong(this::atom).thenComparing(Group::id));
            if (smallest.isPresent()) {
                visible.remove(smallest.get());
            } else if (!hideable.isEmpty()) {
                // every candidate is exactly the sum of its own visible parts: open it up and look below
                visible.remove(hideable.stream().min(Comparator.comparing(Group::id)).orElseThrow());
            } else if (group.visibility() != Visibility.KNOWN) {
                visible.remove(group);
                return;
            } else {
                // only known groups around: what is left the viewer can already work out from what they know
                return;
            }
        }
    }

    private long atom(Group group) {
        return group.size() - nearestVisibleBelow(group).stream().mapToLong(Group::size).sum();
    }

    private List<Group> nearestVisibleBelow(Group group) {
        List<Group> found = new ArrayList<>();
        for (Group child : group.children()) {
            if (visible.contains(child)) {
                found.add(child);
            } else {
                found.addAll(nearestVisibleBelow(child));
            }
        }
        return found;
    }
}
