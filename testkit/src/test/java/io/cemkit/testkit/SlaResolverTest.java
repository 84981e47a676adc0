package io.cemkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cemkit.core.AgreementId;
import io.cemkit.core.SlaTarget;
import io.cemkit.core.spi.AgreementStore;
import io.cemkit.workflow.Performer;
import io.cemkit.workflow.ProcessDefinition;
import io.cemkit.workflow.StartRequest;
import io.cemkit.workflow.spi.SlaResolver;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SLA of the entitlement in force on the customer's agreement (W4 from core C5). */
class SlaResolverTest {
  private static final Instant FEBRUARY = Instant.parse("2026-02-01T10:00:00Z");

  private static ProcessDefinition definition(String serviceType) {
    return ProcessDefinition.builder("support-call", 1).serviceType(serviceType)
        .step("answer", Performer.queue("agents"), "Answer the call").build();
  }

  @Test
  @DisplayName("a start for an agreement gets the SLA of the entitlement in force for the service type")
  void fromTheEntitlement() {
    AgreementStore agreements = AgreementStore.inMemory();
    agreements.insert(ContractSamples.active());
    SlaResolver resolver = SlaResolver.fromAgreements(agreements);
    StartRequest request = StartRequest.of("support-call", ContractSamples.DANA, "k-1")
        .forAgreement(ContractSamples.AGREEMENT);

    assertThat(resolver.resolve(definition("phone-support"), request, FEBRUARY))
        .contains(SlaTarget.of(Duration.ofHours(4), Duration.ofDays(2)));
    assertThat(resolver.resolve(definition("card-replacement"), request, FEBRUARY)).as("no SLA on it").isEmpty();
    assertThat(resolver.resolve(definition("lounge"), request, FEBRUARY)).as("not entitled").isEmpty();
    assertThat(resolver.resolve(definition("phone-support"), request, Instant.parse("2025-12-01T10:00:00Z")))
        .as("before the agreement is active").isEmpty();
    assertThat(resolver.resolve(definition("phone-support"), StartRequest.of("support-call", ContractSamples.DANA,
        "k-2"), FEBRUARY)).as("no agreement").isEmpty();
    assertThat(resolver.resolve(definition("phone-support"), StartRequest.of("support-call", ContractSamples.DANA,
        "k-3").forAgreement(AgreementId.of("AG-UNKNOWN")), FEBRUARY)).as("unknown agreement").isEmpty();
    assertThat(SlaResolver.none().resolve(definition("phone-support"), request, FEBRUARY)).isEmpty();
  }

  @Test
  @DisplayName("the service type defaults to the definition's key")
  void serviceTypeDefault() {
    assertThat(ProcessDefinition.builder("phone-support", 1).step("answer", Performer.queue("agents"), "Answer")
        .build().serviceType()).isEqualTo("phone-support");
  }
}
