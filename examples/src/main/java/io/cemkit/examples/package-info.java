/**
 * Runnable scenarios from the source stories and the {@code cemkit} command-line tool. Every
 * scenario is deterministic (fixed clocks, seeded data) and is also a test.
 */
package io.cemkit.examples;
