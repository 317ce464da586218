package org.vprobjectivity.synthetic;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.vprobjectivity.recheck.RecheckForms;
import org.vprobjectivity.recheck.RecheckTables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated commission for a generated region: fills the blank forms of a plan ({@code recheck/forms}) with the
 * scores each work earned before any manipulation ({@link HonestScores}; an unchanged work's own scores), each task
 * off by one point with probability {@code noise} (a commission's own marking noise), «Х» where the task was not
 * attempted. The filled forms go to another folder, named as the blank ones. Generator tooling: it reads the plan's
 * rows on the driver (a plan is a sample of a few hundred works).
 */
public final class RecheckSimulator {

    private RecheckSimulator() {
    }

    /** @return the number of works filled */
    public static int fill(SparkSession spark, String outputDir, Path truthDir, Path filledDir, double noise, long seed) {
        HonestScores honest = HonestScores.read(truthDir);
        Map<String, int[]> scoresByCode = new HashMap<>();
        for (org.apache.spark.sql.Row r : spark.read().parquet(outputDir + "/" + RecheckTables.PLAN).collectAsList()) {
            List<Integer> original = r.getList(r.fieldIndex(RecheckTables.ORIGINAL_SCORES));
            String key = HonestScores.key(r.getAs("session"), r.getAs("school_id"), r.getAs("subject"),
                    r.<Integer>getAs("grade"), r.getAs("class"), r.getAs("participant"));
            int[] earned = honest.of(key);
            if (earned == null) {
                earned = original.stream().mapToInt(v -> v == null ? -1 : v).toArray();
            }
            scoresByCode.put(r.getAs(RecheckTables.WORK_ID), earned);
        }
        Random random = new Random(seed);
        int filled = 0;
        try {
            Files.createDirectories(filledDir);
            List<Path> forms;
            try (var s = Files.list(Path.of(outputDir, RecheckTables.FORMS))) {
                forms = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
            }
            for (Path form : forms) {
                try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    Sheet sheet = wb.getSheet(RecheckForms.SHEET);
                    Row header = sheet.getRow(0);
                    int tasks = header.getLastCellNum() - 3;
                    int[] max = new int[tasks];
                    for (int t = 0; t < tasks; t++) {
                        max[t] = RecheckForms.taskMax(header.getCell(3 + t).getStringCellValue());
                    }
                    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                        Row row = sheet.getRow(i);
                        int[] earned = row == null ? null : scoresByCode.get(row.getCell(0).getStringCellValue());
                        if (earned == null) {
                            continue;
                        }
                        for (int t = 0; t < tasks; t++) {
                            Cell cell = row.createCell(3 + t);
                            if (earned[t] < 0) {
                                cell.setCellValue(RecheckForms.NOT_ATTEMPTED);
                                continue;
                            }
                            int s = earned[t];
                            if (random.nextDouble() < noise) {
                                s = Math.max(0, Math.min(max[t], s + (random.nextBoolean() ? 1 : -1)));
                            }
                            cell.setCellValue(s);
                        }
                        filled++;
                    }
                    try (OutputStream out = Files.newOutputStream(filledDir.resolve(form.getFileName()))) {
                        wb.write(out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return filled;
    }
}
