/**
 * Test harnesses shared by every module's reliability tests through core's test jar: the seeded
 * multi-threaded {@link io.cemkit.core.testing.StressRun} and the bad-input table machinery
 * {@link io.cemkit.core.testing.BadInputTable}. Not part of the library.
 */
package io.cemkit.core.testing;
