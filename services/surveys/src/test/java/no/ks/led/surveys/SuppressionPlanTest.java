package no.ks.led.surveys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import no.ks.led.surveys.SuppressionPlan.Group;
import no.ks.led.surveys.SuppressionPlan.Visibility;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the suppression rule over thousands of random trees (nation, tenants, schools,
 * groups within schools). The oracle is plain linear algebra, independent of the plan's own reasoning:
 * a set of leaves is derivable when its indicator vector lies in the span of the visible groups'
 * vectors (parent = sum of children). No derivable set may hold between 1 and k-1 respondents unless
 * the viewer could already work it out from what they know by other means.
 */
class SuppressionPlanTest {

    private static final int TREES = 5_000;

    @Test
    void noFigureAboutFewerThanKRespondentsCanBeDerivedFromWhatIsPublished() {
        Random random = new Random(20261123L);
        for (int t = 0; t < TREES; t++) {
            int k = 3 + random.nextInt(3);
            Tree tree = randomTree(random, false);
            Set<String> published = SuppressionPlan.published(tree.root, k);
            assertSafe(tree, published, k, "tree " + t);
        }
    }

    @Test
    void theRuleHoldsWhenTheViewerKnowsSomeGroupsByOtherMeans() {
        Random random = new Random(4711L);
        for (int t = 0; t < TREES; t++) {
            int k = 3 + random.nextInt(3);
            Tree tree = randomTree(random, true);
            Set<String> published = SuppressionPlan.published(tree.root, k);
            assertSafe(tree, published, k, "tree " + t);
        }
    }

    @Test
    void anEligibleRootWithKRespondentsIsAlwaysPublishedWhenTheViewerKnowsNothingElse() {
        Random random = new Random(99L);
        for (int t = 0; t < TREES; t++) {
            int k = 3 + random.nextInt(3);
            Tree tree = randomTree(random, false);
            if (tree.root.visibility() == Visibility.ELIGIBLE && tree.root.size() >= k) {
                assertTrue(SuppressionPlan.published(tree.root, k).contains(tree.root.id()), "tree " + t);
            }
        }
    }

    @Test
    void aTenantTotalMinusItsPublishedSchoolCannotRevealASmallSchool() {
        Group a = Group.of("a", 5, Visibility.ELIGIBLE);
        Group b = Group.of("b", 2, Visibility.ELIGIBLE);
        Group tenant = new Group("tenant", 7, Visibility.ELIGIBLE, List.of(a, b));
        assertEquals(Set.of("tenant"), SuppressionPlan.published(tenant, 3));
    }

    @Test
    void everythingLargeEnoughIsPublished() {
        Group a = Group.of("a", 3, Visibility.ELIGIBLE);
        Group b = Group.of("b", 4, Visibility.ELIGIBLE);
        Group tenant = new Group("tenant", 7, Visibility.ELIGIBLE, List.of(a, b));
        assertEquals(Set.of("tenant", "a", "b"), SuppressionPlan.published(tenant, 3));
    }

    @Test
    void twoSmallSchoolsTogetherMayBeShownOnlyAsPartOfTheTotal() {
        Group a = Group.of("a", 6, Visibility.ELIGIBLE);
        Group b = Group.of("b", 2, Visibility.ELIGIBLE);
        Group c = Group.of("c", 1, Visibility.ELIGIBLE);
        Group tenant = new Group("tenant", 9, Visibility.ELIGIBLE, List.of(a, b, c));
        // tenant minus a would be b and c together: 3 respondents, not fewer than k
        assertEquals(Set.of("tenant", "a"), SuppressionPlan.published(tenant, 3));
        // with k = 4 that remainder is too small, so a is hidden as well
        assertEquals(Set.of("tenant"), SuppressionPlan.published(tenant, 4));
    }

    @Test
    void aSchoolTheViewerKnowsForcesTheTotalToProtectTheOthers() {
        Group own = Group.of("own", 5, Visibility.KNOWN);
        Group other = Group.of("other", 2, Visibility.WITHHELD);
        Group tenant = new Group("tenant", 7, Visibility.ELIGIBLE, List.of(own, other));
        assertFalse(SuppressionPlan.published(tenant, 3).contains("tenant"));
    }

    // ---- the split by the respondents' level, crossing the schools ----

