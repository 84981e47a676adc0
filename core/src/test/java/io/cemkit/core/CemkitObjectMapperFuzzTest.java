package io.cemkit.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import io.cemkit.core.testing.JsonFuzz;
import java.util.List;
import org.junit.jupiter.api.Timeout;


/**
 * Fuzzes {@link Cemkit#objectMapper()} reading core's value types from JSON, as a host reads them back from
 * its storage. The only exception allowed out is Jackson's {@link JacksonException} (the class Javadoc's
 * contract; failures of the types' own checks arrive wrapped in one); a value that is read writes JSON that
 * reads back equal and writes the same text again.
 *
 * <p>An input is the type's simple name, a line end, then the JSON text ({@code Money\n{"amount": ...}}); a
 * name that is no type's picks one by its hash, so that no input is wasted. The seeds in
 * {@code CemkitObjectMapperFuzzTestInputs/} are every type's JSON as the mapper writes it. In the default
 * build this replays them; {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CemkitObjectMapperFuzzTest {
  /** Small inputs, yet room for an agreement with some history. */
  private static final int MAX_BYTES = 16_384;

  /** Every public type of core that is read from JSON. */
  static final List<Class<?>> TYPES = List.of(Actor.class, Agreement.class, AgreementEvent.class,
      AgreementId.class, AgreementItem.class, AgreementItemId.class, AgreementSnapshot.class, AgreementTerms.class,
      AgreementVersion.class, Amendment.class, AmendmentId.class, AmendmentSummary.class, Asset.class,
      AssetId.class, Business.class, BusinessContact.class, ChannelSwitch.class, Charge.class, ChargeId.class,
      ConsentLedger.class, ConsentRecord.class, ContactPoint.class, ContextWarning.class, Continuation.class,
      ContinuationId.class, ContinuationSummary.class, ContinuationToken.class, Customer.class, CustomerId.class,
      CustomerSnapshot.class, CustomerView.class, DateRange.class, DueItem.class, DueRule.class, Entitlement.class,
      EntitlementCheck.class, EntitlementId.class, Evidence.class, Fee.class, FeeAssessment.class,
      FeedbackSummary.class, Individual.class, Interaction.class, InteractionClass.class, InteractionId.class,
      InteractionSummary.class, InvoiceId.class, JourneyStage.class, MaskedContact.class, Money.class,
      Obligation.class, PaymentSchedule.class, Periodicity.class, PersonalData.class, ProcessInstanceId.class,
      ProcessSummary.class, Product.class, ProviderId.class, RenewalPolicy.class, Segment.class, Sentiment.class,
      SentimentSummary.class, SlaTarget.class, Touchpoint.class);
  private static final JsonFuzz FUZZ = JsonFuzz.of(Cemkit.objectMapper(), TYPES, MAX_BYTES);

  @FuzzTest(maxDuration = "4m")
  void readsEveryValueTypeOrFailsWithAJacksonException(byte[] input) throws Exception {
    FUZZ.readOrRefuse(input);
  }
}
