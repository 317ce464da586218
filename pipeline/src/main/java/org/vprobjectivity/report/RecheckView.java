package org.vprobjectivity.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.io.ParquetTables;
import org.vprobjectivity.recheck.RecheckEvidence;
import org.vprobjectivity.recheck.RecheckTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * The re-check as the report shows it, read from {@code recheck/} under a run's output: the per-school rows of
 * {@code recheck/schools} (with whether the re-check cleared the cell, by the same rule as the flags,
 * {@link RecheckEvidence}), the per-task rows, the plan's strata and the plan's targeted works per school. The tables
 * are per school, task and stratum, so they are small enough to collect.
 *
 * @param loaded  {@code recheck/schools} exists: forms were read back
 * @param planned {@code recheck/plan} exists
 */
public record RecheckView(boolean loaded, boolean planned, List<SchoolRow> schools, List<TaskRow> tasks,
                          List<StratumRow> strata, Map<String, PlannedWorks> plannedBySchool) {

    /** No re-check in the output. */
    public static final RecheckView NONE = new RecheckView(false, false, List.of(), List.of(), List.of(), Map.of());

    /** A row of {@code recheck/schools}: one school × subject × grade × stratum. */
    public record SchoolRow(String session, String schoolId, String municipality, String subject, int grade, String stratum,
                            long works, double markChangedShare, double objectiveShare, double meanPointDiff,
                            long worksLowered, long worksRaised, double exactAgreement, long controlWorks,
                            double controlMeanDiff, double discrepancyP, boolean confirmed, boolean cleared) {

        public boolean targeted() {
            return RecheckTables.TARGETED.equals(stratum);
        }

        /** Works whose mark changed, from the share (a share of whole works). */
        public long marksChanged() {
            return Math.round(markChangedShare * works);
        }
    }

    /** A row of {@code recheck/tasks}. */
    public record TaskRow(String session, String subject, int grade, String stratum, int taskIndex, String task, Integer taskMax,
                          long works, double exactAgreement, double meanDiff, double weightedKappa) {
    }

    /** A row of {@code recheck/strata}: cells are schools of one subject and grade. */
    public record StratumRow(String stratum, String commission, String session, String subject, int grade, long schools,
                             long works) {
    }

    /** The plan's targeted works of a school: how many, and of which works («Математика, 4 кл.»). */
    public record PlannedWorks(long works, List<String> cells) {
    }

    public static RecheckView load(SparkSession spark, String outputDir, String lang) {
        String schoolsTable = outputDir + "/" + RecheckTables.SCHOOLS;
        String planTable = outputDir + "/" + RecheckTables.PLAN;
        boolean loaded = ParquetTables.exists(spark, schoolsTable);
        boolean planned = ParquetTables.exists(spark, planTable);
        if (!loaded && !planned) {
            return NONE;
        }
        List<SchoolRow> schools = new ArrayList<>();
        List<TaskRow> tasks = new ArrayList<>();
        if (loaded) {
            Dataset<Row> rows = spark.read().parquet(schoolsTable);
            Map<String, Boolean> cleared = new HashMap<>();
            for (Row r : RecheckEvidence.of(rows).collectAsList()) {
                cleared.put(key(r.getAs("session"), r.getAs("school_id"), r.getAs("subject"), r.<Integer>getAs("grade")),
                        Boolean.TRUE.equals(r.getAs(RecheckTables.EVIDENCE_CLEARED)));
            }
            for (Row r : rows.orderBy(col("session"), col(RecheckTables.STRATUM).desc(), col("school_id"), col("subject"), col("grade"))
                    .collectAsList()) {
                String stratum = r.getAs(RecheckTables.STRATUM);
                schools.add(new SchoolRow(r.getAs("session"), r.getAs("school_id"), r.getAs("municipality"), r.getAs("subject"),
                        r.<Integer>getAs("grade"), stratum, longOf(r, RecheckTables.WORKS_RECHECKED),
                        num(r, RecheckTables.MARK_CHANGED_SHARE), num(r, RecheckTables.OBJECTIVE_SHARE), num(r, RecheckTables.MEAN_POINT_DIFF),
                        longOf(r, RecheckTables.WORKS_LOWERED), longOf(r, RecheckTables.WORKS_RAISED), num(r, RecheckTables.EXACT_AGREEMENT),
                        longOf(r, RecheckTables.CONTROL_WORKS), num(r, RecheckTables.CONTROL_MEAN_DIFF), num(r, RecheckTables.DISCREPANCY_P),
                        Boolean.TRUE.equals(r.getAs(RecheckTables.CONFIRMED)),
                        RecheckTables.TARGETED.equals(stratum) && cleared.getOrDefault(key(r.getAs("session"), r.getAs("school_id"),
                                r.getAs("subject"), r.<Integer>getAs("grade")), false)));
            }
            String taskTable = outputDir + "/" + RecheckTables.TASKS;
            if (ParquetTables.exists(spark, taskTable)) {
                for (Row r : spark.read().parquet(taskTable).orderBy(col("session"), col("subject"), col("grade"),
                        col(RecheckTables.STRATUM).desc(), col(RecheckTables.TASK_INDEX)).collectAsList()) {
                    tasks.add(new TaskRow(r.getAs("session"), r.getAs("subject"), r.<Integer>getAs("grade"), r.getAs(RecheckTables.STRATUM),
                            r.<Integer>getAs(RecheckTables.TASK_INDEX), r.getAs(RecheckTables.TASK), r.getAs(RecheckTables.TASK_MAX),
                            longOf(r, "works"), num(r, RecheckTables.EXACT_AGREEMENT), num(r, RecheckTables.MEAN_DIFF),
                            num(r, RecheckTables.WEIGHTED_KAPPA)));
                }
            }
        }
        List<StratumRow> strata = new ArrayList<>();
        String strataTable = outputDir + "/" + RecheckTables.STRATA;
        if (ParquetTables.exists(spark, strataTable)) {
            for (Row r : spark.read().parquet(strataTable).orderBy(col(RecheckTables.STRATUM).desc(), col(RecheckTables.COMMISSION),
                    col("session"), col("subject"), col("grade")).collectAsList()) {
                strata.add(new StratumRow(r.getAs(RecheckTables.STRATUM), r.getAs(RecheckTables.COMMISSION), r.getAs("session"),
                        r.getAs("subject"), r.<Integer>getAs("grade"), longOf(r, "cells"), longOf(r, "works")));
            }
        }
        Map<String, PlannedWorks> perSchool = new HashMap<>();
        if (planned) {
            org.vprobjectivity.flags.ReasonText words = new org.vprobjectivity.flags.ReasonText(lang);
            for (Row r : spark.read().parquet(planTable).filter(col(RecheckTables.STRATUM).equalTo(RecheckTables.TARGETED))
                    .groupBy("session", "school_id", "subject", "grade").agg(count(lit(1)).as("n"))
                    .orderBy("session", "school_id", "subject", "grade").collectAsList()) {
                String school = r.<String>getAs("session") + "|" + r.<String>getAs("school_id");
                PlannedWorks before = perSchool.getOrDefault(school, new PlannedWorks(0, List.of()));
                List<String> cells = new ArrayList<>(before.cells());
                cells.add(words.work(r.getAs("subject"), r.<Integer>getAs("grade")));
                perSchool.put(school, new PlannedWorks(before.works() + r.<Long>getAs("n"), cells));
            }
        }
        return new RecheckView(loaded, planned, schools, tasks, strata, perSchool);
    }

    /** The rows of one school (both strata), in the table's order. */
    public List<SchoolRow> of(String session, String schoolId) {
        return schools.stream().filter(r -> r.schoolId().equals(schoolId) && java.util.Objects.equals(r.session(), session)).toList();
    }

    /** The plan's targeted works of a school, or none. */
    public PlannedWorks planned(String session, String schoolId) {
        return plannedBySchool.getOrDefault(session + "|" + schoolId, new PlannedWorks(0, List.of()));
    }

    /** Works of a stratum, summed over its rows. */
    public long works(boolean targeted) {
        return rows(targeted).stream().mapToLong(SchoolRow::works).sum();
    }

    /** Distinct schools of a stratum. */
    public long schoolCount(boolean targeted) {
        return rows(targeted).stream().map(r -> r.session() + "|" + r.schoolId()).distinct().count();
    }

    /** The stratum's share of works whose mark changed (each work counts once). */
    public double markChangedShare(boolean targeted) {
        long works = works(targeted);
        return works == 0 ? Double.NaN : rows(targeted).stream().mapToDouble(r -> r.markChangedShare() * r.works()).sum() / works;
    }

    /** The stratum's mean point difference, school − commission, over its works. */
    public double meanPointDiff(boolean targeted) {
        long works = works(targeted);
        return works == 0 ? Double.NaN : rows(targeted).stream().mapToDouble(r -> r.meanPointDiff() * r.works()).sum() / works;
    }

    private List<SchoolRow> rows(boolean targeted) {
        return schools.stream().filter(r -> r.targeted() == targeted).toList();
    }

    private static String key(String session, String school, String subject, Integer grade) {
        return session + "|" + school + "|" + subject + "|" + grade;
    }

    private static double num(Row r, String field) {
        Object v = r.getAs(field);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static long longOf(Row r, String field) {
        Object v = r.getAs(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
