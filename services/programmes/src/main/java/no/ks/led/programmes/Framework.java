package no.ks.led.programmes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a programme is built from: a template's content, which a tenant copies into its own programme and
 * tailors. The getting-started steps, the three questions with their guidance, the thematic areas, the module
 * catalogue, tracks with their competence goals, leader levels, the pattern of activities, the working
 * forms, and the starter pack for new leaders (the items of a new leader's personal follow-up plan). Lists are never null; an item's {@code code} is its stable name within its list.
 */
public record Framework(
        @Valid @Size(max = 50, message = "must have at most 50 steps") List<@NotNull(message = "must not be null") Step> steps,
        @Valid @Size(max = 3, message = "must have at most the three questions") List<@NotNull(message = "must not be null") Question> questions,
        @Valid @Size(max = 100, message = "must have at most 100 themes") List<@NotNull(message = "must not be null") Item> themes,
        @Valid @Size(max = 500, message = "must have at most 500 modules") List<@NotNull(message = "must not be null") Item> modules,
        boolean sampleModules,
        @Valid @Size(max = 20, message = "must have at most 20 tracks") List<@NotNull(message = "must not be null") Track> tracks,
        @Size(max = 20, message = "must have at most 20 leader levels") List<@NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String> leaderLevels,
        @Valid @Size(max = 100, message = "must have at most 100 activities") List<@NotNull(message = "must not be null") PatternActivity> activityPattern,
        @Size(max = 50, message = "must have at most 50 working forms") List<@NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String> workingForms,
        @Valid @Size(max = 50, message = "must have at most 50 starter pack items") List<@NotNull(message = "must not be null") Step> starterPack) {

    /** The parts of a framework a tenant tailors, by their name in events and APIs. */
    public static final List<String> PARTS = List.of("steps", "themes", "modules", "tracks", "leaderLevels",
            "activityPattern", "workingForms");

    private static final String CODE = "^[a-z0-9][a-z0-9-]{0,62}$";

    /** A getting-started step, in order. */
    public record Step(@NotBlank(message = "must not be blank") @Pattern(regexp = CODE, message = "must be a lower-case code") String code,
            @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters") String title,
            @Size(max = 2000, message = "must be at most 2000 characters") String description) {
    }

    /** One of the three questions, in the template's language, with guidance for the phase. */
    public record Question(@NotNull(message = "must be one of the three phases") Phase phase,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @Size(max = 2000, message = "must be at most 2000 characters") String guidance) {
    }

    /** A thematic area or a module of the catalogue ({@code theme} names the area a module belongs to). */
    public record Item(@NotBlank(message = "must not be blank") @Pattern(regexp = CODE, message = "must be a lower-case code") String code,
            @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters") String title,
            @Size(max = 64, message = "must be at most 64 characters") String theme) {
    }

    /** A track (spor) of the programme, with the competence goals attached to it. */
    public record Track(@NotBlank(message = "must not be blank") @Pattern(regexp = CODE, message = "must be a lower-case code") String code,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 30, message = "must have at most 30 goals") List<@NotBlank(message = "must not be blank") @Size(max = 1000, message = "must be at most 1000 characters") String> competenceGoals) {

        public Track {
            competenceGoals = competenceGoals == null ? List.of() : List.copyOf(competenceGoals);
        }
    }

    /**
     * An activity of the template's pattern: its kind and title, how many days it lasts, and when it falls
     * relative to the programme's start (weeks, approximate).
     */
    public record PatternActivity(@NotNull(message = "must be a kind of activity") ActivityKind kind,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @Min(value = 0, message = "must be 0 or more") @Max(value = 30, message = "must be at most 30") int days,
            @Min(value = 0, message = "must be 0 or more") @Max(value = 520, message = "must be at most 520") int week,
            @Size(max = 500, message = "must be at most 500 characters") String note) {
    }

    public Framework {
        steps = copy(steps);
        questions = copy(questions);
        themes = copy(themes);
        modules = copy(modules);
        tracks = copy(tracks);
        leaderLevels = copy(leaderLevels);
        activityPattern = copy(activityPattern);
        workingForms = copy(workingForms);
        starterPack = copy(starterPack);
    }

    /** A framework with nothing in it, for a programme made without a template. */
    public static Framework empty() {
        return new Framework(null, null, null, null, false, null, null, null, null, null);
    }

    /** The question of a phase, if the framework has one. */
    public java.util.Optional<Question> question(Phase phase) {
        return questions.stream().filter(q -> q.phase() == phase).findFirst();
    }

    /** The step with this code, if there is one. */
    public java.util.Optional<Step> step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The parts (of {@link #PARTS}) in which this framework differs from {@code other}. */
    public List<String> changedParts(Framework other) {
        return PARTS.stream().filter(part -> !Objects.equals(part(part), other.part(part))).toList();
    }

    /** This framework with the named parts taken from {@code source}. */
    public Framework withPartsFrom(Framework source, List<String> parts) {
        Function<String, List<?>> pick = part -> parts.contains(part) ? source.part(part) : part(part);
        return new Framework(cast(pick.apply("steps")), questions, cast(pick.apply("themes")),
                cast(pick.apply("modules")), parts.contains("modules") ? source.sampleModules : sampleModules,
                cast(pick.apply("tracks")), cast(pick.apply("leaderLevels")), cast(pick.apply("activityPattern")),
                cast(pick.apply("workingForms")), starterPack);
    }

    /**
     * What changed in each part from this framework to {@code newer}: the items (shown by title) that
     * {@code newer} adds and the ones it no longer has. Parts without a change are left out.
     */
    public Map<String, Difference> differencesTo(Framework newer) {
        Map<String, Difference> out = new LinkedHashMap<>();
        for (String part : PARTS) {
            List<String> before = titles(part(part));
            List<String> after = titles(newer.part(part));
            if (!Objects.equals(part(part), newer.part(part))) {
                List<String> added = new ArrayList<>(after);
                added.removeAll(before);
                List<String> removed = new ArrayList<>(before);
                removed.removeAll(after);
                out.put(part, new Difference(added, removed));
            }
        }
        return out;
    }

    /** The items a newer version adds to a part and the ones it drops, by title; both empty if only details changed. */
    public record Difference(List<String> added, List<String> removed) {
    }

    private List<?> part(String part) {
        return switch (part) {
            case "steps" -> steps;
            case "themes" -> themes;
            case "modules" -> modules;
            case "tracks" -> tracks;
            case "leaderLevels" -> leaderLevels;
            case "activityPattern" -> activityPattern;
            case "workingForms" -> workingForms;
            default -> throw new IllegalArgumentException("No framework part " + part);
        };
    }

    private static List<String> titles(List<?> items) {
        return items.stream().map(Framework::title).toList();
    }

    private static String title(Object item) {
        if (item instanceof Step s) {
            return s.title();
        } else if (item instanceof Item i) {
            return i.title();
        } else if (item instanceof Track t) {
            return t.name();
        } else if (item instanceof PatternActivity a) {
            return a.title();
        }
        return String.valueOf(item);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> list) {
        return (List<T>) list;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
