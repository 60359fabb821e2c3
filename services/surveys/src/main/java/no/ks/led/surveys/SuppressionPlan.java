package no.ks.led.surveys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
