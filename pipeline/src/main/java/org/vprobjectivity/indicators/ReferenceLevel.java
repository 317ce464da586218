package org.vprobjectivity.indicators;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.Locale;
import org.vprobjectivity.table.Keys;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * What a cell's shares are tested against (docs/design.md, notation: "the region …, optionally the municipality"):
 * every row is tagged with its {@link #UNIT}, and the clustered share tests fit their reference per
 * {@link #KEYS} (the work plus the unit). With the region every row of a work has the same unit, so the reference
 * is the region's; with the municipality, the unit is the municipality code (its name where an export gives no code).
 * A municipality has far fewer cells than a region, so its overdispersion estimate is rougher: the region stays the
 * default. Distribution and task-pattern references stay regional either way, because they need many cells.
 */
public enum ReferenceLevel {
    REGION, MUNICIPALITY;

    /** The column naming the reference a row belongs to: "region", or the municipality's code or name. */
    public static final String UNIT = "reference_unit";
    /** The keys the reference shares and their beta-binomial fit are computed over. */
    public static final String[] KEYS = Arrays.copyOf(Keys.WORK, Keys.WORK.length + 1);

    static {
        KEYS[Keys.WORK.length] = UNIT;
    }

    /** "region" or "municipality" (any case). */
    public static ReferenceLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("reference_level must be \"region\" or \"municipality\", not \"" + text + "\"");
        }
    }

    /** Adds {@link #UNIT} to results or participation rows. */
    public Dataset<Row> tag(Dataset<Row> rows) {
        Column unit = this == REGION ? lit("region")
                : coalesce(col("municipality_code"), col("municipality"), lit("?"));
        return rows.withColumn(UNIT, unit);
    }

    /** Rows as given when already tagged, else tagged with the region (so families run on untagged tables too). */
    static Dataset<Row> ensureTagged(Dataset<Row> rows) {
        return Arrays.asList(rows.columns()).contains(UNIT) ? rows : REGION.tag(rows);
    }

    /** The cell's unit, as an aggregate (a school belongs to one municipality). */
    static Column unitOfCell() {
        return Aggregates.anyValue(UNIT).as(UNIT);
    }
}
