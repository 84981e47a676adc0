package io.cemkit.benchmarks;

/** The used heap, as the footprint measurements of this module read it. */
final class Heap {
  private Heap() {}

  /**
   * The used heap after garbage collection: the least of ten readings, each after {@code System.gc()}, since
   * one collection may leave floating garbage.
   *
   * @return bytes
   */
  static long used() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
