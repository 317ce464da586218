package org.vprobjectivity.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked skills of the bundled mark scales were extracted from PDF descriptions, and extraction
 * splits and glues words («различ ные», «точкизрения», «сло- во»). These texts reach the methodologists'
 * workbooks, so the bundled copies are checked for the fragments a program can tell from real words.
 */
class MarkScaleSkillTextTest {

    private static final Pattern WORD = Pattern.compile("[а-яёА-ЯЁ]+");
    /** A lower-case letter followed by an upper-case one inside a word: two words glued («словоСлово»). */
    private static final Pattern CASE_GLUE = Pattern.compile("[а-яё][А-ЯЁ]");
    /** A line-end hyphenation left in the text («сло- во»); «двух- и трёхзначные» is Russian, not a break. */
    private static final Pattern HYPHEN_BREAK = Pattern.compile("[а-яёА-ЯЁ]- (?!(?:и|или|а|либо) )[а-яё]");
    /** Shorter pieces are too often real words («не», «по») to judge a split or a glue by. */
    private static final int MIN_PIECE = 3;

    /**
     * Fragments that the texts themselves give away: a case glue, a hyphen break, two neighbouring words
     * that joined are a word of the texts while one of them occurs nowhere else (a word split by a
     * space), and a word found once that is two words each found elsewhere (two words glued).
     */
    static List<String> fragments(Collection<String> rawTexts) {
        TreeSet<String> texts = new TreeSet<>(rawTexts);
        Map<String, Integer> freq = new HashMap<>();
        for (String t : texts) {
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                freq.merge(m.group().toLowerCase(), 1, Integer::sum);
            }
        }
        List<String> found = new ArrayList<>();
        for (String t : texts) {
            for (Pattern p : List.of(CASE_GLUE, HYPHEN_BREAK)) {
                Matcher m = p.matcher(t);
                while (m.find()) {
                    found.add("«" + t.substring(Math.max(0, m.start() - 10), Math.min(t.length(), m.end() + 10)) + "»");
                }
            }
            List<int[]> words = new ArrayList<>();
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                words.add(new int[]{m.start(), m.end()});
            }
            for (int i = 0; i + 1 < words.size(); i++) {
                int[] a = words.get(i);
                int[] b = words.get(i + 1);
                if (b[0] != a[1] + 1 || t.charAt(a[1]) != ' ') {
                    continue;
                }
                String left = t.substring(a[0], a[1]).toLowerCase();
                String right = t.substring(b[0], b[1]).toLowerCase();
                if (left.length() >= 2 && right.length() >= 2 && freq.containsKey(left + right)
                        && (freq.get(left) <= 1 || freq.get(right) <= 1)) {
                    found.add("split «" + left + " " + right + "»");
                }
            }
            for (int[] w : words) {
                String word = t.substring(w[0], w[1]).toLowerCase();
                if (freq.get(word) != 1 || word.length() < 2 * MIN_PIECE + 2) {
                    continue;
                }
                for (int cut = MIN_PIECE; cut <= word.length() - MIN_PIECE; cut++) {
                    if (freq.getOrDefault(word.substring(0, cut), 0) >= 2 && freq.getOrDefault(word.substring(cut), 0) >= 2) {
                        found.add("glued «" + word + "» = " + word.substring(0, cut) + " + " + word.substring(cut));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static List<String> skills(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode scale : root.path("scales")) {
            for (JsonNode task : scale.path("tasks")) {
                if (task.hasNonNull("skill")) {
                    out.add(task.get("skill").asText());
                }
            }
        }
        return out;
    }

    @Test
    void theBundledSkillTextsCarryNoExtractionFragmentsAndBothCopiesAreOne() throws Exception {
        JsonNode bundled;
        try (InputStream in = MarkScaleSkillTextTest.class.getResourceAsStream("/org/vprobjectivity/mark-scales.json")) {
            bundled = new ObjectMapper().readTree(in);
        }
        List<String> texts = skills(bundled);
        assertThat(texts).as("skill texts").hasSizeGreaterThan(50);
        assertThat(fragments(texts)).isEmpty();
        // The sample copy is what the README points users to: it must be the jar's file.
        Path sample = Path.of(System.getProperty("user.dir")).resolveSibling("data-samples").resolve("mark-scales.json");
        if (Files.exists(sample)) {
            assertThat(new ObjectMapper().readTree(sample.toFile())).isEqualTo(bundled);
        }
    }

    /** The detector on the fragments the old bundled copy carried, beside the words as written elsewhere. */
    @Test
    void theCheckFindsSplitGluedAndBrokenWords() {
        List<String> corpus = List.of(
                "Анализировать различные виды словосочетаний с точки зрения их структурно-смысловой организации",
                "соблюдать основные языковые нормы в письменной речи; функциональных особенностей при чтении",
                "адекватно понимать тексты различных функционально-смысловых типов речи",
                "оценивать текст с точки зрения его основной мысли; распознавать основные языковые единицы");
        assertThat(fragments(corpus)).isEmpty();
        // Each fragment is reported (with a corpus this small, its correct spelling may be reported beside it).
        assertThat(fragments(concat(corpus, "Анализировать различ ные виды словосочетаний"))).anySatisfy(f -> assertThat(f).contains("различ ные"));
        assertThat(fragments(concat(corpus, "с точкизрения их организации"))).anySatisfy(f -> assertThat(f).contains("точкизрения"));
        assertThat(fragments(concat(corpus, "соблюдать основныеязыковые нормы"))).anySatisfy(f -> assertThat(f).contains("основныеязыковые"));
        assertThat(fragments(concat(corpus, "понимать тексты функциональ но-смысловых типов"))).anySatisfy(f -> assertThat(f).contains("функциональ но"));
        assertThat(fragments(concat(corpus, "выделять сло- во в предложении"))).anySatisfy(f -> assertThat(f).contains("сло- во"));
        assertThat(fragments(concat(corpus, "выделять словоСлово в предложении"))).anySatisfy(f -> assertThat(f).contains("словоСлово"));
        assertThat(fragments(concat(corpus, "сравнивать двух- и трёхзначные числа"))).isEmpty();
    }

    private static List<String> concat(List<String> corpus, String text) {
        List<String> out = new ArrayList<>(corpus);
        out.add(text);
        return out;
    }
}
