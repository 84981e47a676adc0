package io.cemkit.journey;

import java.util.ArrayList;
import java.util.List;

/**
 * A measured {@link Funnel}: its steps with conversion, drop-off and time to convert, and who dropped off
 * where, for follow-up.
 */
public final class FunnelReport {
  private final Funnel funnel;
  private final List<FunnelStep> steps;
  private final int[] level;
  private final EventLog.Codes customers;

  FunnelReport(Funnel funnel, List<FunnelStep> steps, int[] level, EventLog.Codes customers) {
    this.funnel = funnel;
    this.steps = List.copyOf(steps);
    this.level = level;
    this.customers = customers;
  }

  /**
   * What was measured.
   *
   * @return the funnel
   */
  public Funnel funnel() {
    return funnel;
  }

  /**
   * The steps, one per stage of the funnel; their customer counts never increase.
   *
   * @return the steps
   */
  public List<FunnelStep> steps() {
    return steps;
  }

  /**
   * The customers who reached step {@code step - 1} but not {@code step}, in order of first appearance in
   * the log (the arrival order of their first events; the only order of these analytics that depends on
   * arrival order: the set does not).
   *
   * @param step from 1 to the number of steps - 1
   * @return their codes
   * @throws IllegalArgumentException if the step is out of range
   */
  public List<String> droppedAt(int step) {
    if (step < 1 || step >= steps.size()) {
      throw new IllegalArgumentException("step must be within [1, " + (steps.size() - 1) + "], was " + step);
    }
    List<String> out = new ArrayList<>();
    for (int c = 0; c < level.length; c++) {
      if (level[c] == step) {
        out.add(customers.name(c));
      }
    }
    return out;
  }

  /**
   * How many steps a customer reached.
   *
   * @param customer the customer's code
   * @return 0 (never at s0, or unknown) to the number of steps
   */
  public int stepsReached(String customer) {
    int c = customers.find(customer);
    return c < 0 ? 0 : level[c];
  }

  @Override
  public String toString() {
    return "FunnelReport" + steps.stream().map(s -> s.stage() + "=" + s.customers()).toList();
  }
}
