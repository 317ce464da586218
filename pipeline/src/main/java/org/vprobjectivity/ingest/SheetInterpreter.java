package org.vprobjectivity.ingest;

import org.vprobjectivity.model.MarkScale;
import org.vprobjectivity.model.MarkScales;
import org.vprobjectivity.model.Session;
import org.vprobjectivity.model.Subjects;
import org.vprobjectivity.model.TaskSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the rows of one result table into works, absent participants and quarantined rows, applying
 * the rules of docs/input-format.md. Problems that concern the whole table (no scale, task columns that do
 * not fit the scale, a scale most marks disagree with) stop the table and are reported instead.
 */
public final class SheetInterpreter {

    /** A region's login (reg22_m001: region 22) and a school's (sch220206, edu220206), matched per row. */
    private static final java.util.regex.Pattern REGION_LOGIN = java.util.regex.Pattern.compile("reg\\d{2}.*");
    private static final java.util.regex.Pattern SCHOOL_LOGIN = java.util.regex.Pattern.compile("(sch|edu)\\d{6}");

    /** The grades the VPR is written in (docs/input-format.md). */
    static final int MIN_GRADE = 4;
    static final int MAX_GRADE = 11;
    /** What a reject names as its column when the value came from a «Ф1» group row or the --school option. */
    static final String GROUP_ROW_COLUMN = "group row";
    static final String SCHOOL_OPTION_COLUMN = "--school";

    private final HeaderMapping mapping;
    private final MarkScales scales;

    public SheetInterpreter(HeaderMapping mapping, MarkScales scales) {
        this.mapping = mapping;
        this.scales = scales;
    }

    /** Outcome of one table: its records and its report. */
    public record Outcome(List<IngestRecord> records, TableReport report) {
    }

