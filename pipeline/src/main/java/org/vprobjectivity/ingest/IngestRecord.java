package org.vprobjectivity.ingest;

import java.io.Serializable;

/**
 * One data row after interpretation: a work, an absent participant, or a quarantined row with its
 * reason. A mutable carrier between the per-file reader (on executors) and the Spark row schema.
 */
public final class IngestRecord implements Serializable {

    public enum Type { WORK, ABSENT, REJECT }

    public Type type;
    public String sourceFile;
    public String sheet;
    public int sourceRow;
    public String session;
    public String region;
    public String municipalityCode;
    public String municipality;
    public String schoolId;
    public String schoolName;
    public Integer grade;
    public String classLabel;
    public String subject;
    public String variant;
    public String participant;
    public String sex;
    public Integer[] scores;
    public Integer primaryScore;
    public Integer mark;
    public Integer journalMark;
    public String scaleKey;
    public RejectReason rejectReason;
    public String rejectColumn;
    public String rejectValue;
    public String rawRow;
}
