package io.cemkit.workflow;

import io.cemkit.core.Channel;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * How {@link CrmProcesses#COLLECTION} chases an unpaid invoice: the payment term after issue, a
 * reminder after each, a final notice, then suspension for non-payment. The payment term counts from
 * the start of the collection instance, so start it when the invoice is issued (one started at the
 * due date waits a further payment term before its first reminder).
 *
 * <p>Every step first asks billing: a paid invoice ends collection; a disputed one freezes it (the
 * instance waits at a hold step, rechecking every {@code disputeRecheck}, with the SLA clock paused)
 * until the dispute is closed. Each reminder and the notice is an outbound interaction on the first
 * channel of {@code channels} where the customer has a contact point and has not withdrawn it for
 * billing messages; with none, a collections agent contacts the customer.
 *
 * @param paymentTerm from the start of the collection (the invoice's issue) to the first check (its due date)
 * @param reminders for each reminder, how long to wait after it before the next step; one or more
 * @param noticePeriod how long after the final notice service is suspended
 * @param disputeRecheck how often a frozen collection asks billing whether the dispute is closed
 * @param channels the channels to try, in order of preference; written channels only ({@link #WRITTEN})
 */
public record DunningPolicy(Duration paymentTerm, List<Duration> reminders, Duration noticePeriod,
    Duration disputeRecheck, List<Channel> channels) {
  /** The channels a reminder can be sent through without a person: written messages. */
  public static final Set<Channel> WRITTEN = Collections.unmodifiableSet(EnumSet.of(Channel.EMAIL, Channel.SMS,
      Channel.WHATSAPP, Channel.APP, Channel.LETTER, Channel.WEB, Channel.SOCIAL));

  /**
   * Checks the policy.
   *
   * @param paymentTerm the payment term
   * @param reminders the waits after each reminder
   * @param noticePeriod the wait after the notice
   * @param disputeRecheck the recheck interval of a frozen collection
   * @param channels the channels to try
   * @throws IllegalArgumentException naming the field if a duration is not positive, a list is empty
   *     or has duplicates, or a channel cannot carry a written message
   */
  public DunningPolicy {
    positive("paymentTerm", paymentTerm);
    reminders = List.copyOf(Objects.requireNonNull(reminders, "reminders"));
    if (reminders.isEmpty()) {
      throw new IllegalArgumentException("DunningPolicy.reminders must list at least one reminder");
    }
    for (int i = 0; i < reminders.size(); i++) {
      positive("reminders[" + i + "]", reminders.get(i));
    }
    positive("noticePeriod", noticePeriod);
    positive("disputeRecheck", disputeRecheck);
    channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
    if (channels.isEmpty() || channels.stream().distinct().count() != channels.size()) {
      throw new IllegalArgumentException("DunningPolicy.channels must list at least one channel, each once, was "
          + channels);
    }
    for (Channel channel : channels) {
      if (!WRITTEN.contains(channel)) {
        throw new IllegalArgumentException("DunningPolicy.channels: " + channel + " cannot carry a written reminder "
            + "that is sent without a person; use " + WRITTEN + " (calls and visits are the collections desk's "
            + "contact step)");
      }
    }
  }

  /**
   * The defaults: due 14 days after the collection starts, two reminders a week apart, suspension 7
   * days after the notice, a frozen collection rechecked daily, messages by email, SMS, WhatsApp, app,
   * then letter.
   *
   * @return the policy
   */
  public static DunningPolicy ofDefaults() {
    return new DunningPolicy(Duration.ofDays(14), List.of(Duration.ofDays(7), Duration.ofDays(7)),
        Duration.ofDays(7), Duration.ofDays(1),
        List.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.APP, Channel.LETTER));
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("DunningPolicy." + field + " must be positive, was " + value);
    }
  }
}
