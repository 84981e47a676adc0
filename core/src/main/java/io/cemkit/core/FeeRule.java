package io.cemkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fee, eligibility or similar business rule, written as plain Java over an agreement and its
 * history. Rules are pure functions: the same agreement and date always give the same assessment,
 * so a unit test can hold one in one hand.
 *
 * <pre>{@code
 * FeeRule paperStatement = new FeeRule() {
 *   public String id() { return "paper-statement-fee"; }
 *   public FeeAssessment assess(Agreement agreement, LocalDate date) { ... }
 * };
 * }</pre>
 *
 * <p>{@link SecondCardFeeRule} is a complete example.
 */
public interface FeeRule {

  /**
   * The rule's id, carried by every assessment.
   *
   * @return a code such as {@code second-card-fee}
   */
  String id();

  /**
   * Decides the fee for an agreement on a date.
   *
   * @param agreement the agreement, with its history
   * @param date the date assessed, in the agreement's zone
   * @return the assessment, never null
   */
  FeeAssessment assess(Agreement agreement, LocalDate date);

  /**
   * Assesses several rules in order.
   *
   * @param rules the rules
   * @param agreement the agreement
   * @param date the date
   * @return one assessment per rule
   * @throws IllegalStateException if a rule returns null or an assessment under another rule's id
   */
  static List<FeeAssessment> assessAll(List<? extends FeeRule> rules, Agreement agreement, LocalDate date) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(date, "date");
    List<FeeAssessment> out = new ArrayList<>(rules.size());
    for (FeeRule rule : rules) {
      FeeAssessment assessment = rule.assess(agreement, date);
      if (assessment == null || !assessment.rule().equals(rule.id())) {
        throw new IllegalStateException("Fee rule " + rule.id() + " returned "
            + (assessment == null ? "null" : "an assessment of rule " + assessment.rule()));
      }
      out.add(assessment);
    }
    return List.copyOf(out);
  }
}
