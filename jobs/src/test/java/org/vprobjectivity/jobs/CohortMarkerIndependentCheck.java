package org.vprobjectivity.jobs;

import org.apache.spark.sql.Row;
import org.vprobjectivity.indicators.CohortMarker;
import org.vprobjectivity.model.MarkScales;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The official marker 3 recomputed without the pipeline, straight from the generator's canonical CSV files, in plain
 * Java, as the FIOKO method states it: S = the school's mean primary score in % of the work's maximum (from the bundled
 * scale), K = S(grade 4, 2024) / S(grade 5, 2025) per school and subject, Q25 and Q75 over the region's schools with
 * both values by linear interpolation between order statistics (Excel's QUARTILE.INC), a fall where
 * K &gt; Q75 + 3·IQR and a rise where K &lt; Q25 − 3·IQR. The pipeline's {@code indicators/cohort} must agree row by row.
 */
final class CohortMarkerIndependentCheck {

    private CohortMarkerIndependentCheck() {
    }

    static void check(Path region, String from, String to, List<Row> cohorts) throws IOException {
        for (String subject : List.of("MA", "RU")) {
            Map<String, Double> s4 = schoolMeans(region.resolve(from).resolve("canonical_" + subject + "4.csv"), subject, 4, 2024);
            Map<String, Double> s5 = schoolMeans(region.resolve(to).resolve("canonical_" + subject + "5.csv"), subject, 5, 2025);
            Map<String, Double> k = new HashMap<>();
            s4.forEach((school, s) -> {
                Double later = s5.get(school);
                if (later != null && later > 0) {
                    k.put(school, s / later);
                }
            });
            double[] sorted = k.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double q25 = quartile(sorted, 0.25);
            double q75 = quartile(sorted, 0.75);
            double iqr = q75 - q25;
            List<Row> mine = cohorts.stream().filter(r -> subject.equals(r.getAs("subject"))).toList();
            assertThat(mine).as(subject + ": one cohort per school with both works").hasSize(k.size());
            for (Row r : mine) {
                String school = r.getAs("school_id");
                assertThat(r.<Double>getAs(CohortMarker.K)).as(school).isCloseTo(k.get(school), within(1e-9));
                assertThat(r.<Double>getAs(CohortMarker.Q25)).isCloseTo(q25, within(1e-9));
                assertThat(r.<Double>getAs(CohortMarker.Q75)).isCloseTo(q75, within(1e-9));
                assertThat(r.<Boolean>getAs(CohortMarker.FALL)).as(school).isEqualTo(k.get(school) > q75 + 3 * iqr);
                assertThat(r.<Boolean>getAs(CohortMarker.RISE)).as(school).isEqualTo(k.get(school) < q25 - 3 * iqr);
            }
        }
    }

    /** Per school the mean of primary score · 100 / maximum over its works (rows with a primary score). */
    private static Map<String, Double> schoolMeans(Path csv, String subject, int grade, int year) throws IOException {
        int max = MarkScales.bundled().inForce(subject, grade, year).orElseThrow().maxScore();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(split(lines.get(0).replace("\uFEFF", "")));
        int school = header.indexOf("school_id");
        int score = header.indexOf("primary_score");
        Map<String, double[]> sums = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = split(line);
            if (f.length <= score || f[score].isEmpty()) {
                continue;
            }
            double[] acc = sums.computeIfAbsent(f[school], x -> new double[2]);
            acc[0] += Double.parseDouble(f[score]) * 100.0 / max;
            acc[1]++;
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((k, v) -> means.put(k, v[0] / v[1]));
        return means;
    }

    /** QUARTILE.INC: the value at rank 1 + p·(n − 1), interpolated linearly. */
    static double quartile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** One CSV line into fields: commas outside double quotes, "" inside quotes is a quote. */
    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out.toArray(new String[0]);
    }
}
