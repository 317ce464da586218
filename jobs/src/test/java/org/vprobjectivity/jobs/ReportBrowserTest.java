package org.vprobjectivity.jobs;

import org.vprobjectivity.run.PipelineRun;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.vprobjectivity.SparkTestSession;
import org.vprobjectivity.io.OutputLayout;
import org.vprobjectivity.report.ReportWriter;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district head's report as a person uses it, in a real headless Chromium driven by chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}, installed by {@code scripts/install-browser.sh}; {@code .ci/run} runs
 * it): the sample run's {@code report/index.html} lists the flagged schools, sorting by risk and filtering by
 * municipality work, a school's page opens from its link and draws its charts, and the browser logs no error.
 * Screenshots are saved under {@code target/} for review. Skipped, with a message, where no Chromium is installed.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void theSampleReportSortsFiltersAndOpensASchoolPageWithCharts(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium at " + CHROMIUM + " / " + DRIVER + ": run scripts/install-browser.sh (CI does)");
        Path out = dir.resolve("out");
        RunCommand cmd = CommandLine.populateCommand(new RunCommand(), "--input", sampleRegion().toString(), "--output",
                out.toString());
        new PipelineRun(cmd.args.options(), true, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))
                .execute(spark);
        List<org.apache.spark.sql.Row> flagged = spark.read().parquet(out.resolve(OutputLayout.FLAGS_SCHOOLS).toString())
                .filter(col("flagged")).select("school_id", "municipality", "risk_score").collectAsList();
        assertThat(flagged).as("the sample region has flagged schools").isNotEmpty();

        WebDriver browser = browser();
        try {
            browser.get(out.resolve(ReportWriter.DIR).resolve(ReportWriter.INDEX).toUri().toString());
            assertThat(browser.getTitle()).isEqualTo("Признаки необъективности результатов ВПР");
            assertThat(rows(browser)).hasSize(flagged.size());

            WebElement risk = browser.findElements(By.cssSelector("#schools th")).get(5);
            risk.click();
            assertThat(risks(browser)).isSorted();
            risk.click();
            List<Double> descending = risks(browser);
            assertThat(descending.get(0)).isEqualTo(descending.stream().mapToDouble(Double::doubleValue).max().orElseThrow());

            String municipality = flagged.get(0).getString(1);
            browser.findElement(By.cssSelector("#municipality option[value='']")).click();
            for (WebElement option : browser.findElements(By.cssSelector("#municipality option"))) {
                if (option.getText().equals(municipality)) {
                    option.click();
                }
            }
            List<WebElement> visible = rows(browser).stream().filter(WebElement::isDisplayed).toList();
            long expected = flagged.stream().filter(r -> municipality.equals(r.getString(1))).count();
            assertThat(visible).hasSize((int) expected);
            visible.forEach(r -> assertThat(r.getAttribute("data-municipality")).isEqualTo(municipality));
            screenshot(browser, "report-index.png");

            visible.get(0).findElement(By.cssSelector("a")).click();
            assertThat(browser.getCurrentUrl()).contains("/schools/");
            List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
            assertThat(charts).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("svg.histogram rect")).size()).isGreaterThan(5);
            assertThat(browser.findElements(By.cssSelector("svg.histogram line.cut"))).isNotEmpty();
            charts.forEach(c -> assertThat(c.getSize().getHeight()).isGreaterThan(50));
            screenshot(browser, "report-school.png");

            List<String> errors = new ArrayList<>();
            for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(e.getMessage());
                }
            }
            assertThat(errors).as("browser console errors").isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#schools tbody tr"));
    }

    private static List<Double> risks(WebDriver browser) {
        return rows(browser).stream().map(r -> Double.parseDouble(r.findElements(By.tagName("td")).get(5).getAttribute("data-sort")))
                .toList();
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** data-samples/region from the jobs module (Maven runs tests there) or from the repository root. */
    static Path sampleRegion() {
        for (Path p : List.of(Path.of("../data-samples/region"), Path.of("data-samples/region"))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("data-samples/region not found from " + Path.of("").toAbsolutePath());
    }
}
