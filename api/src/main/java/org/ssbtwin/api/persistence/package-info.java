/**
 * pekko-persistence-jdbc tuned for the twin: the batched PostgreSQL journal writer and the bounded events-by-tag
 * read-journal query used on H2 and PostgreSQL.
 *
 * <p>Pekko Persistence JDBC DAOs; same tables and serialization as the plugin's.
 */
package org.ssbtwin.api.persistence;
