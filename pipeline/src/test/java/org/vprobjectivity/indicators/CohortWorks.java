package org.vprobjectivity.indicators;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Works of several sessions with the columns of {@code results} the cohort computations read, and their cohorts. */
public final class CohortWorks {

    /** The columns of {@code results} that the test versions, the cohort marker and the cohort comparison read. */
    public static final StructType SCHEMA = new StructType()
            .add("session", DataTypes.StringType).add("region", DataTypes.StringType)
            .add("school_id", DataTypes.StringType).add("municipality_code", DataTypes.StringType)
            .add("municipality", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("grade", DataTypes.IntegerType).add("primary_score", DataTypes.IntegerType)
            .add("max_score", DataTypes.IntegerType).add("scale_key", DataTypes.StringType)
            .add("scores", DataTypes.createArrayType(DataTypes.IntegerType));

    private CohortWorks() {
    }

    /** The test versions of the works' sessions. */
    public static Dataset<Row> versions(Dataset<Row> works) {
        return TestVersions.compute(works.select(TestVersions.inputColumns()));
    }

    /** The cohort table as a run computes it from these works. */
    public static Dataset<Row> cohorts(Dataset<Row> works) {
        return CohortComparison.compute(CohortMarker.compute(works), works, versions(works));
    }
}
