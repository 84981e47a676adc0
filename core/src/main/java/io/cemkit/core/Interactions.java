package io.cemkit.core;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.ContinuationStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.LinkResolver;
import io.cemkit.core.spi.SentimentAnalyzer;
import io.cemkit.core.spi.Versioned;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records interactions in the {@link InteractionLog} after checking everything a documented
 * interaction must satisfy:
 *
 * <ul>
 *   <li>the customer exists ({@link UnknownEntityException});
 *   <li>the class is in the host's {@link InteractionTaxonomy} ({@link IllegalArgumentException}
 *       naming the known classes);
 *   <li>every link (agreement, amendment, process instance, invoice, continuation, corrected
 *       interaction) exists and belongs to the same customer ({@link UnknownEntityException},
 *       {@link CrossCustomerLinkException});
 *   <li>an outbound contact has a basis: marketing, profiling, surveys and data sharing need the
 *       customer's consent for that purpose on that channel; service and billing messages may rely
 *       on the agreement but never go to a channel the customer withdrew for them
 *       ({@link ConsentRequiredException});
 *   <li>a closed interaction is never modified ({@link ClosedInteractionException}); it is
 *       corrected by a new record.
 * </ul>
 *
 * <p>When an interaction has a summary but no sentiment, the configured {@link SentimentAnalyzer}
 * scores it. Nothing is written when a check fails.
 *
 * <pre>{@code
 * Interactions interactions = Interactions.builder()
 *     .customers(customerStore).agreements(agreementStore).log(interactionLog)
 *     .taxonomy(InteractionTaxonomy.of("billing.dispute", "service.activation"))
 *     .analyzer(SentimentAnalyzer.lexicon())
 *     .build();
 * interactions.record(interaction);
 * }</pre>
 */
public final class Interactions {
  private static final Logger LOG = LoggerFactory.getLogger(Interactions.class);
  private static final Set<ConsentPurpose> NEED_CONSENT = EnumSet.of(ConsentPurpose.MARKETING,
      ConsentPurpose.PROFILING, ConsentPurpose.SURVEYS, ConsentPurpose.THIRD_PARTY_SHARING);

  private final CustomerStore customers;
  private final AgreementStore agreements;
  private final InteractionLog log;
  private final InteractionTaxonomy taxonomy;
  private final SentimentAnalyzer analyzer;
  private final LinkResolver links;
  private final Optional<ContinuationStore> continuations;

  private Interactions(Builder b) {
    this.customers = Objects.requireNonNull(b.customers, "customers");
    this.agreements = Objects.requireNonNull(b.agreements, "agreements");
    this.log = Objects.requireNonNull(b.log, "log");
    this.taxonomy = Objects.requireNonNull(b.taxonomy, "taxonomy");
    this.analyzer = b.analyzer;
    this.links = b.links;
    this.continuations = Optional.ofNullable(b.continuations);
  }

  /**
   * A builder; customers, agreements, log and taxonomy are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The taxonomy interactions are checked against.
   *
   * @return the taxonomy
   */
  public InteractionTaxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * Checks and appends a new interaction, open or already closed.
   *
   * @param interaction the interaction
   * @return the stored interaction (with a sentiment scored from its summary if it had none)
   * @throws UnknownEntityException for an unknown customer or link
   * @throws CrossCustomerLinkException for a link to another customer's record
   * @throws ConsentRequiredException for an outbound contact without a basis
   * @throws DuplicateEntityException if the id is taken
   * @throws IllegalArgumentException for a class outside the taxonomy
   */
  public Interaction record(Interaction interaction) {
    check(interaction);
    Interaction scored = scored(interaction);
    Versioned<Interaction> stored = log.append(scored);
    LOG.debug("Recorded interaction {} of customer {} on {} ({} {})", scored.id(), scored.customer(),
        scored.channel(), scored.direction(), scored.classification());
    return stored.value();
  }

  /**
   * Runs every check of {@link #record} without writing: the customer, the class, the links and the
   * outbound basis.
   *
   * @param interaction the interaction
   * @throws UnknownEntityException for an unknown customer or link
   * @throws CrossCustomerLinkException for a link to another customer's record
   * @throws ConsentRequiredException for an outbound contact without a basis
   * @throws IllegalArgumentException for a class outside the taxonomy
   */
  public void check(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    Customer customer = requireCustomer(interaction);
    taxonomy.require(interaction.classification());
    checkLinks(interaction);
    checkBasis(customer, interaction);
  }

