/**
 * Storage adapters in plain JDBC ({@link io.cemkit.examples.jdbc.JdbcAgreementStore},
 * {@link io.cemkit.examples.jdbc.JdbcInteractionLog}): the example of how a host stores cemkit's
 * records in its own SQL database. Each record is a JSON document in one row, with the columns the
 * queries need beside it; each operation is one transaction; revisions give optimistic concurrency.
 * They are tested against an embedded H2 database with the contract kits of {@code cemkit-testkit},
 * which a host runs the same way against its copy.
 */
package io.cemkit.examples.jdbc;
