package io.cemkit.core;

import static io.cemkit.core.Fixtures.*;
import static io.cemkit.core.InteractionFixtures.OTHER;
import static io.cemkit.core.InteractionFixtures.OTHER_AGREEMENT;
import static io.cemkit.core.InteractionFixtures.dana;
import static io.cemkit.core.InteractionFixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cemkit.core.spi.AgreementStore;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.InteractionLog;
import io.cemkit.core.spi.Versioned;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the in-memory adapters return, checked inside core: testkit runs the full store contracts against them, but
 * mutation testing of core sees only core's own tests.
 */
class InMemoryStoresTest {
  private static final Instant T = noon(2026, 3, 1);

  @Test
  void customerStoreReturnsEachRevisionAndListsAllById() {
    CustomerStore store = CustomerStore.inMemory();
    Individual avi = Individual.builder().id(OTHER).name(PersonalData.name("Avi Cohen")).build();
    assertThat(store.insert(avi)).isEqualTo(Versioned.of(avi, 1));
    Individual dana = dana();
    assertThat(store.insert(dana)).isEqualTo(Versioned.of(dana, 1));
    Individual renamed = ImmutableIndividual.copyOf(avi).withName(PersonalData.name("Avi Cohen-Levi"));
    assertThat(store.update(renamed, 1)).isEqualTo(Versioned.of(renamed, 2));
    assertThat(store.find(OTHER)).contains(Versioned.of(renamed, 2));
    assertThat(store.all()).extracting(v -> v.value().id()).containsExactly(CUSTOMER, OTHER);
    assertThat(store).hasToString("CustomerStore.inMemory()");
  }

  @Test
  void agreementStoreReturnsEachRevisionAndListsACustomersAgreementsById() {
    AgreementStore store = AgreementStore.inMemory();
    Agreement second = Agreement.draft(AgreementId.of("AG-9"), CUSTOMER, BANK, ZONE, terms(), ctx(2025, 12, 20));
    Agreement first = draft();
    assertThat(store.insert(second)).isEqualTo(Versioned.of(second, 1));
    assertThat(store.insert(first)).isEqualTo(Versioned.of(first, 1));
    store.insert(Agreement.draft(OTHER_AGREEMENT, OTHER, BANK, ZONE, terms(), ctx(2025, 12, 20)));
    Agreement signed = first.sign(evidence(noon(2025, 12, 28)), ctx(2025, 12, 28));
    assertThat(store.update(signed, 1)).isEqualTo(Versioned.of(signed, 2));
    assertThat(store.forCustomer(CUSTOMER)).extracting(v -> v.value().id().value()).containsExactly("AG-42", "AG-9");
    assertThat(store.forCustomer(CUSTOMER).get(0).revision()).isEqualTo(2);
    assertThat(store).hasToString("AgreementStore.inMemory()");
  }

  @Test
  void aStaleWriteNamesTheRecordAndBothRevisions() {
    CustomerStore store = CustomerStore.inMemory();
    Individual dana = dana();
    store.insert(dana);
    store.update(ImmutableIndividual.copyOf(dana).withName(PersonalData.name("Dana L.")), 1);
    assertThatThrownBy(() -> store.update(ImmutableIndividual.copyOf(dana).withName(PersonalData.name("Dana Levy")), 1))
        .isInstanceOfSatisfying(StaleWriteException.class, e -> {
          assertThat(e.kind()).isEqualTo("Customer");
          assertThat(e.id()).isEqualTo("C-1001");
          assertThat(e.expectedRevision()).isEqualTo(1);
          assertThat(e.actualRevision()).isEqualTo(2);
        })
        .hasMessage("Customer C-1001 was changed by someone else: the update expected revision 1 but the stored "
            + "revision is 2; re-read it and apply the change again");
  }

  @Test
  void aDuplicateNamesTheRecordAndOnlyInteractionsGetTheCorrectionHint() {
    CustomerStore customers = CustomerStore.inMemory();
    customers.insert(dana());
    assertThatThrownBy(() -> customers.insert(dana()))
        .isInstanceOfSatisfying(DuplicateEntityException.class, e -> {
          assertThat(e.kind()).isEqualTo("Customer");
          assertThat(e.id()).isEqualTo("C-1001");
        })
        .hasMessage("Customer C-1001 already exists; ids are never reused");
    InteractionLog log = InteractionLog.inMemory();
    Interaction call = inbound("I-1", T).build();
    log.append(call);
    assertThatThrownBy(() -> log.append(call)).isInstanceOfSatisfying(DuplicateEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("Interaction");
      assertThat(e.id()).isEqualTo("I-1");
    }).hasMessage("Interaction I-1 already exists; ids are never reused (an interaction is corrected by a new record "
        + "that refers to it)");
  }

  @Test
  void betweenIncludesItsStartExcludesItsEndAndKeepsTimeOrder() {
    InteractionLog log = InteractionLog.inMemory();
    log.append(inbound("I-late", T.plus(Duration.ofHours(2))).build());
    log.append(inbound("I-before", T.minusNanos(1)).build());
    log.append(inbound("I-start", T).build());
    log.append(inbound("I-end", T.plus(Duration.ofHours(3))).build());
    log.append(ImmutableInteraction.copyOf(inbound("I-other", T.plus(Duration.ofHours(1))).build()).withCustomer(OTHER));
    log.append(inbound("I-same-time", T.plus(Duration.ofHours(2))).build());
    assertThat(log.between(CUSTOMER, T, T.plus(Duration.ofHours(3))))
        .extracting(i -> i.id().value()).containsExactly("I-start", "I-late", "I-same-time");
    assertThat(log.between(CUSTOMER, T, T)).isEmpty();
    assertThat(log).hasToString("InteractionLog.inMemory()");
  }
}
