-- Core aggregates of the pipeline, written once and run unchanged by both engines (Spark SQL and DuckDB), so
-- the speed comparison in docs/performance.md is like for like. scripts/bench/CoreAggregates.java splits this
-- file at the "-- name:" lines; each statement is one SELECT over the views `results` and `task_scores` (the
-- run's ingested Parquet tables, partition column `session` read as a string by both engines).
--
-- Portable SQL only: counts are cast to BIGINT (DuckDB's SUM of integers is HUGEINT) and shares are computed in
-- DOUBLE, so both engines write the same Parquet column types. The denominators are never 0 (COUNT(*) of a
-- non-empty group; task_max > 0 is filtered), so Spark's ANSI mode cannot fail on a division.

-- name: mark_shares
-- (a) Mark shares per school cell: works and the share of VPR marks 2, 3, 4, 5 (indicators/school: share_2 .. share_5).
SELECT session, region, school_id, subject, grade,
       COUNT(*) AS works,
       CAST(SUM(CASE WHEN mark = 2 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_2,
       CAST(SUM(CASE WHEN mark = 3 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_3,
       CAST(SUM(CASE WHEN mark = 4 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_4,
       CAST(SUM(CASE WHEN mark = 5 THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS share_5
FROM results
GROUP BY session, region, school_id, subject, grade;

-- name: journal_class
-- (b) VPR mark against the journal mark per class (indicators/class: lowered, confirmed, raised and shares),
-- over the works with a journal mark. class may be null (class unknown): it is a group of its own.
SELECT session, region, school_id, class, subject, grade,
       COUNT(*) AS n_journal,
       CAST(SUM(CASE WHEN mark < journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS lowered,
       CAST(SUM(CASE WHEN mark = journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS confirmed,
       CAST(SUM(CASE WHEN mark > journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS raised,
       CAST(SUM(CASE WHEN mark < journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS lowered_share,
       CAST(SUM(CASE WHEN mark = journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS confirmed_share,
       CAST(SUM(CASE WHEN mark > journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS raised_share
FROM results
WHERE journal_mark IS NOT NULL
GROUP BY session, region, school_id, class, subject, grade;

-- name: journal_school
-- (b) The same per school cell (indicators/school).
SELECT session, region, school_id, subject, grade,
       COUNT(*) AS n_journal,
       CAST(SUM(CASE WHEN mark < journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS lowered,
       CAST(SUM(CASE WHEN mark = journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS confirmed,
       CAST(SUM(CASE WHEN mark > journal_mark THEN 1 ELSE 0 END) AS BIGINT) AS raised,
       CAST(SUM(CASE WHEN mark < journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS lowered_share,
       CAST(SUM(CASE WHEN mark = journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS confirmed_share,
       CAST(SUM(CASE WHEN mark > journal_mark THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) AS raised_share
FROM results
WHERE journal_mark IS NOT NULL
GROUP BY session, region, school_id, subject, grade;

-- name: task_solve
-- (c) Task solve rates per school cell and task: mean of score / task_max, a task not attempted (null score)
-- counting as 0, over rows with task_max > 0 (indicators/weak_spots at the school level, the FIS OKO
-- "% выполнения").
SELECT session, region, school_id, subject, grade, task_index,
       COUNT(*) AS works,
       AVG(CAST(COALESCE(score, 0) AS DOUBLE) / task_max) AS solve_rate
FROM task_scores
WHERE task_max > 0
GROUP BY session, region, school_id, subject, grade, task_index;
