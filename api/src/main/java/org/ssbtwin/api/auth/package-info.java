/**
 * Access control of the HTTP API: API keys with the roles reader, operator and engineer, and the one policy that says
 * which role each method and path needs.
 *
 * <p>Pekko HTTP directives over {@code org.ssbtwin.config.AuthSettings}.
 */
package org.ssbtwin.api.auth;
