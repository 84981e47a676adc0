package io.cemkit.testkit;

import static io.cemkit.testkit.ContractSamples.DANA;
import static io.cemkit.testkit.ContractSamples.acme;
import static io.cemkit.testkit.ContractSamples.dana;
import static io.cemkit.testkit.ContractSamples.danaAsBusiness;
import static io.cemkit.testkit.ContractSamples.marketingGrant;
import static io.cemkit.testkit.ContractSamples.person;
import static io.cemkit.testkit.ContractSamples.surveyGrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.cemkit.core.ConsentDecision;
import io.cemkit.core.ConsentLedger;
import io.cemkit.core.ConsentRecord;
import io.cemkit.core.ContactPoint;
import io.cemkit.core.Channel;
import io.cemkit.core.Customer;
import io.cemkit.core.CustomerId;
import io.cemkit.core.CustomerStatus;
import io.cemkit.core.DuplicateEntityException;
import io.cemkit.core.ImmutableConsentRecord;
import io.cemkit.core.ImmutableIndividual;
import io.cemkit.core.Individual;
import io.cemkit.core.PersonalData;
import io.cemkit.core.Segment;
import io.cemkit.core.StaleWriteException;
import io.cemkit.core.UnknownEntityException;
import io.cemkit.core.spi.CustomerStore;
import io.cemkit.core.spi.Versioned;
import io.cemkit.testkit.StartGate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link CustomerStore} must pass: each sentence of the SPI's Javadoc, one
 * behaviour per test, including the append-only consent ledger and concurrent writers.
 *
 * <p>A host checks its adapter by extending this class in its own tests and returning a new, empty
 * store from {@link #create()}:
 *
 * <pre>{@code
 * class MyJdbcCustomerStoreContractTest extends CustomerStoreContract {
 *   protected CustomerStore create() {
 *     return new MyJdbcCustomerStore(TestDatabase.freshSchema());
 *   }
 * }
 * }</pre>
 *
 * <p>Refusals are checked as cemkit's own stores make them: a {@link io.cemkit.core.StaleWriteException}
 * or {@link io.cemkit.core.UnknownEntityException} names the kind {@code "Customer"} and the id's code,
 * and a change that breaks {@code checkUpdate} fails with the {@link IllegalArgumentException} that
 * method throws, before anything is written.
 *
 * <p>The host's test classpath needs a JUnit Jupiter engine ({@code org.junit.jupiter:junit-jupiter}).
 * The kit cannot provoke a failure of the host's database, so the rule that such failures surface
 * as {@link io.cemkit.core.StorageException} is left to the host's own tests.
 */
public abstract class CustomerStoreContract {
  private CustomerStore store;

  /** For subclasses, which supply the store under test through {@link #create()}. */
  protected CustomerStoreContract() {}

  /**
   * Makes the store under test. Called before every test; the store must be empty and must not
   * share records with stores made for other tests (truncate the tables, or use a fresh schema).
   *
   * @return a new, empty store
   */
  protected abstract CustomerStore create();

  /**
   * The store made by {@link #create()} for the running test, for hosts that add tests of their own.
   *
   * @return the store under test
   */
  protected final CustomerStore store() {
    return store;
  }

  @BeforeEach
  final void createStore() {
    store = Objects.requireNonNull(create(), "create() returned null");
  }

  private static Versioned<Customer> at(Customer customer, long revision) {
    return Versioned.of(customer, revision);
  }

  /** Dana with one more consent record, a new contact point and a changed segment. */
  private static Customer danaChanged() {
    return ImmutableIndividual.copyOf(dana().withConsent(surveyGrant("OTP-1")))
        .withSegments(Segment.of("private"), Segment.of("premium"))
        .withContactPoints(ContactPoint.builder().channel(Channel.EMAIL)
            .address(PersonalData.email("dana.levi@example.org")).preferred(true).verified(true).build());
  }

  // ------------------------------------------------------------------ insert and find

  @Test
  @DisplayName("insert returns the customer at revision 1")
  void insertReturnsRevisionOne() {
    assertThat(store.insert(dana())).isEqualTo(at(dana(), 1));
  }

  @Test
  @DisplayName("find returns the inserted individual exactly, personal data, contact points and consents included")
  void findReturnsInsertedIndividual() {
    store.insert(dana());

    Versioned<Customer> found = store.find(DANA).orElseThrow();

    assertThat(found.value()).isInstanceOf(Individual.class);
    Individual individual = (Individual) found.value();
    assertSoftly(softly -> {
      softly.assertThat(found.revision()).isEqualTo(1);
      softly.assertThat(individual.name().reveal()).isEqualTo("Dana Levi");
      softly.assertThat(individual.nationalId().map(PersonalData::reveal)).contains("302817465");
      softly.assertThat(individual.preferredLanguage()).contains("he");
      softly.assertThat(individual.contactPoints()).isEqualTo(dana().contactPoints());
      softly.assertThat(individual.consents().records()).isEqualTo(dana().consents().records());
      softly.assertThat(found.value()).isEqualTo(dana());
    });
  }

  @Test
  @DisplayName("find returns the inserted business exactly, contacts in roles and tax id included")
  void findReturnsInsertedBusiness() {
    store.insert(acme());

    assertThat(store.find(acme().id())).contains(at(acme(), 1));
  }

  @Test
  @DisplayName("find of an unknown id is empty")
  void findUnknownIsEmpty() {
    store.insert(dana());

    assertThat(store.find(CustomerId.of("C-404"))).isEmpty();
  }

  @Test
  @DisplayName("insert of an existing id fails with DuplicateEntityException and leaves the stored customer unchanged")
  void duplicateInsertFails() {
    store.insert(dana());
    Customer other = ImmutableIndividual.copyOf(dana()).withName(PersonalData.name("Someone Else"))
        .withStatus(CustomerStatus.PROSPECT);

    assertThatThrownBy(() -> store.insert(other)).isInstanceOf(DuplicateEntityException.class)
        .hasMessageContaining(DANA.value());
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("insert of an existing id fails even when the kind differs")
  void duplicateInsertOfOtherKindFails() {
    store.insert(dana());

    assertThatThrownBy(() -> store.insert(danaAsBusiness())).isInstanceOf(DuplicateEntityException.class);
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  // ------------------------------------------------------------------ update

  @Test
  @DisplayName("update at the current revision returns the customer at revision 2, and find sees it")
  void updateAtCurrentRevision() {
    store.insert(dana());

    Versioned<Customer> updated = store.update(danaChanged(), 1);

    assertThat(updated).isEqualTo(at(danaChanged(), 2));
    assertThat(store.find(DANA)).contains(at(danaChanged(), 2));
  }

  @Test
  @DisplayName("each update raises the revision by exactly one")
  void revisionsGrowByOne() {
    store.insert(dana());
    Customer second = dana().withConsent(surveyGrant("OTP-1"));
    Customer third = second.withConsent(surveyGrant("OTP-2"));
    Customer fourth = ImmutableIndividual.copyOf((Individual) third).withStatus(CustomerStatus.CLOSED);

    assertThat(store.update(second, 1).revision()).isEqualTo(2);
    assertThat(store.update(third, 2).revision()).isEqualTo(3);
    assertThat(store.update(fourth, 3).revision()).isEqualTo(4);
    assertThat(store.find(DANA)).contains(at(fourth, 4));
  }

  @Test
  @DisplayName("update at a stale revision fails with StaleWriteException naming kind, id and both revisions")
  void staleUpdateFails() {
    store.insert(dana());
    store.update(danaChanged(), 1);
    Customer late = dana().withConsent(surveyGrant("OTP-LATE"));

    assertThatThrownBy(() -> store.update(late, 1)).isInstanceOfSatisfying(StaleWriteException.class, e -> {
      assertThat(e.kind()).isEqualTo("Customer");
      assertThat(e.id()).isEqualTo(DANA.value());
      assertThat(e.expectedRevision()).isEqualTo(1);
      assertThat(e.actualRevision()).isEqualTo(2);
    });
    assertThat(store.find(DANA)).contains(at(danaChanged(), 2));
  }

  @Test
  @DisplayName("update at a revision the customer has not reached fails with StaleWriteException")
  void updateAheadOfStoredRevisionFails() {
    store.insert(dana());

    assertThatThrownBy(() -> store.update(danaChanged(), 2)).isInstanceOfSatisfying(StaleWriteException.class, e -> {
      assertThat(e.expectedRevision()).isEqualTo(2);
      assertThat(e.actualRevision()).isEqualTo(1);
    });
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("update of an unknown id fails with UnknownEntityException and stores nothing")
  void updateUnknownFails() {
    assertThatThrownBy(() -> store.update(dana(), 1)).isInstanceOfSatisfying(UnknownEntityException.class, e -> {
      assertThat(e.kind()).isEqualTo("Customer");
      assertThat(e.id()).isEqualTo(DANA.value());
    });
    assertThat(store.find(DANA)).isEmpty();
    assertThat(store.all()).isEmpty();
  }

  // ------------------------------------------------------------------ append-only consent, fixed kind

  @Test
  @DisplayName("update that removes a consent record is refused and leaves the customer unchanged")
  void consentRecordsCannotBeRemoved() {
    store.insert(dana());
    Customer forgetful = ImmutableIndividual.copyOf(dana())
        .withConsents(ConsentLedger.empty().append(marketingGrant()));

    assertThatThrownBy(() -> store.update(forgetful, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("update that empties the consent ledger is refused")
  void consentLedgerCannotBeEmptied() {
    store.insert(dana());
    Customer forgetful = ImmutableIndividual.copyOf(dana()).withConsents(ConsentLedger.empty());

    assertThatThrownBy(() -> store.update(forgetful, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("update that rewrites a recorded consent decision is refused, even if it appends another")
  void consentRecordsCannotBeRewritten() {
    store.insert(dana());
    List<ConsentRecord> records = dana().consents().records();
    ConsentRecord rewritten = ImmutableConsentRecord.copyOf(records.get(1)).withDecision(ConsentDecision.DENIED);
    Customer rewriter = ImmutableIndividual.copyOf(dana())
        .withConsents(ConsentLedger.of(List.of(records.get(0), rewritten, surveyGrant("OTP-1"))));

    assertThatThrownBy(() -> store.update(rewriter, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("update that changes an individual into a business is refused")
  void individualCannotBecomeBusiness() {
    store.insert(dana());

    assertThatThrownBy(() -> store.update(danaAsBusiness(), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(DANA)).contains(at(dana(), 1));
  }

  @Test
  @DisplayName("update that changes a business into an individual is refused")
  void businessCannotBecomeIndividual() {
    store.insert(acme());
    Customer asPerson = ImmutableIndividual.copyOf(person(acme().id().value(), "Acme Person"))
        .withConsents(acme().consents());

    assertThatThrownBy(() -> store.update(asPerson, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(acme().id())).contains(at(acme(), 1));
  }

  @Test
  @DisplayName("a refused update does not use up a revision: the next update at the same revision succeeds")
  void refusedUpdateKeepsRevision() {
    store.insert(dana());
    Customer forgetful = ImmutableIndividual.copyOf(dana()).withConsents(ConsentLedger.empty());
    assertThatThrownBy(() -> store.update(forgetful, 1)).isInstanceOf(IllegalArgumentException.class);

    assertThat(store.update(danaChanged(), 1)).isEqualTo(at(danaChanged(), 2));
  }

  // ------------------------------------------------------------------ all

  @Test
  @DisplayName("all of an empty store is empty")
  void allOfEmptyStore() {
    assertThat(store.all()).isEmpty();
  }

  @Test
  @DisplayName("all returns every customer at its current revision, ordered by id")
  void allOrderedById() {
    Customer c3 = person("C-3003", "Noa Bar");
    Customer c1 = person("C-1000", "Eli Cohen");
    store.insert(c3);
    store.insert(acme());
    store.insert(c1);
    store.insert(dana());
    store.update(danaChanged(), 1);

    assertThat(store.all()).containsExactly(at(c1, 1), at(danaChanged(), 2), at(acme(), 1), at(c3, 1));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  @Timeout(30)
  @DisplayName("concurrent read-modify-write with retry on StaleWriteException loses no update")
  void concurrentUpdatesLoseNothing() throws Exception {
    store.insert(dana());

    List<Long> revisions = StartGate.race(i -> () -> {
      ConsentRecord mine = surveyGrant("WRITER-" + i);
      for (int attempt = 1; attempt <= 100; attempt++) {
        Versioned<Customer> current = store.find(DANA).orElseThrow();
        try {
          return store.update(current.value().withConsent(mine), current.revision()).revision();
        } catch (StaleWriteException lost) {
          // someone else wrote in between: re-read and apply the change again
        }
      }
      throw new AssertionError("writer " + i + " was refused 100 times in a row");
    });

    Versioned<Customer> end = store.find(DANA).orElseThrow();
    List<String> expected = new ArrayList<>(List.of("CLICK-1", "CALL-5521"));
    IntStream.range(0, StartGate.THREADS).forEach(i -> expected.add("WRITER-" + i));
    assertThat(end.value().consents().records()).extracting(r -> r.evidence().reference())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(end.value().consents().records().subList(0, 2)).isEqualTo(dana().consents().records());
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(StartGate.revisionsOfUpdates());
    assertThat(end.revision()).isEqualTo(1 + StartGate.THREADS);
  }

  @Test
  @Timeout(30)
  @DisplayName("concurrent inserts of the same id: exactly one succeeds, the others fail with DuplicateEntityException")
  void concurrentDuplicateInserts() throws Exception {
    List<Outcome<Versioned<Customer>>> outcomes = StartGate.race(i -> () -> {
      Customer mine = ImmutableIndividual.copyOf(dana()).withSegments(Segment.of("writer-" + i));
      try {
        return Outcome.stored(store.insert(mine));
      } catch (DuplicateEntityException refused) {
        return Outcome.refused(refused);
      }
    });

    List<Versioned<Customer>> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value)
        .collect(Collectors.toList());
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded())).hasSize(StartGate.THREADS - 1)
        .allSatisfy(o -> assertThat(o.refusal()).isInstanceOf(DuplicateEntityException.class));
    assertThat(store.find(DANA)).contains(winners.get(0));
    assertThat(winners.get(0).revision()).isEqualTo(1);
    assertThat(store.all()).containsExactly(winners.get(0));
  }
}
