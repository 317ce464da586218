package org.vprobjectivity.flags;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.vprobjectivity.indicators.ExamConfirmation;
import org.vprobjectivity.recheck.RecheckTables;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Appends a cell's reasons, strongest first: every sign whose p-value is below {@code reason_p} and whose effect
 * reaches its floor, written by
 * {@link ReasonText}, at most {@code max_reasons}. Aligned arrays: {@code reasons} (sentences in the run's language),
 * {@code reason_signs} (the {@link Sign} names), {@code reason_p} (their p-values, for ordering a school's reasons) and
 * the same sentences in each language ({@code reasons_ru}, {@code reasons_en}: {@link Bilingual}).
 */
final class CellReasons implements MapFunction<Row, Row> {

    private final FlagConfig config;
    private final String lang;

    CellReasons(FlagConfig config, String lang) {
        this.config = config;
        this.lang = lang;
    }

    /** The reason sign of a re-check that confirmed the school's marking (not a {@link Sign}: it clears, not flags). */
    static final String RECHECK_CLEARED = "RECHECK_CLEARED";

    /** The reason sign of high VPR results the later exam confirms (not a {@link Sign}: context, it does not flag). */
    static final String EXAM_CONFIRMED = "EXAM_CONFIRMED";

    static StructType schema(StructType in) {
        StructType out = in.add(Bilingual.REASONS, DataTypes.createArrayType(DataTypes.StringType))
                .add("reason_signs", DataTypes.createArrayType(DataTypes.StringType))
                .add("reason_p", DataTypes.createArrayType(DataTypes.DoubleType));
        for (String lang : Bilingual.LANGS) {
            out = out.add(Bilingual.column(Bilingual.REASONS, lang), DataTypes.createArrayType(DataTypes.StringType));
        }
        return out;
    }

    /** One reason in every language, each appended to its own list. */
    private static void say(List<ReasonText> texts, List<List<String>> sentences, Function<ReasonText, String> sentence) {
        for (int l = 0; l < texts.size(); l++) {
            sentences.get(l).add(sentence.apply(texts.get(l)));
        }
    }

    @Override
    public Row call(Row cell) {
        record Found(Sign sign, double p) {
        }
        List<Found> found = new ArrayList<>();
        for (Sign s : Sign.values()) {
            Double p = cell.getAs(s.signColumn());
            Boolean effect = cell.getAs(s.effectColumn());
            if (p != null && p < config.reasonP && Boolean.TRUE.equals(effect)) {
                found.add(new Found(s, p));
            }
        }
        found.sort(Comparator.comparingDouble(Found::p));
        List<ReasonText> texts = Bilingual.LANGS.stream().map(ReasonText::new).toList();
        List<List<String>> sentences = Bilingual.LANGS.stream().map(l -> (List<String>) new ArrayList<String>()).toList();
        List<String> signs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        // A re-check that confirmed the school's marking comes first: it is why a cell with signs is not flagged.
        if (ReasonText.hasField(cell, RecheckTables.EVIDENCE_CLEARED) && Boolean.TRUE.equals(cell.getAs(RecheckTables.EVIDENCE_CLEARED))) {
            say(texts, sentences, t -> t.recheckCleared(cell));
            signs.add(RECHECK_CLEARED);
            ps.add(1.0);
        }
        for (Found f : found.subList(0, Math.min(found.size(), config.maxReasons - signs.size()))) {
            say(texts, sentences, t -> t.sentence(f.sign(), cell, f.p()));
            signs.add(f.sign().name());
            ps.add(f.p());
        }
        // High VPR results the later exam confirms: said after the signs, within max_reasons (p = 1 orders it last).
        if (ReasonText.hasField(cell, ExamConfirmation.EXAM_CONFIRMS) && Boolean.TRUE.equals(cell.getAs(ExamConfirmation.EXAM_CONFIRMS))
                && signs.size() < config.maxReasons) {
            say(texts, sentences, t -> t.examConfirmed(cell));
            signs.add(EXAM_CONFIRMED);
            ps.add(1.0);
        }
        Object[] values = new Object[cell.length() + 3 + sentences.size()];
        for (int i = 0; i < cell.length(); i++) {
            values[i] = cell.get(i);
        }
        values[cell.length()] = CollectionConverters.asScala(sentences.get(Bilingual.LANGS.indexOf(Bilingual.code(lang)))).toSeq();
        values[cell.length() + 1] = CollectionConverters.asScala(signs).toSeq();
        values[cell.length() + 2] = CollectionConverters.asScala(ps).toSeq();
        for (int l = 0; l < sentences.size(); l++) {
            values[cell.length() + 3 + l] = CollectionConverters.asScala(sentences.get(l)).toSeq();
        }
        return RowFactory.create(values);
    }
}