    /**
     * @param outer what the file name and the options say (file name first, options as the last resort);
     *              the table's own header block is laid over it, and the columns over both.
     */
    public Outcome interpret(String sourceFile, RawSheet sheet, TableLayout layout, ContextHints fileName, ContextHints options) {
        ContextHints tableHints = ContextHints.fromText(layout.blockText()).orElse(fileName).orElse(options);
        List<Candidate> candidates = candidates(sheet, layout, tableHints);
        int rowsRead = candidates.size();

        // Every row must know its session, subject and grade, and each (subject, grade, year) needs a scale
        // whose tasks fit the table's columns. When no row has one, the table is reported (the usual cause is a
        // missing option or scale file). When some rows have one, a row whose own columns name another work
        // (a grade 44, a subject typed into the wrong cell) contradicts the table: that row is quarantined and
        // the rest are kept.
        Map<String, Optional<MarkScale>> scaleByWork = new LinkedHashMap<>();
        Map<String, int[]> taskIndexByScale = new HashMap<>();
        Map<String, TaskMatch> failedMatch = new HashMap<>();
        TableReport firstProblem = null;
        boolean anyUsable = false;
        for (Candidate c : candidates) {
            if (c.preReason != null) {
                continue;
            }
            Optional<TableReport> missing = missingContext(sourceFile, sheet.name(), rowsRead, c);
            if (missing.isPresent()) {
                c.preReason = RejectReason.CONTEXT_MISSING;
                c.preColumn = missing.get().problem() == FileProblem.NO_SESSION ? layout.headerOf(ColumnRole.SESSION)
                        : missing.get().problem() == FileProblem.NO_SUBJECT ? layout.headerOf(ColumnRole.SUBJECT)
                        : layout.headerOf(ColumnRole.GRADE);
                firstProblem = firstProblem == null ? missing.get() : firstProblem;
                continue;
            }
            String work = workKey(c);
            Optional<MarkScale> scale = scaleByWork.computeIfAbsent(work, w -> scales.inForce(c.subject, c.grade, c.session.year()));
            if (scale.isEmpty()) {
                c.preReason = RejectReason.SCALE_MISSING;
                c.preValue = Subjects.name(c.subject) + ", " + c.grade + " класс, " + c.session.year();
                firstProblem = firstProblem == null ? TableReport.failed(sourceFile, sheet.name(), rowsRead, FileProblem.NO_SCALE,
                        c.preValue + " (row " + c.row.number() + ")") : firstProblem;
                continue;
            }
            String key = scale.get().key();
            if (!taskIndexByScale.containsKey(key) && !failedMatch.containsKey(key)) {
                TaskMatch match = matchTasks(layout, scale.get(), sheet, layout.headerIndex());
                if (match.problem != null) {
                    failedMatch.put(key, match);
                } else {
                    taskIndexByScale.put(key, match.columnOfTask);
                }
            }
            TaskMatch failed = failedMatch.get(key);
            if (failed != null) {
                c.preReason = RejectReason.SCALE_MISSING;
                c.preValue = key + ": " + failed.detail;
                firstProblem = firstProblem == null
                        ? TableReport.failed(sourceFile, sheet.name(), rowsRead, failed.problem, failed.detail) : firstProblem;
                continue;
            }
            c.scale = scale.get();
            anyUsable = true;
        }
        if (!anyUsable && firstProblem != null) {
            return new Outcome(List.of(), firstProblem);
        }

        List<IngestRecord> records = new ArrayList<>(candidates.size());
        int marksGiven = 0;
        int marksDisagreeing = 0;
        for (Candidate c : candidates) {
            if (c.preReason != null) {
                records.add(reject(contextRecord(sourceFile, sheet.name(), layout, c), c.row, layout, c.preReason, c.preColumn, c.preValue));
                continue;
            }
            MarkScale scale = c.scale;
            IngestRecord r = toRecord(sourceFile, sheet.name(), layout, c, scale, taskIndexByScale.get(scale.key()));
            if (r.type != IngestRecord.Type.ABSENT && c.givenMark != null) {
                marksGiven++;
                if (r.rejectReason == RejectReason.MARK_MISMATCH) {
                    marksDisagreeing++;
                }
            }
            records.add(r);
        }
        if (marksGiven >= 5 && marksDisagreeing * 2 > marksGiven) {
            String used = scaleByWork.values().stream().flatMap(Optional::stream).distinct().map(s -> s.key() + " (cuts " + s.cut3() + "/" + s.cut4() + "/" + s.cut5() + ")")
                    .collect(Collectors.joining(", "));
            return new Outcome(List.of(), TableReport.failed(sourceFile, sheet.name(), rowsRead, FileProblem.SCALE_DISAGREES,
                    marksDisagreeing + " of " + marksGiven + " marks disagree with scale " + used));
        }
        Candidate first = candidates.stream().filter(c -> c.scale != null).findFirst().orElse(null);
        MarkScale firstScale = first == null ? null : first.scale;
        return new Outcome(records, new TableReport(sourceFile, sheet.name(), rowsRead, null, null,
                first == null ? null : first.session.toString(), first == null ? null : first.subject,
                first == null ? null : first.grade, firstScale == null ? null : firstScale.key()));
    }

    /** A data row with its resolved context, before the rules. */
    private static final class Candidate {
        RawRow row;
        Session session;
        String subject;
        Integer grade;
        String schoolId;
        String schoolName;
        ClassLabel classLabel;
        String givenMark;
        /** The scale in force for the row's work, once found and matched to the table's columns. */
        MarkScale scale;
        /** Set when the row is quarantined before the per-work rules (its context or identity is unusable). */
        RejectReason preReason;
        String preColumn;
        String preValue;
    }

    private static String workKey(Candidate c) {
        return c.subject + "|" + c.grade + "|" + c.session.year();
    }

