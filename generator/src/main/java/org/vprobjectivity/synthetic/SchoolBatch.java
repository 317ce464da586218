package org.vprobjectivity.synthetic;

import java.util.List;

/**
 * One school, ready to write: its rows per sitting, its cosmetic style, the time it uploaded its forms, and
 * whether its totals are written as formulas (the first school of the school-forms shape, so the ingest
 * sees formula cells with cached values).
 */
record SchoolBatch(SchoolPlan plan, List<SittingRows> sittings, Style style, String uploadDate, boolean formulas) {
}
