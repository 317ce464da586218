package org.vprobjectivity.run;

import org.vprobjectivity.ingest.IngestOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run is given, as the command line ({@code run}, {@code ingest}) or any other caller states it; null
 * where not given. The meaning of each is the option of the same name in {@code --help} and the README.
 *
 * @param inputs       export files, folders and .zip archives
 * @param output       the output folder, replaced atomically
 * @param session      the session when no column, header block or file name says it
 * @param subject      the subject code when the file does not say it
 * @param grade        the grade when the file does not say it
 * @param school       the school login of school forms without a school column
 * @param scales       extra mark scales
 * @param mapping      extra header synonyms
 * @param config       the analysis configuration (JSON)
 * @param teachers     the class → teacher mapping
 * @param reference    external reference shares of marks
 * @param schoolTypes  school types
 * @param idMap        school ids across years
 * @param exam         later state exam results per school
 * @param observed     schools that wrote under independent observation
 * @param history      an earlier output folder, read only
 * @param includeNames whether teacher names may reach the outputs
 * @param encoding     the forced encoding of CSV/TXT inputs
 * @param lang         the language of what users read: {@code ru} or {@code en}
 */
public record RunOptions(List<String> inputs, String output, String session, String subject, Integer grade, String school,
                         Path scales, Path mapping, Path config, Path teachers, Path reference, Path schoolTypes, Path idMap,
                         Path exam, Path observed, String history, boolean includeNames, String encoding, String lang) {

    /** What ingest reads the files with. */
    public IngestOptions ingestOptions() {
        return new IngestOptions(session, subject, grade, school, encoding);
    }
}