    private static final List<String> LEVELS = List.of("principal", "middle-leader", "unknown");
    private static final Set<String> SPLIT = Set.of("principal", "middle-leader");

    /**
     * Random rounds (schools, each with random numbers of principals, middle leaders and sets without a level; each
     * school shared, withheld or led by the viewer), the owner's plan over the schools as {@code RoundResults} makes
     * it, then the levels. Every set of cells (school and level) with 1 to k-1 respondents that lies in the span of
     * the total, the schools seen and the published levels must lie in the span of the total and the schools seen
     * alone (what the owner's view already shows, made safe by the tree tests above). Counts and sums of answers are
     * both linear in the cells, so neither a suppressed group's count nor its mean can be computed.
     */
    @Test
    void noFigureAboutFewerThanKRespondentsCanBeDerivedAcrossTheSplitByLevel() {
        Random random = new Random(18L);
        int splitsShown = 0;
        for (int t = 0; t < TREES; t++) {
            int k = 3 + random.nextInt(3);
            int schools = 1 + random.nextInt(4);
            List<SuppressionPlan.Cell> cells = new ArrayList<>();
            List<Group> rows = new ArrayList<>();
            for (int s = 0; s < schools; s++) {
                long size = 0;
                for (String level : LEVELS) {
                    int roll = random.nextInt(10);
                    long n = roll < 3 ? 0 : roll < 6 ? 1 + random.nextInt(2) : 1 + random.nextInt(random.nextBoolean() ? 4 : 9);
                    if (level.equals("unknown") && random.nextBoolean()) {
                        n = 0;
                    }
                    cells.add(new SuppressionPlan.Cell("s" + s, level, n));
                    size += n;
                }
                int roll = random.nextInt(10);
                rows.add(Group.of("s" + s, size, roll == 0 ? Visibility.KNOWN : roll < 7 ? Visibility.ELIGIBLE : Visibility.WITHHELD));
            }
            long total = rows.stream().mapToLong(Group::size).sum();
            Set<String> schoolPlan = SuppressionPlan.published(new Group("tenant", total, Visibility.ELIGIBLE, rows), k);
            Set<String> seen = new java.util.HashSet<>();
            rows.stream().filter(r -> schoolPlan.contains(r.id()) || r.visibility() == Visibility.KNOWN)
                    .forEach(r -> seen.add(r.id()));
            boolean totalShown = schoolPlan.contains("tenant");
            Set<String> levels = SuppressionPlan.publishedColumns(cells, totalShown, seen, SPLIT, k);
            splitsShown += levels.isEmpty() ? 0 : 1;
            assertSplitSafe(cells, totalShown, seen, levels, k, "round " + t + " k=" + k + " cells " + cells + " seen "
                    + seen + " total " + totalShown + " levels " + levels);
        }
        // the test must also see the split published, or it would pass by suppressing everything
        assertTrue(splitsShown > TREES / 10, "levels published in only " + splitsShown + " of " + TREES + " rounds");
    }

