package org.vprobjectivity.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The region's structure, computed per school on demand (nothing proportional to the number of schools is
 * held): municipalities in contiguous blocks of schools, the file shape of each municipality (round-robin
 * over the chosen formats), and which schools manipulate (and how) or are strong.
 */
final class RegionLayout {

    private final GeneratorConfig cfg;
    private final int schools;
    private final int municipalities;
    private final List<OutputFormat> formats;
    private final List<ManipulationKind> kinds;
    private final IndexPermutation selection;
    private final long manipulated;
    private final long strong;

    RegionLayout(GeneratorConfig cfg) {
        this.cfg = cfg;
        this.schools = cfg.schools();
        this.formats = new ArrayList<>(cfg.formats());
        this.kinds = new ArrayList<>(cfg.kinds());
        // About eight schools per municipality, at least two municipalities, and at least one per format so
        // that every chosen shape gets data (never more municipalities than schools, so none is empty).
        int m = Math.max(2, (int) Math.round(schools / 8.0));
        m = Math.max(m, formats.size());
        this.municipalities = Math.max(1, Math.min(m, schools));
        this.selection = new IndexPermutation(schools, cfg.seed());
        this.manipulated = Math.round(cfg.manipulatedShare() * schools);
        this.strong = Math.min(Math.round(cfg.strongShare() * schools), schools - manipulated);
    }

    int schoolCount() {
        return schools;
    }

    int municipalityCount() {
        return municipalities;
    }

    long manipulatedCount() {
        return manipulated;
    }

    long strongCount() {
        return strong;
    }

    int municipalityOf(int school) {
        return (int) ((long) school * municipalities / schools);
    }

    /** The first school of municipality m: the smallest i with floor(i·M/N) ≥ m. */
    int firstSchoolOf(int municipality) {
        return (int) (((long) municipality * schools + municipalities - 1) / municipalities);
    }

    Municipality municipality(int m) {
        boolean city = RussianNames.isCity(m);
        String code = "reg" + cfg.regionCode() + "_m" + String.format("%03d", m + 1);
        return new Municipality(m, code, RussianNames.municipality(m, city), city, formats.get(m % formats.size()));
    }

    SchoolPlan school(int i) {
        int m = municipalityOf(i);
        Municipality muni = municipality(m);
        long rank = selection.apply(i);
        // Ranks below the manipulated count cheat, the next ones are strong: the two groups are disjoint,
        // and kinds are dealt evenly over the cheating schools.
        ManipulationKind kind = rank < manipulated ? kinds.get((int) (rank % kinds.size())) : null;
        boolean isStrong = rank >= manipulated && rank < manipulated + strong;
        Random r = SeededRandom.of(cfg.seed(), SeededRandom.PLAN, i);
        boolean urban = isStrong || r.nextDouble() < (muni.city() ? 0.9 : 0.3);
        int variant = r.nextInt(1 << 12);
        int numberInMunicipality = i - firstSchoolOf(m) + 1;
        String name = RussianNames.school(awkwardName(m, muni.format(), numberInMunicipality), numberInMunicipality,
                urban, isStrong, variant);
        boolean letterlessShape = muni.format() != OutputFormat.F1_REPORT_XLSX && muni.format() != OutputFormat.CANONICAL_CSV;
        boolean omitLetters = !urban && letterlessShape && r.nextDouble() < 0.5;
        boolean first = i == firstSchoolOf(m) && m < formats.size();
        return new SchoolPlan(i, login(i), name, muni, urban, isStrong, kind, omitLetters, first);
    }

    /**
     * In the first municipality of each shape that carries school names, the second school's name starts
     * with "=" and the third's has «» and a comma: the ingest must keep them as text.
     */
    private int awkwardName(int municipality, OutputFormat format, int numberInMunicipality) {
        boolean named = format == OutputFormat.SCHOOL_FORMS_XLSX || format == OutputFormat.F1_REPORT_XLSX
                || format == OutputFormat.CANONICAL_CSV;
        if (!named || municipality >= formats.size() || numberInMunicipality < 2 || numberInMunicipality > 3) {
            return 0;
        }
        return numberInMunicipality - 1;
    }

    /** sch + region code + a 4-digit number (sch220001); wider only beyond 9,999 schools. */
    String login(int i) {
        return "sch" + cfg.regionCode() + String.format("%04d", i + 1);
    }
}