    private List<Candidate> candidates(RawSheet sheet, TableLayout layout, ContextHints hints) {
        List<Candidate> out = new ArrayList<>();
        String groupSchoolId = null;
        String groupSchoolName = null;
        List<RawRow> rows = sheet.rows();
        for (int i = layout.headerIndex() + 1; i < rows.size(); i++) {
            RawRow row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            Optional<String[]> group = mapping.groupRow(row);
            if (group.isPresent()) {
                groupSchoolName = group.get()[0];
                groupSchoolId = group.get()[1];
                continue;
            }
            Candidate c = new Candidate();
            c.row = row;
            tooLong(row, layout).ifPresent(column -> {
                c.preReason = RejectReason.TEXT_TOO_LONG;
                c.preColumn = layout.headerOf(column);
                c.preValue = row.cell(column);
            });
            c.session = Optional.ofNullable(cell(row, layout, ColumnRole.SESSION)).flatMap(Session::tryParse)
                    .or(() -> Optional.ofNullable(cell(row, layout, ColumnRole.DATE)).map(d -> ContextHints.fromText(d).session()))
                    .orElse(hints.session());
            c.subject = Optional.ofNullable(cell(row, layout, ColumnRole.SUBJECT)).flatMap(Subjects::recognise).orElse(hints.subject());
            c.classLabel = ClassLabel.parse(cell(row, layout, ColumnRole.CLASS), mapping);
            String idText = cell(row, layout, ColumnRole.SCHOOL_ID);
            String schoolText = cell(row, layout, ColumnRole.SCHOOL);
            // A login column's value is a login, whatever it looks like: "=HYPERLINK(...)" is not a missing
            // login, and "+cmd|..." is not the school "+cmd". The "Школа" column may hold a bare name instead.
            CodeNamePair idCell = idText == null || idText.contains("|") ? CodeNamePair.parse(idText) : new CodeNamePair(idText.trim(), null);
            CodeNamePair schoolCell = schoolText == null || schoolText.contains("|") ? CodeNamePair.parse(schoolText)
                    : mapping.isSchoolLogin(schoolText) ? new CodeNamePair(schoolText.trim(), null)
                    : new CodeNamePair(null, schoolText.trim());
            c.schoolId = firstNonNull(idCell.code(), schoolCell.code(), groupSchoolId, hints.school());
            c.schoolName = firstNonNull(cell(row, layout, ColumnRole.SCHOOL_NAME), schoolCell.name(), idCell.name(), groupSchoolName);
            if (c.preReason == null && c.schoolId != null && !mapping.isSchoolLogin(c.schoolId)) {
                c.preReason = RejectReason.SCHOOL_INVALID;
                c.preColumn = idCell.code() != null ? layout.headerOf(ColumnRole.SCHOOL_ID)
                        : schoolCell.code() != null ? layout.headerOf(ColumnRole.SCHOOL)
                        : groupSchoolId != null ? GROUP_ROW_COLUMN : SCHOOL_OPTION_COLUMN;
                c.preValue = idCell.code() != null ? idText : schoolCell.code() != null ? schoolText : c.schoolId;
                // The value is quoted in the reject; the row is not counted for a school that does not exist.
                c.schoolId = null;
            }
            String gradeText = cell(row, layout, ColumnRole.GRADE);
            Integer gradeColumn = Text.parseInteger(gradeText);
            // The class's digits name the grade only when nothing else does; otherwise they are checked against it.
            c.grade = gradeColumn != null ? gradeColumn : hints.grade() != null ? hints.grade() : c.classLabel.grade();
            boolean gradeInvalid = (gradeText != null && gradeColumn == null)
                    || (c.grade != null && (c.grade < MIN_GRADE || c.grade > MAX_GRADE));
            if (c.preReason == null && gradeInvalid) {
                // A grade the VPR has no work for is a typo in this row, not a table without a scale.
                boolean fromClass = gradeText == null && hints.grade() == null;
                c.preReason = RejectReason.GRADE_INVALID;
                c.preColumn = layout.headerOf(fromClass ? ColumnRole.CLASS : ColumnRole.GRADE);
                c.preValue = gradeText != null ? gradeText : fromClass ? cell(row, layout, ColumnRole.CLASS) : String.valueOf(c.grade);
            }
            c.givenMark = cell(row, layout, ColumnRole.MARK);
            if (c.preReason == null && c.schoolName != null && c.schoolName.length() > Text.MAX_VALUE_CHARS) {
                // The name may come from the group row above, which no column check sees.
                c.preReason = RejectReason.TEXT_TOO_LONG;
                c.preColumn = layout.headerOf(ColumnRole.SCHOOL_NAME);
                c.preValue = c.schoolName;
            }
            out.add(c);
        }
        return out;
    }

