package org.vprobjectivity.jobs;

import org.vprobjectivity.run.RunOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** Options shared by {@code run} and {@code ingest}, parsed into the library's {@link RunOptions}. */
public final class InputArgs {

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Input files, folders (read recursively) or .zip archives: .xlsx, .csv, .txt.")
    List<String> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Output folder. Replaced atomically: a failed run leaves the previous output intact; "
                    + "a rerun of a session replaces that session only.")
    String output;

    @Option(names = "--session", paramLabel = "S",
            description = "Session (2025-spring, 2024-autumn) when no column, header block or file name says it.")
    String session;

    @Option(names = "--subject", paramLabel = "C",
            description = "Subject code (RU, MA, OM, HI, BI, GE, SO, PH, CH, EN, DE, FR) when the file does not say it.")
    String subject;

    @Option(names = "--grade", paramLabel = "N", description = "Grade (4..11) when the file does not say it.")
    Integer grade;

    @Option(names = "--school", paramLabel = "LOGIN", description = "School login for school forms without a school column.")
    String school;

    @Option(names = "--scales", paramLabel = "FILE",
            description = "Mark scale file (same format as data-samples/mark-scales.json): adds or overrides bundled entries.")
    Path scales;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Extra header synonyms (same format as the bundled header-mapping.json).")
    Path mapping;

    @Option(names = "--config", paramLabel = "FILE", description = "Analysis configuration (JSON); used by later stages.")
    Path config;

    @Option(names = "--teachers", paramLabel = "FILE",
            description = "Class→teacher mapping school_id;class;subject;teacher_id[;teacher_name]; used by later stages.")
    Path teachers;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "External reference shares of marks (e.g. the national row of «Статистика по отметкам»):"
                    + " subject;grade;share_2;share_3;share_4;share_5[;label].")
    Path reference;

    @Option(names = "--school-types", paramLabel = "FILE",
            description = "School types school_id;type (лицей, гимназия, …), shown beside flags; default: read from the name.")
    Path schoolTypes;

    @Option(names = "--id-map", paramLabel = "FILE",
            description = "School ids across years: old;new per line (e.g. sch220001;edu220001), header optional; ingested"
                    + " school ids are mapped before any table is written.")
    Path idMap;

    @Option(names = "--exam", paramLabel = "FILE",
            description = "School results of the state exams (ОГЭ/ЕГЭ): school;subject;year;mean;n[;sd][;exam][;share_2..share_5],"
                    + " Russian or English header: later exam results that do not confirm high VPR results are a sign;"
                    + " with sd, the official ОГЭ marker 1 beside the official list.")
    Path exam;

    @Option(names = "--observed", paramLabel = "FILE",
            description = "Schools that wrote under independent observation: school;session[;subject[;grade]]; their"
                    + " results are the objective reference each school is compared with.")
    Path observed;

    @Option(names = "--history", paramLabel = "DIR",
            description = "An earlier output folder (read only, never written) whose sessions are added to the"
                    + " over-time computations: cohorts (official marker 3), persistence of signs, jumps.")
    String history;

    @Option(names = "--include-names",
            description = "Let teacher names from --teachers reach the outputs (default: pseudonymous teacher ids only).")
    boolean includeNames;

    @Option(names = "--encoding", paramLabel = "E",
            description = "Force the encoding of CSV/TXT inputs (UTF-8, windows-1251); detected by default.")
    String encoding;

    @Option(names = "--lang", paramLabel = "ru|en", defaultValue = "ru",
            description = "Language of messages in the summary (default: ${DEFAULT-VALUE}).")
    String lang;

    /** The options as the library's run takes them. */
    public RunOptions options() {
        return new RunOptions(inputs, output, session, subject, grade, school, scales, mapping, config, teachers, reference,
                schoolTypes, idMap, exam, observed, history, includeNames, encoding, lang);
    }
}
