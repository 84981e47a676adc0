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
 */
package io.cemkit.testkit;
