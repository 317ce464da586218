package org.vprobjectivity.ingest;

/** What a column of a result table means, independently of how a particular export heads it. */
public enum ColumnRole {
    SESSION, SUBJECT, GRADE, REGION_CODE, REGION, MUNICIPALITY_CODE, MUNICIPALITY, SCHOOL_ID,
    /** A "code | name" pair naming the school ("edu223017 | МБОУ ..."). */
    SCHOOL,
    SCHOOL_NAME, CLASS, PARTICIPANT, VARIANT, PRIMARY_SCORE, MARK, JOURNAL_MARK, SEX, DATE
}