    @Test
    void principalsAndMiddleLeadersAreShownApartWhereEverySchoolHasSomeOfEach() {
        List<SuppressionPlan.Cell> cells = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            cells.add(new SuppressionPlan.Cell("s" + s, "principal", 1));
            cells.add(new SuppressionPlan.Cell("s" + s, "middle-leader", 3));
        }
        Set<String> allSchools = Set.of("s0", "s1", "s2", "s3", "s4");
        assertEquals(SPLIT, SuppressionPlan.publishedColumns(cells, true, allSchools, SPLIT, 3));
        // four principals in all: below k = 5, so they are hidden, and with them the middle leaders (total minus them)
        assertEquals(Set.of(), SuppressionPlan.publishedColumns(cells.subList(0, 8), true, allSchools, SPLIT, 5));
    }

    @Test
    void aLevelMinusASchoolOfThatLevelAloneCannotRevealTheLevelElsewhere() {
        // school a: three principals; school c: three middle leaders, both shown; school b (three principals and one
        // middle leader) not shared. Middle leaders (4) minus school c would be b's one middle leader, and the total
        // minus the principals minus school c the same: neither level may be shown.
        List<SuppressionPlan.Cell> cells = List.of(new SuppressionPlan.Cell("a", "principal", 3),
                new SuppressionPlan.Cell("b", "principal", 3), new SuppressionPlan.Cell("b", "middle-leader", 1),
                new SuppressionPlan.Cell("c", "middle-leader", 3));
        assertEquals(Set.of(), SuppressionPlan.publishedColumns(cells, true, Set.of("a", "c"), SPLIT, 3));
        // with school c not shown, both may be: b's principals are the principals minus school a (three), and b and
        // c's middle leaders are seen only together (four)
        assertEquals(SPLIT, SuppressionPlan.publishedColumns(cells, true, Set.of("a"), SPLIT, 3));
    }

    @Test
    void withoutAShownTotalNothingIsSplit() {
        List<SuppressionPlan.Cell> cells = List.of(new SuppressionPlan.Cell("a", "principal", 5),
                new SuppressionPlan.Cell("a", "middle-leader", 5));
        assertEquals(Set.of(), SuppressionPlan.publishedColumns(cells, false, Set.of(), SPLIT, 3));
    }

    private static void assertSplitSafe(List<SuppressionPlan.Cell> allCells, boolean totalShown, Set<String> seen,
            Set<String> levels, int k, String where) {
        List<SuppressionPlan.Cell> cells = allCells.stream().filter(c -> c.size() > 0).toList();
        int n = cells.size();
        for (String level : levels) {
            if (!SPLIT.contains(level)) {
                fail(where + ": published a level that is not eligible: " + level);
            }
            long size = cells.stream().filter(c -> c.column().equals(level)).mapToLong(SuppressionPlan.Cell::size).sum();
            if (size < k) {
                fail(where + ": published " + level + " with " + size + " < k");
            }
        }
        if (!totalShown && !levels.isEmpty()) {
            fail(where + ": split a total that is not shown");
        }
        List<double[]> base = new ArrayList<>();
        if (totalShown) {
            base.add(cellIndicator(cells, c -> true));
        }
        seen.forEach(row -> base.add(cellIndicator(cells, c -> c.row().equals(row))));
        List<double[]> withLevels = new ArrayList<>(base);
        levels.forEach(level -> withLevels.add(cellIndicator(cells, c -> c.column().equals(level))));
        List<double[]> baseBasis = reduce(base, n);
        List<double[]> visibleBasis = reduce(withLevels, n);
        int mask = smallDerivableSet(cells.stream().map(SuppressionPlan.Cell::size).toList(), visibleBasis, baseBasis, k);
        if (mask != 0) {
            fail(where + ": cells " + Integer.toBinaryString(mask) + " with 1 to k-1 respondents can be derived");
        }
    }

    /**
     * A set of leaves (as a bit mask) with 1 to k-1 respondents in the span of the visible figures but not in the span
     * of what the viewer already knows; 0 if there is none.
     */
    private static int smallDerivableSet(List<Long> sizes, List<double[]> visibleBasis, List<double[]> knownBasis, int k) {
        int n = sizes.size();
        for (int mask = 1; mask < (1 << n); mask++) {
            long size = 0;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    v[i] = 1;
                    size += sizes.get(i);
                }
            }
            if (size > 0 && size < k && inSpan(visibleBasis, v) && !inSpan(knownBasis, v)) {
                return mask;
            }
        }
        return 0;
    }

    private static double[] cellIndicator(List<SuppressionPlan.Cell> cells,
            java.util.function.Predicate<SuppressionPlan.Cell> in) {
        double[] v = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            v[i] = in.test(cells.get(i)) ? 1 : 0;
        }
        return v;
    }

    // ---- the oracle ----

    private record Tree(Group root, List<Group> leaves, List<Group> all) {
    }

    private static Tree randomTree(Random random, boolean withKnown) {
        List<Group> leaves = new ArrayList<>();
        List<Group> all = new ArrayList<>();
        int depth = 1 + random.nextInt(3);
        Group root = node(random, "n", depth, leaves, all, withKnown, true);
        return new Tree(root, leaves, all);
    }

    private static Group node(Random random, String id, int depth, List<Group> leaves, List<Group> all,
            boolean withKnown, boolean isRoot) {
        Group group;
        if (depth == 0 || leaves.size() >= 9) {
            long size = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 3 : 9);
            group = Group.of(id, size, visibility(random, withKnown, isRoot));
            leaves.add(group);
        } else {
            int n = 1 + random.nextInt(4);
            List<Group> children = new ArrayList<>();
            for (int i = 0; i < n && leaves.size() < 10; i++) {
                children.add(node(random, id + "." + i, depth - 1, leaves, all, withKnown, false));
            }
            long size = children.stream().mapToLong(Group::size).sum();
            group = new Group(id, size, visibility(random, withKnown, isRoot), children);
        }
        all.add(group);
        return group;
    }

    private static Visibility visibility(Random random, boolean withKnown, boolean isRoot) {
        int roll = random.nextInt(10);
        if (withKnown && !isRoot && roll == 0) {
            return Visibility.KNOWN;
        }
        return roll < 8 ? Visibility.ELIGIBLE : Visibility.WITHHELD;
    }

    private static void assertSafe(Tree full, Set<String> published, int k, String where) {
        // a leaf without respondents adds nothing to any figure, so it is no dimension of what can be derived
        Tree tree = new Tree(full.root, full.leaves.stream().filter(g -> g.size() > 0).toList(), full.all);
        int n = tree.leaves.size();
        List<double[]> visibleVectors = new ArrayList<>();
        List<double[]> knownVectors = new ArrayList<>();
        for (Group g : tree.all) {
            boolean isPublished = published.contains(g.id());
            if (isPublished && g.visibility() != Visibility.ELIGIBLE) {
                fail(where + ": published a group that is not eligible: " + g.id());
            }
            if (isPublished && g.size() < k) {
                fail(where + ": published " + g.id() + " with " + g.size() + " < k=" + k);
            }
            if (isPublished || g.visibility() == Visibility.KNOWN) {
                visibleVectors.add(indicator(g, tree.leaves));
            }
            if (g.visibility() == Visibility.KNOWN) {
                knownVectors.add(indicator(g, tree.leaves));
            }
        }
        List<double[]> visibleBasis = reduce(visibleVectors, n);
        List<double[]> knownBasis = reduce(knownVectors, n);
        int mask = smallDerivableSet(tree.leaves.stream().map(Group::size).toList(), visibleBasis, knownBasis, k);
        if (mask != 0) {
            fail(where + ": leaves " + Integer.toBinaryString(mask) + " with 1 to k-1 respondents (k=" + k
                    + ") can be derived; published " + published + " in " + tree.root);
        }
    }

    private static double[] indicator(Group g, List<Group> leaves) {
        double[] v = new double[leaves.size()];
        mark(g, leaves, v);
        return v;
    }

    private static void mark(Group g, List<Group> leaves, double[] v) {
        if (g.children().isEmpty()) {
            // leaves are compared by identity: two leaves may be equal records
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.get(i) == g) {
                    v[i] = 1;
                }
            }
        }
        g.children().forEach(c -> mark(c, leaves, v));
    }

    /** Gaussian elimination to a basis with distinct pivot columns. */
    private static List<double[]> reduce(List<double[]> vectors, int n) {
        List<double[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (double[] original : vectors) {
            double[] v = original.clone();
            eliminate(basis, pivots, v);
            for (int i = 0; i < n; i++) {
                if (Math.abs(v[i]) > 1e-9) {
                    double p = v[i];
                    for (int j = 0; j < n; j++) {
                        v[j] /= p;
                    }
                    basis.add(v);
                    pivots.add(i);
                    break;
                }
            }
        }
        List<double[]> withPivots = new ArrayList<>();
        for (int b = 0; b < basis.size(); b++) {
            double[] row = basis.get(b);
            double[] tagged = new double[n + 1];
            System.arraycopy(row, 0, tagged, 0, n);
            tagged[n] = pivots.get(b);
            withPivots.add(tagged);
        }
        return withPivots;
    }

    private static void eliminate(List<double[]> basis, List<Integer> pivots, double[] v) {
        for (int b = 0; b < basis.size(); b++) {
            int p = pivots.get(b);
            double f = v[p];
            if (Math.abs(f) > 1e-9) {
                double[] row = basis.get(b);
                for (int j = 0; j < v.length; j++) {
                    v[j] -= f * row[j];
                }
            }
        }
    }

    private static boolean inSpan(List<double[]> taggedBasis, double[] original) {
        double[] v = original.clone();
        for (double[] tagged : taggedBasis) {
            int p = (int) tagged[tagged.length - 1];
            double f = v[p];
            if (Math.abs(f) > 1e-9) {
                for (int j = 0; j < v.length; j++) {
                    v[j] -= f * tagged[j];
                }
            }
        }
        for (double x : v) {
            if (Math.abs(x) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
