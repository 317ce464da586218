/**
 * Generated regions with known truth, for tests and the evaluation (docs/flags.md): schools, classes and pupils
 * with ability and real variance components ({@link org.vprobjectivity.synthetic.SchoolSimulator}), task scores
 * from an item bank, journal marks with class leniency ({@link org.vprobjectivity.synthetic.JournalModel}),
 * manipulation of each kind at a chosen strength ({@link org.vprobjectivity.synthetic.Manipulator},
 * {@link org.vprobjectivity.synthetic.ManipulationKind}), written in the shapes real exports come in, with
 * deliberately bad rows and files, and the ground truth beside them ({@link org.vprobjectivity.synthetic.GroundTruth},
 * {@link org.vprobjectivity.synthetic.HonestScores}). Every random draw comes from a seed
 * ({@link org.vprobjectivity.synthetic.SeededRandom}), so a region is reproduced exactly.
 */
package org.vprobjectivity.synthetic;
