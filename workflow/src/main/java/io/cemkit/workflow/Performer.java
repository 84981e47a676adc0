package io.cemkit.workflow;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cemkit.core.internal.Checks;

/**
 * Who performs a step: a {@link Queue} of people (service agents, back office), an external
 * {@link Partner} who leases the work and completes it with a token (an installer, a referred
 * doctor), or an {@link Automated} handler, a Java function the host registers by name.
 *
 * <p>JSON, here as in {@link ProcessDefinitionJson}: an object with exactly one field, named by the
 * kind, whose value is the code: {@code {"queue": "service-agents"}},
 * {@code {"partner": "installer-north"}} or {@code {"handler": "suspend-agreement"}}. Kinds are these
 * fixed names, never Java class names; anything else fails to read with a
 * {@link com.fasterxml.jackson.databind.JsonMappingException}.
 */
@JsonSerialize(using = PerformerJson.Serializer.class)
@JsonDeserialize(using = PerformerJson.Deserializer.class)
public sealed interface Performer {

  /**
   * The performer's code: the queue, partner or handler name.
   *
   * @return the code
   */
  String code();

  /**
   * A work queue of people.
   *
   * @param queue the queue's code, e.g. {@code service-agents}
   * @return the performer
   * @throws IllegalArgumentException if the code is not a valid code
   */
  static Performer queue(String queue) {
    return new Queue(queue);
  }

  /**
   * An external partner.
   *
   * @param partner the partner's code
   * @return the performer
   * @throws IllegalArgumentException if the code is not a valid code
   */
  static Performer partner(String partner) {
    return new Partner(partner);
  }

  /**
   * An automated handler the host registers under this name.
   *
   * @param handler the handler's name
   * @return the performer
   * @throws IllegalArgumentException if the name is not a valid code
   */
  static Performer automated(String handler) {
    return new Automated(handler);
  }

  /**
   * A work queue of people.
   *
   * @param code the queue's code
   */
  record Queue(String code) implements Performer {
    /**
     * Validates the code.
     *
     * @param code the code
     */
    public Queue {
      Checks.code("Performer.Queue", code);
    }

    @Override
    public String toString() {
      return "queue " + code;
    }
  }

  /**
   * An external partner who leases the work and completes it with a token.
   *
   * @param code the partner's code
   */
  record Partner(String code) implements Performer {
    /**
     * Validates the code.
     *
     * @param code the code
     */
    public Partner {
      Checks.code("Performer.Partner", code);
    }

    @Override
    public String toString() {
      return "partner " + code;
    }
  }

  /**
   * An automated handler registered by the host.
   *
   * @param code the handler's name
   */
  record Automated(String code) implements Performer {
    /**
     * Validates the name.
     *
     * @param code the name
     */
    public Automated {
      Checks.code("Performer.Automated", code);
    }

    @Override
    public String toString() {
      return "handler " + code;
    }
  }
}
