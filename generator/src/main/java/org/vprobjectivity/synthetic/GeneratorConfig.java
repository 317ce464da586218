package org.vprobjectivity.synthetic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vprobjectivity.model.Session;
import org.vprobjectivity.model.Subjects;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to simulate. Everything the output depends on is here (plus the mark scales), so a config and a
 * seed reproduce a region exactly; the config is also written into {@code generator-record.json}.
 *
 * @param schools          number of schools in the region
 * @param seed             the seed every random stream is derived from
 * @param manipulatedShare share of schools that get one injected manipulation
 * @param strongShare      share of strong honest schools (lyceums, gymnasiums): high results, no manipulation
 * @param session          the VPR session, {@code 2025-spring}; its year picks the mark scales
 * @param regionCode       two-digit region code (22 = Altai Krai)
 * @param formats          file shapes to write; municipalities are spread over them round-robin
 * @param badRows          inject a few rows that each break exactly one ingest rule
 * @param kinds            manipulation kinds to draw from (evenly)
 * @param subjects         subject codes written (each needs a mark scale in force)
 * @param grades           grades written
 * @param classLeniencySd  SD (ability units) of each class's own journal leniency, the offset its teacher adds to
 *                         what they see ({@link JournalModel}); 0 = every teacher grades alike
 * @param strength         intensity of every manipulation kind ({@link Manipulator}), 1 = the literature's
 *                         strengths; must be &gt; 0 (a region without manipulation is {@code manipulatedShare} 0)
 */
