/**
 * The re-check loop (выборочная перепроверка): a reproducible, stratified sample of works from an earlier run's
 * output ({@link org.vprobjectivity.recheck.RecheckPlan}: targeted works of flagged cells and a control share from
 * unflagged schools, drawn by the same rule), blind forms for the commissions
 * ({@link org.vprobjectivity.recheck.RecheckForms}: a code per work, no school, no original score), the filled
 * forms read back cell by cell with quarantine ({@link org.vprobjectivity.recheck.FormReader}), and the discrepancy
 * between the school's marking and the commission's per work, school and task
 * ({@link org.vprobjectivity.recheck.RecheckResults}, statistics in {@link org.vprobjectivity.recheck.Agreement}).
 * The control group is what makes the discrepancy readable: a commission stricter than the schools shows in the
 * control works too, and a school is judged against that, not against zero. docs/recheck.md.
 */
package org.vprobjectivity.recheck;
