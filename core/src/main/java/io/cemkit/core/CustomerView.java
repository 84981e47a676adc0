package io.cemkit.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The 360° view of a customer that an agent, a bot or a self-service screen opens when the customer
 * gets in touch, so that the next interaction starts from the last one and from the agreement,
 * never from zero. Built by {@link CustomerContext#open}; masked by default, and safe to log and to
 * send to a screen as JSON.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableCustomerView.class)
@JsonDeserialize(as = ImmutableCustomerView.class)
public abstract class CustomerView {
  CustomerView() {}

  /**
   * When it was opened.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * The channel the customer is on.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * The customer, masked.
   *
   * @return the customer
   */
  public abstract CustomerSnapshot customer();

  /**
   * The customer's agreements, ordered by id.
   *
   * @return the agreements
   */
  public abstract List<AgreementSnapshot> agreements();

  /**
   * Payments due soon, due lately or overdue, and not known to be paid; by due date.
   *
   * @return the obligations
   */
  public abstract List<Obligation> obligations();

  /**
   * The latest interactions, newest first.
   *
   * @return the interactions
   */
  public abstract List<InteractionSummary> recentInteractions();

  /**
   * How the customer has felt lately.
   *
   * @return the sentiment summary
   */
  public abstract SentimentSummary sentiment();

  /**
   * The latest feedback.
   *
   * @return the feedback, or empty
   */
  public abstract Optional<FeedbackSummary> lastFeedback();

  /**
   * The open processes.
   *
   * @return the processes, oldest first
   */
  public abstract List<ProcessSummary> openProcesses();

  /**
   * Where the customer stopped in actions carried across channels.
   *
   * @return the open continuations, oldest first
   */
  public abstract List<ContinuationSummary> continuations();

  /**
   * What the agent should see first, most severe first.
   *
   * @return the warnings
   */
  public abstract List<ContextWarning> warnings();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCustomerView.Builder builder() {
    return ImmutableCustomerView.builder();
  }

  /**
   * The warnings with a code.
   *
   * @param code the code
   * @return the matching warnings
   */
  public List<ContextWarning> warnings(ContextWarning.Code code) {
    return warnings().stream().filter(w -> w.code() == code).collect(java.util.stream.Collectors.toUnmodifiableList());
  }
}