public record GeneratorConfig(int schools, long seed, double manipulatedShare, double strongShare, String session,
                              String regionCode, Set<OutputFormat> formats, boolean badRows,
                              Set<ManipulationKind> kinds, List<String> subjects, List<Integer> grades,
                              double classLeniencySd, double strength) {

    /** The between-class SD of journal leniency the real regional exports show (0.40–0.46). */
    public static final double DEFAULT_CLASS_LENIENCY_SD = 0.42;

    public GeneratorConfig {
        if (schools < 1) {
            throw new IllegalArgumentException("schools must be at least 1, got " + schools);
        }
        requireShare("manipulatedShare", manipulatedShare);
        requireShare("strongShare", strongShare);
        if (!(classLeniencySd >= 0 && classLeniencySd <= JournalModel.MAX_CLASS_LENIENCY_SD)) {
            throw new IllegalArgumentException("classLeniencySd must lie in 0.." + JournalModel.MAX_CLASS_LENIENCY_SD
                    + " (the teacher's whole view spreads by " + JournalModel.TOTAL_NOISE_SD + "), got " + classLeniencySd);
        }
        // Strength 0 would write a region whose ground truth lists manipulations that changed nothing: the
        // evaluation would count them as missed. A null region is manipulatedShare 0.
        if (!(strength > 0 && Double.isFinite(strength))) {
            throw new IllegalArgumentException("strength must be > 0 (use manipulatedShare 0 for a region without "
                    + "manipulation), got " + strength);
        }
        Session.parse(session);
        if (regionCode == null || !regionCode.matches("\\d\\d")) {
            throw new IllegalArgumentException("regionCode must be two digits, got " + regionCode);
        }
        formats = enumSet(formats, OutputFormat.class, "formats");
        kinds = enumSet(kinds, ManipulationKind.class, "kinds");
        subjects = List.copyOf(subjects);
        grades = List.copyOf(grades);
        if (subjects.isEmpty() || grades.isEmpty()) {
            throw new IllegalArgumentException("subjects and grades must not be empty");
        }
        for (String s : subjects) {
            if (!Subjects.NAMES.containsKey(s)) {
                throw new IllegalArgumentException("unknown subject code " + s);
            }
        }
        for (int g : grades) {
            if (g < 4 || g > 11) {
                throw new IllegalArgumentException("grade " + g + " outside 4..11");
            }
        }
    }

    /**
     * Reads a config from {@code generator-record.json}. Records written before the class leniency and the strength
     * existed lack those fields: they mean no class leniency and strength 1 (Jackson would give 0 for both, and a
     * strength of 0 is refused).
     */
    @JsonCreator
    static GeneratorConfig fromJson(@JsonProperty("schools") int schools, @JsonProperty("seed") long seed,
                                    @JsonProperty("manipulatedShare") double manipulatedShare,
                                    @JsonProperty("strongShare") double strongShare, @JsonProperty("session") String session,
                                    @JsonProperty("regionCode") String regionCode,
                                    @JsonProperty("formats") Set<OutputFormat> formats, @JsonProperty("badRows") boolean badRows,
                                    @JsonProperty("kinds") Set<ManipulationKind> kinds,
                                    @JsonProperty("subjects") List<String> subjects, @JsonProperty("grades") List<Integer> grades,
                                    @JsonProperty("classLeniencySd") Double classLeniencySd,
                                    @JsonProperty("strength") Double strength) {
        return new GeneratorConfig(schools, seed, manipulatedShare, strongShare, session, regionCode, formats, badRows,
                kinds, subjects, grades, classLeniencySd == null ? 0 : classLeniencySd, strength == null ? 1 : strength);
    }

    /**
     * Defaults: 20% manipulated, no strong schools, 2025-spring, region 22, all formats and kinds, RU and MA in 4 and 5,
     * class leniency SD 0.42, strength 1.
     */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().schools(schools).seed(seed).manipulatedShare(manipulatedShare).strongShare(strongShare)
                .session(session).regionCode(regionCode).formats(formats).badRows(badRows).kinds(kinds)
                .subjects(subjects).grades(grades).classLeniencySd(classLeniencySd).strength(strength);
    }

    public Session parsedSession() {
        return Session.parse(session);
    }

    private static void requireShare(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must lie in 0..1, got " + v);
        }
    }

    /** An unmodifiable copy in enum order (so iteration, and the JSON record, are deterministic). */
    private static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    public static final class Builder {
        private int schools = 40;
        private long seed = 1;
        private double manipulatedShare = 0.2;
        private double strongShare = 0;
        private String session = "2025-spring";
        private String regionCode = "22";
        private Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);
        private boolean badRows = false;
        private Set<ManipulationKind> kinds = EnumSet.allOf(ManipulationKind.class);
        private List<String> subjects = List.of("RU", "MA");
        private List<Integer> grades = List.of(4, 5);
        private double classLeniencySd = DEFAULT_CLASS_LENIENCY_SD;
        private double strength = 1.0;

        public Builder schools(int v) {
            schools = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder manipulatedShare(double v) {
            manipulatedShare = v;
            return this;
        }

        public Builder strongShare(double v) {
            strongShare = v;
            return this;
        }

        public Builder session(String v) {
            session = v;
            return this;
        }

        public Builder regionCode(String v) {
            regionCode = v;
            return this;
        }

        public Builder formats(Collection<OutputFormat> v) {
            formats = Set.copyOf(v);
            return this;
        }

        public Builder formats(OutputFormat first, OutputFormat... rest) {
            formats = EnumSet.of(first, rest);
            return this;
        }

        public Builder badRows(boolean v) {
            badRows = v;
            return this;
        }

        public Builder kinds(Collection<ManipulationKind> v) {
            kinds = Set.copyOf(v);
            return this;
        }

        public Builder kinds(ManipulationKind first, ManipulationKind... rest) {
            kinds = EnumSet.of(first, rest);
            return this;
        }

        public Builder subjects(List<String> v) {
            subjects = v;
            return this;
        }

        public Builder grades(List<Integer> v) {
            grades = v;
            return this;
        }

        public Builder classLeniencySd(double v) {
            classLeniencySd = v;
            return this;
        }

        public Builder strength(double v) {
            strength = v;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(schools, seed, manipulatedShare, strongShare, session, regionCode, formats,
                    badRows, kinds, subjects, grades, classLeniencySd, strength);
        }
    }
}
