package org.vprobjectivity.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import scala.jdk.javaapi.CollectionConverters;

import java.util.Arrays;

/**
 * The staging table the file readers emit: records of every kind plus one TABLE row per table read
 * (its row count and problem), so one pass over the inputs yields both data and the run report.
 */
public final class IngestRecordSchema {

    public static final String TABLE = "TABLE";

    public static final StructType SCHEMA = new StructType()
            .add("record_type", DataTypes.StringType, false)
            .add("source_file", DataTypes.StringType)
            .add("sheet", DataTypes.StringType)
            .add("source_row", DataTypes.IntegerType)
            .add("session", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("municipality_code", DataTypes.StringType)
            .add("municipality", DataTypes.StringType)
            .add("school_id", DataTypes.StringType)
            .add("school_name", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType)
            .add("class", DataTypes.StringType)
            .add("subject", DataTypes.StringType)
            .add("variant", DataTypes.StringType)
            .add("participant", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("scores", DataTypes.createArrayType(DataTypes.IntegerType, true))
            .add("primary_score", DataTypes.IntegerType)
            .add("mark", DataTypes.IntegerType)
            .add("journal_mark", DataTypes.IntegerType)
            .add("scale_key", DataTypes.StringType)
            .add("reason_code", DataTypes.StringType)
            .add("reject_column", DataTypes.StringType)
            .add("reject_value", DataTypes.StringType)
            .add("raw_row", DataTypes.StringType)
            .add("rows_read", DataTypes.IntegerType)
            .add("problem_code", DataTypes.StringType)
            .add("message_ru", DataTypes.StringType)
            .add("message_en", DataTypes.StringType);

    private IngestRecordSchema() {
    }

    public static Row toRow(IngestRecord r) {
        RejectReason reason = r.rejectReason;
        return RowFactory.create(r.type.name(), r.sourceFile, r.sheet, r.sourceRow, r.session, r.region,
                r.municipalityCode, r.municipality, r.schoolId, r.schoolName, r.grade, r.classLabel, r.subject,
                r.variant, r.participant, r.sex, r.scores == null ? null : CollectionConverters.asScala(Arrays.asList(r.scores)).toSeq(), r.primaryScore,
                r.mark, r.journalMark, r.scaleKey, reason == null ? null : reason.name(), r.rejectColumn,
                r.rejectValue, r.rawRow, null, null,
                reason == null ? null : reason.messageRu(), reason == null ? null : reason.messageEn());
    }

    public static Row toRow(TableReport t) {
        return RowFactory.create(TABLE, t.sourceFile(), t.sheet(), null, t.session(), null, null, null, null, null,
                t.grade(), null, t.subject(), null, null, null, null, null, null, null, t.scaleKey(), null, null, null,
                null, t.rowsRead(), t.problem() == null ? null : t.problem().name(), t.messageRu(), t.messageEn());
    }
}