  /**
   * Closes an open interaction.
   *
   * @param id the interaction
   * @param endedAt when it ended, not before it started
   * @param outcome how it ended, a host code
   * @param sentiment how the customer felt, if judged; otherwise a new summary is scored, replacing a
   *     model's earlier score (a person's judgement is kept)
   * @param summary a free-text summary, if any; otherwise the earlier summary is kept
   * @return the closed interaction
   * @throws UnknownEntityException for an unknown interaction
   * @throws ClosedInteractionException if it is already closed
   * @throws StaleWriteException if it changed concurrently
   */
  public Interaction close(InteractionId id, Instant endedAt, String outcome, Optional<Sentiment> sentiment,
      Optional<PersonalData> summary) {
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(summary, "summary");
    Versioned<Interaction> stored = log.find(Objects.requireNonNull(id, "id"))
        .orElseThrow(() -> new UnknownEntityException("Interaction", id.value(), "cannot close it"));
    Interaction open = stored.value();
    if (open.isClosed()) {
      throw new ClosedInteractionException(id, open.endedAt().orElseThrow());
    }
    boolean rescore = sentiment.isEmpty() && summary.isPresent()
        && open.sentiment().map(s -> s.source() == Sentiment.Source.MODEL).orElse(true);
    Optional<Sentiment> kept = sentiment.isPresent() ? sentiment : rescore ? Optional.empty() : open.sentiment();
    Interaction closed = ImmutableInteraction.copyOf(open).withEndedAt(endedAt).withOutcome(outcome)
        .withSentiment(kept).withSummary(summary.or(open::summary));
    Interaction scored = scored(closed);
    Interaction result = log.update(scored, stored.revision()).value();
    LOG.debug("Closed interaction {} with outcome {}", id, outcome);
    return result;
  }

  /**
   * Records a correction of a closed interaction: a new interaction that refers to it. The
   * original stays as it was.
   *
   * @param correction the corrected record, with {@link Interaction#corrects()} set
   * @return the stored correction
   * @throws IllegalArgumentException if the correction does not name the interaction it corrects
   * @throws UnknownEntityException if that interaction does not exist
   * @throws CrossCustomerLinkException if it belongs to another customer
   * @throws IllegalStateException if that interaction is still open (close it with the right values
   *     instead)
   */
  public Interaction correct(Interaction correction) {
    Objects.requireNonNull(correction, "correction");
    InteractionId original = correction.corrects().orElseThrow(() -> new IllegalArgumentException("Interaction "
        + correction.id() + " is recorded as a correction but does not name the interaction it corrects (corrects)"));
    log.find(original).map(Versioned::value).filter(i -> !i.isClosed()).ifPresent(i -> {
      throw new IllegalStateException("Interaction " + original + " is still open; close it with the right values "
          + "instead of correcting it");
    });
    return record(correction);
  }

  /**
   * A customer's most recent interactions.
   *
   * @param customer the customer
   * @param limit the maximum number
   * @return newest first
   */
  public List<Interaction> recent(CustomerId customer, int limit) {
    return log.recent(customer, limit);
  }

  /**
   * Checks a new continuation: its customer exists and the process it drives belongs to that
   * customer.
   */
  void checkNew(Continuation c) {
    String what = "Continuation " + c.id() + " of customer " + c.customer();
    if (customers.find(c.customer()).isEmpty()) {
      throw new UnknownEntityException("Customer", c.customer().value(), "cannot start continuation " + c.id());
    }
    c.processInstance().ifPresent(p -> requireLinkOwner(what, "Process instance", p.value(), links.ownerOf(p),
        c.customer()));
  }

  /** Whether an interaction is in the log. */
  boolean isRecorded(InteractionId id) {
    return log.find(id).isPresent();
  }

  private Customer requireCustomer(Interaction interaction) {
    return customers.find(interaction.customer()).map(Versioned::value)
        .orElseThrow(() -> new UnknownEntityException("Customer", interaction.customer().value(),
            "cannot record interaction " + interaction.id()));
  }

  private void checkLinks(Interaction i) {
    String what = "Interaction " + i.id() + " of customer " + i.customer();
    if (i.agreement().isPresent()) {
      AgreementId id = i.agreement().get();
      Agreement agreement = agreements.find(id).map(Versioned::value)
          .orElseThrow(() -> new UnknownEntityException("Agreement", id.value(), what + " links it"));
      requireSameCustomer(what, "agreement " + id, agreement.customer(), i.customer());
      i.amendment().ifPresent(am -> {
        if (agreement.amendment(am).isEmpty()) {
          throw new UnknownEntityException("Amendment", am.value(), what + " links it to agreement " + id
              + ", which has no such amendment");
        }
      });
    }
    i.processInstance().ifPresent(p -> requireLinkOwner(what, "Process instance", p.value(), links.ownerOf(p),
        i.customer()));
    i.invoice().ifPresent(inv -> requireLinkOwner(what, "Invoice", inv.value(), links.ownerOf(inv), i.customer()));
    i.continuation().ifPresent(c -> {
      ContinuationStore store = continuations.orElseThrow(() -> new IllegalStateException(what + " links "
          + "continuation " + c + " but no ContinuationStore is configured to verify it; build Interactions with "
          + "continuations(store)"));
      Continuation found = store.find(c).map(Versioned::value)
          .orElseThrow(() -> new UnknownEntityException("Continuation", c.value(), what + " links it"));
      requireSameCustomer(what, "continuation " + c, found.customer(), i.customer());
    });
    i.corrects().ifPresent(c -> {
      Interaction original = log.find(c).map(Versioned::value)
          .orElseThrow(() -> new UnknownEntityException("Interaction", c.value(), what + " corrects it"));
      requireSameCustomer(what, "corrected interaction " + c, original.customer(), i.customer());
    });
  }

