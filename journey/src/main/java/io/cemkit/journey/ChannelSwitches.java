package io.cemkit.journey;

import java.util.Map;
import java.util.Objects;

/**
 * How customers moved between channels (J6). A switch is a pair of consecutive events of one customer (in
 * time order) with different channels; a resumption is a switch whose two events are in the same stage:
 * the customer continued the stage in another channel (started a loan online, finished it at the branch).
 *
 * @param switches the number of switches
 * @param resumptions the number of resumptions, at most {@code switches}
 * @param resumptionsByStage the resumptions per stage, by stage code in ascending order; stages without
 *     one are left out
 */
public record ChannelSwitches(long switches, long resumptions, Map<String, Long> resumptionsByStage) {
  /**
   * Copies the map, keeping its order.
   *
   * @param switches the switches
   * @param resumptions the resumptions
   * @param resumptionsByStage the resumptions per stage
   */
  public ChannelSwitches {
    resumptionsByStage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
        Objects.requireNonNull(resumptionsByStage, "resumptionsByStage")));
  }
}