    /** The first column the table uses (a role or a task) whose value in this row is longer than any real value. */
    private static Optional<Integer> tooLong(RawRow row, TableLayout layout) {
        for (int column = 0; column < row.cells().size(); column++) {
            String v = row.cell(column);
            if (v != null && v.length() > Text.MAX_VALUE_CHARS && layout.isUsed(column)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static Optional<TableReport> missingContext(String file, String sheet, int rowsRead, Candidate c) {
        FileProblem p = c.session == null ? FileProblem.NO_SESSION
                : c.subject == null ? FileProblem.NO_SUBJECT
                : c.grade == null ? FileProblem.NO_GRADE : null;
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(TableReport.failed(file, sheet, rowsRead, p, "row " + c.row.number()));
    }

    private static final class TaskMatch {
        int[] columnOfTask;
        FileProblem problem;
        String detail;
    }

    /** Maps the scale's tasks to the table's columns: by name (maxima cross-checked) or by position. */
    private TaskMatch matchTasks(TableLayout layout, MarkScale scale, RawSheet sheet, int headerIndex) {
        TaskMatch m = new TaskMatch();
        List<TaskSpec> tasks = scale.tasks();
        int[] columns = new int[tasks.size()];
        java.util.Arrays.fill(columns, -1);
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            indexByKey.put(HeaderMapping.taskKey(tasks.get(i).name()), i);
        }
        List<String> unknown = new ArrayList<>();
        for (TableLayout.TaskColumn tc : layout.tasks()) {
            Integer index = tc.positional() ? Integer.valueOf(tc.position() - 1) : indexByKey.get(tc.key());
            if (index == null || index >= tasks.size()) {
                if (!tc.positional() || columnHasValues(sheet, headerIndex, tc.column())) {
                    unknown.add(tc.header());
                }
                continue;
            }
            if (tc.statedMax() != null && tc.statedMax() != tasks.get(index).max()) {
                m.problem = FileProblem.TASK_MAX_MISMATCH;
                m.detail = "column «" + tc.header() + "» says max " + tc.statedMax() + ", scale " + scale.key()
                        + " says " + tasks.get(index).max();
                return m;
            }
            columns[index] = tc.column();
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (columns[i] < 0) {
                missing.add(tasks.get(i).name());
            }
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            m.problem = FileProblem.TASKS_MISMATCH;
            m.detail = "scale " + scale.key() + " has " + tasks.size() + " tasks"
                    + (unknown.isEmpty() ? "" : "; columns not in the scale: " + unknown)
                    + (missing.isEmpty() ? "" : "; scale tasks without a column: " + missing);
            return m;
        }
        m.columnOfTask = columns;
        return m;
    }

    /** An unused positional column (empty or «не пройд.» everywhere) is not an extra task. */
    private boolean columnHasValues(RawSheet sheet, int headerIndex, int column) {
        return sheet.rows().stream().skip(headerIndex + 1L).map(r -> r.cell(column)).anyMatch(v -> !mapping.isNotAttempted(v));
    }

    /** The row's context and identity, as far as they are known; the rules fill in the rest. */
    private IngestRecord contextRecord(String file, String sheetName, TableLayout layout, Candidate c) {
        RawRow row = c.row;
        IngestRecord r = new IngestRecord();
        r.type = IngestRecord.Type.WORK;
        r.sourceFile = file;
        r.sheet = sheetName;
        r.sourceRow = row.number();
        r.session = c.session == null ? null : c.session.toString();
        r.subject = c.subject;
        r.grade = c.grade;
        r.schoolId = c.schoolId;
        r.schoolName = c.schoolName;
        r.classLabel = c.classLabel.label();
        r.participant = trimToNull(cell(row, layout, ColumnRole.PARTICIPANT));
        r.variant = trimToNull(cell(row, layout, ColumnRole.VARIANT));
        r.sex = mapping.sex(cell(row, layout, ColumnRole.SEX));
        CodeNamePair municipality = CodeNamePair.parse(cell(row, layout, ColumnRole.MUNICIPALITY));
        r.municipalityCode = firstNonNull(trimToNull(cell(row, layout, ColumnRole.MUNICIPALITY_CODE)), municipality.code());
        r.municipality = firstNonNull(municipality.name(), r.municipalityCode);
        r.region = region(row, layout, r.schoolId);
        return r;
    }

    private IngestRecord toRecord(String file, String sheetName, TableLayout layout, Candidate c, MarkScale scale, int[] taskColumns) {
        RawRow row = c.row;
        IngestRecord r = contextRecord(file, sheetName, layout, c);
        r.scaleKey = scale.key();
        if (isAbsent(row, layout, taskColumns, r.variant)) {
            r.type = IngestRecord.Type.ABSENT;
            r.variant = null;
            return r;
        }
        r.type = IngestRecord.Type.WORK;
        if (r.schoolId == null) {
            return reject(r, row, layout, RejectReason.SCHOOL_MISSING, layout.headerOf(ColumnRole.SCHOOL_ID), null);
        }
        if (r.participant == null) {
            return reject(r, row, layout, RejectReason.PARTICIPANT_MISSING, layout.headerOf(ColumnRole.PARTICIPANT), null);
        }
        List<TaskSpec> tasks = scale.tasks();
        Integer[] scores = new Integer[tasks.size()];
        int sum = 0;
        for (int i = 0; i < tasks.size(); i++) {
            String v = row.cell(taskColumns[i]);
            if (mapping.isNotAttempted(v)) {
                continue;
            }
            Integer score = Text.parseInteger(v);
            String column = layout.headerOf(taskColumns[i]);
            if (score == null || score < 0) {
                return reject(r, row, layout, RejectReason.TASK_SCORE_INVALID, column, v);
            }
            if (score > tasks.get(i).max()) {
                return reject(r, row, layout, RejectReason.TASK_SCORE_ABOVE_MAX, column, v + " > " + tasks.get(i).max());
            }
            scores[i] = score;
            sum += score;
        }
        r.scores = scores;
        r.primaryScore = sum;
        r.mark = scale.markFor(sum);
        String givenPrimary = cell(row, layout, ColumnRole.PRIMARY_SCORE);
        if (!Text.isBlank(givenPrimary)) {
            Integer given = Text.parseInteger(givenPrimary);
            if (given == null) {
                return reject(r, row, layout, RejectReason.PRIMARY_SCORE_INVALID, layout.headerOf(ColumnRole.PRIMARY_SCORE), givenPrimary);
            }
            if (given != sum) {
                return reject(r, row, layout, RejectReason.PRIMARY_SCORE_MISMATCH, layout.headerOf(ColumnRole.PRIMARY_SCORE), given + " != " + sum);
            }
        }
        if (!Text.isBlank(c.givenMark)) {
            Integer given = Text.parseInteger(c.givenMark);
            if (given == null || given < 2 || given > 5) {
                return reject(r, row, layout, RejectReason.MARK_INVALID, layout.headerOf(ColumnRole.MARK), c.givenMark);
            }
            if (given != r.mark.intValue()) {
                return reject(r, row, layout, RejectReason.MARK_MISMATCH, layout.headerOf(ColumnRole.MARK),
                        given + " != " + r.mark + " (" + sum + " pts)");
            }
        }
        String journal = cell(row, layout, ColumnRole.JOURNAL_MARK);
        if (!mapping.isNoJournalMark(journal)) {
            Integer j = Text.parseInteger(journal);
            if (j == null || j < 2 || j > 5) {
                return reject(r, row, layout, RejectReason.JOURNAL_MARK_INVALID, layout.headerOf(ColumnRole.JOURNAL_MARK), journal);
            }
            r.journalMark = j;
        }
        if (c.classLabel.grade() != null && !Objects.equals(c.classLabel.grade(), c.grade)) {
            return reject(r, row, layout, RejectReason.GRADE_CLASS_MISMATCH, layout.headerOf(ColumnRole.CLASS),
                    cell(row, layout, ColumnRole.CLASS) + " vs grade " + c.grade);
        }
        return r;
    }

    /** Absent: the variant says so, or the row has a participant code and no variant, scores or marks. */
    private boolean isAbsent(RawRow row, TableLayout layout, int[] taskColumns, String variant) {
        if (variant != null && mapping.isAbsentVariant(variant)) {
            return true;
        }
        if (variant != null || Text.isBlank(cell(row, layout, ColumnRole.PARTICIPANT))) {
            return false;
        }
        for (int column : taskColumns) {
            if (!Text.isBlank(row.cell(column))) {
                return false;
            }
        }
        return Text.isBlank(cell(row, layout, ColumnRole.PRIMARY_SCORE)) && Text.isBlank(cell(row, layout, ColumnRole.MARK));
    }

    private static IngestRecord reject(IngestRecord r, RawRow row, TableLayout layout, RejectReason reason, String column, String value) {
        r.type = IngestRecord.Type.REJECT;
        r.rejectReason = reason;
        r.rejectColumn = Text.clip(column, Text.QUOTE_CHARS);
        r.rejectValue = Text.clip(value, Text.QUOTE_CHARS);
        r.scores = null;
        r.primaryScore = null;
        r.mark = null;
        r.journalMark = null;
        // A rejected row may be rejected for an over-long value: its keys are quoted, not carried whole.
        r.schoolId = Text.clip(r.schoolId, Text.QUOTE_CHARS);
        r.schoolName = Text.clip(r.schoolName, Text.QUOTE_CHARS);
        r.municipalityCode = Text.clip(r.municipalityCode, Text.QUOTE_CHARS);
        r.municipality = Text.clip(r.municipality, Text.QUOTE_CHARS);
        r.region = Text.clip(r.region, Text.QUOTE_CHARS);
        r.classLabel = Text.clip(r.classLabel, Text.QUOTE_CHARS);
        r.participant = Text.clip(r.participant, Text.QUOTE_CHARS);
        r.variant = Text.clip(r.variant, Text.QUOTE_CHARS);
        r.rawRow = rawRow(row, layout);
        return r;
    }

    /**
     * The row as the person who fixes it needs it: "header: value" for the columns ingest reads, in the
     * file's order. Columns the mapping does not know (pupils' names, notes, textbooks) are left out:
     * rejects leave the input's folder, and personal data must not leave with them.
     */
    static String rawRow(RawRow row, TableLayout layout) {
        StringBuilder b = new StringBuilder();
        for (int column = 0; column < row.cells().size(); column++) {
            String v = row.cell(column);
            if (Text.isBlank(v) || !layout.isUsed(column)) {
                continue;
            }
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(Text.clip(layout.headerOf(column), Text.QUOTE_CHARS)).append(": ").append(Text.clip(v, Text.QUOTE_CHARS));
        }
        return b.toString();
    }

    /** Region code: the column, the digits of a "reg220000 | ..." pair, else the login's region digits (sch22…). */
    private static String region(RawRow row, TableLayout layout, String schoolId) {
        String code = trimToNull(cell(row, layout, ColumnRole.REGION_CODE));
        if (code != null) {
            Integer n = Text.parseInteger(code);
            return n == null ? code : String.format("%02d", n);
        }
        CodeNamePair pair = CodeNamePair.parse(cell(row, layout, ColumnRole.REGION));
        if (pair.code() != null && REGION_LOGIN.matcher(pair.code()).matches()) {
            return pair.code().substring(3, 5);
        }
        if (schoolId != null && SCHOOL_LOGIN.matcher(schoolId).matches()) {
            return schoolId.substring(3, 5);
        }
        return firstNonNull(pair.code(), pair.name());
    }

    private static String cell(RawRow row, TableLayout layout, ColumnRole role) {
        Integer c = layout.column(role);
        if (c == null) {
            return null;
        }
        String v = row.cell(c);
        return Text.isBlank(v) ? null : v;
    }

    private static String trimToNull(String s) {
        return Text.isBlank(s) ? null : s.trim();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