  /** A link verified through the {@link LinkResolver}: known to it, and owned by the same customer. */
  private void requireLinkOwner(String what, String kind, String id, Optional<CustomerId> owner,
      CustomerId customer) {
    CustomerId found = owner.orElseThrow(() -> new UnknownEntityException(kind, id, what + " links it and the "
        + "configured LinkResolver (" + links + ") does not know it"));
    requireSameCustomer(what, kind.toLowerCase(java.util.Locale.ROOT) + " " + id, found, customer);
  }

  private static void requireSameCustomer(String what, String link, CustomerId owner, CustomerId customer) {
    if (!owner.equals(customer)) {
      throw new CrossCustomerLinkException(what, link, owner);
    }
  }

  private static void checkBasis(Customer customer, Interaction i) {
    if (i.direction() != Direction.OUTBOUND) {
      return;
    }
    ConsentPurpose purpose = i.purpose().orElseThrow();
    ConsentLedger consents = customer.consents();
    if (NEED_CONSENT.contains(purpose)) {
      if (!consents.allows(purpose, i.channel(), i.startedAt())) {
        String why = consents.effective(purpose, i.channel(), i.startedAt())
            .map(r -> "the customer's decision in force is " + r.decision() + " (recorded " + r.recordedAt() + ")")
            .orElse("no " + purpose + " consent on " + i.channel());
        throw new ConsentRequiredException(customer.id(), purpose, i.channel(), why);
      }
    } else if (consents.refuses(purpose, i.channel(), i.startedAt())) {
      ConsentRecord r = consents.effective(purpose, i.channel(), i.startedAt()).orElseThrow();
      String verb = r.decision() == ConsentDecision.WITHDRAWN ? "withdrew" : "refused";
      throw new ConsentRequiredException(customer.id(), purpose, i.channel(), "the customer " + verb + " "
          + i.channel() + " for " + purpose + " messages (recorded " + r.recordedAt() + "); use another channel");
    }
  }

  private Interaction scored(Interaction i) {
    if (i.sentiment().isPresent() || i.summary().isEmpty()) {
      return i;
    }
    OptionalDouble score = analyzer.score(i.summary().get().reveal());
    if (score.isEmpty()) {
      return i;
    }
    double clamped = Math.max(-1, Math.min(1, score.getAsDouble()));
    return ImmutableInteraction.copyOf(i).withSentiment(Sentiment.of(clamped, Sentiment.Source.MODEL));
  }

  /** Configures {@link Interactions}. */
  public static final class Builder {
    private CustomerStore customers;
    private AgreementStore agreements;
    private InteractionLog log;
    private InteractionTaxonomy taxonomy;
    private SentimentAnalyzer analyzer = SentimentAnalyzer.none();
    private LinkResolver links = LinkResolver.none();
    private ContinuationStore continuations;

    private Builder() {}

    /**
     * Where customers are read from (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder customers(CustomerStore store) {
      this.customers = Objects.requireNonNull(store, "customers");
      return this;
    }

    /**
     * Where linked agreements are read from (required).
     *
     * @param store the store
     * @return this builder
     */
    public Builder agreements(AgreementStore store) {
      this.agreements = Objects.requireNonNull(store, "agreements");
      return this;
    }

    /**
     * Where interactions are written (required).
     *
     * @param log the log
     * @return this builder
     */
    public Builder log(InteractionLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * The classes interactions may have (required).
     *
     * @param taxonomy the taxonomy
     * @return this builder
     */
    public Builder taxonomy(InteractionTaxonomy taxonomy) {
      this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
      return this;
    }

    /**
     * Scores summaries that come without a sentiment. Defaults to {@link SentimentAnalyzer#none()}.
     *
     * @param analyzer the analyzer
     * @return this builder
     */
    public Builder analyzer(SentimentAnalyzer analyzer) {
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    /**
     * Verifies process-instance and invoice links. Defaults to {@link LinkResolver#none()}, which
     * refuses such links.
     *
     * @param links the resolver
     * @return this builder
     */
    public Builder links(LinkResolver links) {
      this.links = Objects.requireNonNull(links, "links");
      return this;
    }

    /**
     * Verifies continuation links. Without it, interactions that link a continuation are refused.
     *
     * @param store the store
     * @return this builder
     */
    public Builder continuations(ContinuationStore store) {
      this.continuations = Objects.requireNonNull(store, "continuations");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws NullPointerException naming a missing required part
     */
    public Interactions build() {
      return new Interactions(this);
    }
  }
}
