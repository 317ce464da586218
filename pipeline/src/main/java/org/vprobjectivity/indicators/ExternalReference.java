package org.vprobjectivity.indicators;

import org.vprobjectivity.ingest.DelimitedReader;
import org.vprobjectivity.ingest.RawRow;
import org.vprobjectivity.ingest.SideFileProblem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.stats.BetaBinomial;
import org.vprobjectivity.model.Subjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * A reference given by the user, e.g. the national row of FIS OKO's «Статистика по отметкам»: the shares of marks
 * 2, 3, 4, 5 per subject and grade. One line per subject and grade, {@code subject;grade;share_2;share_3;share_4;
 * share_5[;label]} (delimiter {@code ;}, tab or {@code ,}; decimal comma allowed with {@code ;} or tab; shares in
 * percent when a line sums above 1.5, else as fractions; a header line is skipped; the subject is a code or a name,
 * {@link Subjects}). Bad lines are listed in {@link #problems()} and left out.
 *
 * <p>{@link #compare} adds to a cell table {@code ext_share_2..5}, {@code ext_quality} (= share 4 + share 5) and
 * {@code ext_quality_p}: the one-sided beta-binomial mid-p of the cell's quality count with the external share as
 * mean and the overdispersion ρ of the work's own cells ({@code quality_rho}, method of moments, as in
 * {@link ClusteredShareTest}): {@code α = q(1 − ρ)/ρ, β = (1 − q)(1 − ρ)/ρ} (Williams 1982). The external population
 * is not the region, so these p-values answer "above the country", not "above the region": they are not calibrated
 * against the region's own cells and are shown, not used by the flags.
 */
public record ExternalReference(List<Entry> entries, List<SideFileProblem> problems) {

    public static final StructType SCHEMA = new StructType()
            .add("subject", DataTypes.StringType, false)
            .add("grade", DataTypes.IntegerType, false)
            .add("ext_share_2", DataTypes.DoubleType)
            .add("ext_share_3", DataTypes.DoubleType)
            .add("ext_share_4", DataTypes.DoubleType)
            .add("ext_share_5", DataTypes.DoubleType)
            .add("ext_quality", DataTypes.DoubleType)
            .add("ext_label", DataTypes.StringType);

    private static final UserDefinedFunction QUALITY_P = udf((UDF4<Long, Long, Double, Double, Double>) (k, n, q, rho) ->
            k == null || n == null || n == 0 || q == null || !(q > 0 && q < 1) ? null : qualityP(k, n, q, rho),
            DataTypes.DoubleType);

    /** One usable line: shares as fractions summing to 1. */
    public record Entry(int line, String subject, int grade, double[] shares, String label) {
    }

    public static ExternalReference read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference file " + file + ": " + e.getMessage(), e);
        }
    }

    static ExternalReference parse(List<String> lines) {
        return parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's rows as {@link DelimitedReader} reads every side file: encoding, delimiter and quotes detected. */
    static ExternalReference parse(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        List<SideFileProblem> problems = new ArrayList<>();
        for (RawRow row : DelimitedReader.read(bytes, null).rows()) {
            int number = row.number();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.cells().stream().map(c -> c == null ? "" : c.replace("\uFEFF", "")).toArray(String[]::new);
            if (cells.length < 6) {
                problems.add(SideFileProblem.ofLine(number, "нужно не меньше 6 столбцов: предмет; класс; доли отметок 2, 3, 4, 5",
                        "need at least 6 columns: subject; grade; shares of marks 2, 3, 4, 5"));
                continue;
            }
            var subject = Subjects.recognise(cells[0]);
            Integer grade = integer(cells[1]);
            if (grade == null && entries.isEmpty() && problems.isEmpty()) {
                continue; // the header
            }
            if (subject.isEmpty() || grade == null) {
                problems.add(SideFileProblem.ofLine(number, "не распознаны предмет или класс: «" + cells[0].trim() + "», «" + cells[1].trim() + "»",
                        "subject or grade not recognised: '" + cells[0].trim() + "', '" + cells[1].trim() + "'"));
                continue;
            }
            double[] shares = new double[4];
            double sum = 0;
            boolean ok = true;
            for (int m = 0; m < 4; m++) {
                String text = cells[2 + m].trim();
                String number2 = text.replace(',', '.'); // a decimal comma (the delimiter is already split off)
                try {
                    shares[m] = Double.parseDouble(number2.replace("%", ""));
                } catch (NumberFormatException e) {
                    shares[m] = Double.NaN;
                }
                ok &= shares[m] >= 0;
                sum += shares[m];
            }
            if (!ok || !(sum > 0)) {
                problems.add(SideFileProblem.ofLine(number, "доли отметок должны быть неотрицательными числами",
                        "mark shares must be non-negative numbers"));
                continue;
            }
            double scale = sum > 1.5 ? 100.0 : 1.0;
            if (Math.abs(sum / scale - 1) > 0.02) {
                problems.add(SideFileProblem.ofLine(number, String.format("доли отметок в сумме дают %.4g, а не 100%% (или 1)", sum),
                        String.format("mark shares sum to %.4g, not 100%% (or 1)", sum)));
                continue;
            }
            for (int m = 0; m < 4; m++) {
                shares[m] /= sum; // exact normalisation of a rounded row
            }
            String label = cells.length > 6 ? cells[6].trim() : null;
            entries.add(new Entry(number, subject.get(), grade, shares, label == null || label.isEmpty() ? null : label));
        }
        return new ExternalReference(entries, problems);
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Dataset<Row> toDataset(SparkSession spark) {
        List<Row> rows = entries.stream().map(e -> RowFactory.create(e.subject(), e.grade(), e.shares()[0], e.shares()[1],
                e.shares()[2], e.shares()[3], e.shares()[2] + e.shares()[3], e.label())).toList();
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * Joins the external shares to cells by subject and grade and adds {@code ext_quality_p}.
     *
     * @param cells a cell table with {@code quality}, {@code n} and {@code quality_rho} ({@link HighResults})
     */
    public static Dataset<Row> compare(Dataset<Row> cells, Dataset<Row> external) {
        Dataset<Row> joined = Keys.join(cells, external, new String[] {"subject", "grade"}, "left");
        return joined.withColumn("ext_quality_p", QUALITY_P.apply(col("quality").cast("long"), col("n").cast("long"),
                col("ext_quality"), col("quality_rho")));
    }

    /** Beta-binomial mid-p of k quality works of n, mean q, intraclass correlation ρ (binomial when ρ ≤ 0). */
    static double qualityP(long k, long n, double q, Double rho) {
        double r = rho == null || !(rho > 0) ? 0 : Math.min(rho, BetaBinomial.MAX_RHO);
        double precision = r == 0 ? BetaBinomial.BINOMIAL_LIMIT_PRECISION : (1 - r) / r;
        return ClusteredShareTest.midP((int) k, (int) n, q * precision, (1 - q) * precision);
    }
}
