package org.vprobjectivity.run;

import org.vprobjectivity.flags.FlagConfig;
import org.vprobjectivity.indicators.IndicatorConfig;
import org.vprobjectivity.io.ConfigFile;
import org.vprobjectivity.report.MeasureConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code --config} file as one validated configuration, read once per run: the whole file is checked
 * ({@link ConfigFile#check}: known sections and fields, types, each section's ranges) and each section becomes its
 * object; a section the file leaves out keeps its defaults. The stages take their part from here, so no stage reads
 * the file again and no half of it goes unchecked.
 *
 * @param indicators the {@code indicators} section
 * @param flags      the {@code flags} section
 * @param measures   the {@code measures} section (the decision matrix of the report)
 */
public record AnalysisConfig(IndicatorConfig indicators, FlagConfig flags, MeasureConfig measures) {

    /** The sections of the file and the class each is read into. */
    public static final Map<String, Class<?>> SECTIONS = Map.of("indicators", IndicatorConfig.class,
            "flags", FlagConfig.class, MeasureConfig.SECTION, MeasureConfig.class);

    /** Every section at its defaults (no {@code --config}). */
    public static AnalysisConfig defaults() {
        return new AnalysisConfig(new IndicatorConfig(), new FlagConfig(), new MeasureConfig());
    }

    /**
     * @param file the {@code --config} file, or null for the defaults
     * @throws ConfigFile.Problem naming the field on the first problem found
     */
    public static AnalysisConfig load(Path file) {
        if (file == null) {
            return defaults();
        }
        Map<String, Object> read = ConfigFile.check(file, SECTIONS, AnalysisConfig::validate);
        return new AnalysisConfig(section(read, "indicators", IndicatorConfig.class, IndicatorConfig::new),
                section(read, "flags", FlagConfig.class, FlagConfig::new),
                section(read, MeasureConfig.SECTION, MeasureConfig.class, MeasureConfig::new));
    }

    /** Runs the section's own range checks. */
    public static void validate(Object section) {
        if (section instanceof IndicatorConfig c) {
            c.validate();
        } else if (section instanceof FlagConfig c) {
            c.validate();
        } else if (section instanceof MeasureConfig c) {
            c.validate();
        }
    }

    private static <T> T section(Map<String, Object> read, String name, Class<T> type, Supplier<T> defaults) {
        Object value = read.get(name);
        return value == null ? defaults.get() : type.cast(value);
    }
}
