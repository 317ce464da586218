package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;
import org.vprobjectivity.run.SessionYears;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.indicators.TeacherMapping;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.io.RunReport;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vprobjectivity.table.SchemaCheck;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems a user must see reach the summary and run.json, not only stderr: bad lines of the side files (teachers,
 * reference, school types, exam results, observed schools) and a session whose year is far from the others (2052 typed for 2025). One real run.
 */
class SideFileNotesTest {

    @TempDir
    Path dir;

    @Test
    void sideFileProblemsAreInTheSummaryAndRunJson() throws Exception {
        Path sample = OutputSafetyTest.sample();
        Path teachers = Files.writeString(dir.resolve("teachers.csv"), "sch220033;4А;MA;t001;Петрова П. П.\nsch220033;4Б;MA\n");
        Path reference = Files.writeString(dir.resolve("reference.csv"), "MA;4;0.1;0.3;0.4;0.2;Россия\nMA;4;0.5;0.5;0.5;0.5\n");
        Path types = Files.writeString(dir.resolve("types.csv"), "sch220033;лицей\nsch220040\n");

        // the same run also reads the exam results and the observed schools (ExamObservedRunTest checks them)
        List<String> args = new java.util.ArrayList<>(List.of("--input", sample.toString(), "--output",
                dir.resolve("out").toString(), "--teachers", teachers.toString(), "--reference", reference.toString(),
                "--school-types", types.toString()));
        args.addAll(ExamObservedRunTest.sideFiles(dir));
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), args.toArray(new String[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new PipelineRun(cmd.args.options(), true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())).execute(SparkTestSession.get());
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(summary).isZero();

        RunReport report = RunReport.read(dir.resolve("out/run.json"));
        assertThat(report.notes).extracting(n -> n.code).containsExactlyInAnyOrder("TEACHERS_LINE_REJECTED",
                "REFERENCE_LINE_REJECTED", "SCHOOL_TYPES_LINE_REJECTED", "EXAM_ROW_REJECTED", "OBSERVED_LINE_REJECTED");
        ExamObservedRunTest.check(SparkTestSession.get(), dir.resolve("out").toString(), summary);
        // every table of a run with teachers, exam and observed schools has its declared columns (issue 18)
        assertThat(dir.resolve("out").resolve(OutputLayout.FLAGS_TEACHERS)).isDirectory();
        assertThat(SchemaCheck.differences(SparkTestSession.get(), dir.resolve("out").toString())).isEmpty();
        assertThat(summary).contains("Замечание: " + teachers + " — --teachers, строка 2: ожидается не менее 4 полей")
                .contains("Замечание: " + reference + " — --reference, строка 2: доли отметок в сумме")
                .contains("Замечание: " + types + " — --school-types, строка 2: нужны логин школы и её тип");
        // Issue 17: the mapping has a name, but the run was not given --include-names: the tables, the workbooks and the
        // report have the code only
        for (String table : List.of(OutputLayout.INDICATORS_TEACHER, OutputLayout.FLAGS_TEACHERS)) {
            assertThat(SparkTestSession.get().read().parquet(dir.resolve("out").resolve(table).toString())
                    .filter(org.apache.spark.sql.functions.col(TeacherMapping.TEACHER_NAME).isNotNull()).count()).as(table).isZero();
        }
        assertThat(summary).doesNotContain("Петрова");
        try (var files = Files.walk(dir.resolve("out/report"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.toString()).doesNotContain("Петрова");
            }
        }
        try (java.io.InputStream in = Files.newInputStream(dir.resolve("out/report/methodology/sch220033.xlsx"));
             org.apache.poi.ss.usermodel.Workbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertThat(wb.getSheet("4 МА журнал, учителя").getRow(1).getCell(2).getStringCellValue()).isEqualTo("t001");
        }
    }

    @Test
    void aSessionYearFarFromTheOthersIsInTheSummaryAndRunJson() throws Exception {
        Path sample = OutputSafetyTest.sample();
        Path region = dir.resolve("region");
        Files.createDirectories(region);
        Files.copy(sample, region.resolve("canonical_MA4.csv"));
        List<String> lines = Files.readAllLines(sample);
        // Three works of one school typed as 2052: a session of their own, far from 2025.
        Files.write(region.resolve("typo_2052.csv"), List.of(lines.get(0), lines.get(1).replace("2025-spring", "2052-spring"),
                lines.get(2).replace("2025-spring", "2052-spring"), lines.get(3).replace("2025-spring", "2052-spring")));
        OutputSafetyTest.Outcome o = OutputSafetyTest.ingest("--input", region.toString(), "--output", dir.resolve("out").toString());
        assertThat(o.exit()).as(o.stdout()).isZero();
        RunReport report = RunReport.read(dir.resolve("out/run.json"));
        assertThat(report.notes).singleElement().satisfies(n -> {
            assertThat(n.code).isEqualTo(SessionYears.CODE);
            assertThat(n.messageRu).contains("2052-spring").contains("далеко от остальных").contains("typo_2052.csv");
        });
        assertThat(o.stdout()).contains("Замечание: сессия 2052-spring: год 2052 далеко от остальных сессий запуска (2025)");
    }

    @Test
    void yearsThatCannotBeRight() {
        RunReport r = new RunReport();
        r.sessions.addAll(List.of("2024-spring", "2025-spring", "2025-autumn"));
        assertThat(SessionYears.check(r, 2026)).isEmpty();
        r.sessions.add("2027-spring");
        assertThat(SessionYears.check(r, 2026)).extracting(n -> n.messageEn).containsExactly(
                "session 2027-spring: the year 2027 has not come yet; check the year in the files: ");
        r.sessions.add("2009-spring");
        assertThat(SessionYears.check(r, 2026)).extracting(n -> n.messageEn).containsExactlyInAnyOrder(
                "session 2009-spring: the year 2009 is far from the run's other sessions (2025); check the year in the files: ",
                "session 2027-spring: the year 2027 has not come yet; check the year in the files: ");
        RunReport alone = new RunReport();
        alone.sessions.add("2012-spring");
        assertThat(SessionYears.check(alone, 2026)).extracting(n -> n.messageEn).containsExactly(
                "session 2012-spring: there were no VPR in 2012; check the year in the files: ");
    }
}
