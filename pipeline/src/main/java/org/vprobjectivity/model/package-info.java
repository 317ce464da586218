/**
 * What the data mean before any statistic: sessions ({@link org.vprobjectivity.model.Session}), subjects
 * ({@link org.vprobjectivity.model.Subjects}) and the mark scales of every work
 * ({@link org.vprobjectivity.model.MarkScales}: task maxima, mark cuts, skills; bundled from
 * {@code mark-scales.json}, overridable with {@code --scales}). The pupil model fitted per reference is in
 * {@link org.vprobjectivity.model.fit}.
 */
package org.vprobjectivity.model;
