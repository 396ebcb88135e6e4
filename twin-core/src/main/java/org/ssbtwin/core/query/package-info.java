/**
 * The search and change-feed filter language (grammar in docs/SEARCH.md): tokenizer and recursive-descent parser, the
 * immutable filter AST, sort specs, keyset cursors and the in-memory search over typed attribute views.
 *
 * <p>Plain Java with no dependency on any asset model; no Pekko.
 */
package org.ssbtwin.core.query;
