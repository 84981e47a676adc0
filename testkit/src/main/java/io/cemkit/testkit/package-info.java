/**
 * Test support for hosts and for cemkit itself: AssertJ assertions for cemkit's types behind one
 * entry point, {@link io.cemkit.testkit.CemkitAssertions#assertThat}, so that a business rule's
 * unit test reads like its specification.
 *
 * <pre>{@code
 * import static io.cemkit.testkit.CemkitAssertions.assertThat;
 *
 * assertThat(agreement).isInStatus(AgreementStatus.ACTIVE).hasCurrentVersion(2);
 * assertThat(rule.assess(agreement, date)).isWaived(Money.of("15.00", "ILS"));
 * }</pre>
 *
 * <p>It also holds the storage contracts, {@link io.cemkit.testkit.CustomerStoreContract},
 * {@link io.cemkit.testkit.AgreementStoreContract}, {@link io.cemkit.testkit.InteractionLogContract}
 * and {@link io.cemkit.testkit.ContinuationStoreContract}: abstract JUnit Jupiter test classes that
 * check a store against every rule of its SPI. cemkit's in-memory defaults pass them, and a host's
 * adapter is checked by extending them and implementing {@code create()}.
 */
package io.cemkit.testkit;
