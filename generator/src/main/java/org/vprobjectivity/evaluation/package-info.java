/**
 * The flags measured against a generated region's ground truth ({@link org.vprobjectivity.evaluation.Evaluation}):
 * recall per manipulation kind, precision, ROC AUC of the risk score, the clean flag rate, beside the official markers'.
 * In the generator module with the generator ({@code org.vprobjectivity.synthetic}): tools for judging the method,
 * not part of it; {@code evaluate} and {@code scripts/evaluate-flags.sh} run it.
 */
package org.vprobjectivity.evaluation;
