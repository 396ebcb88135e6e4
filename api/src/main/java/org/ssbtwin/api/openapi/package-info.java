/**
 * The served OpenAPI document: assembled from the fragments under {@code openapi/}, with each operation's security
 * declared from the same access policy that guards the routes (api.auth). Depends on api.http and api.auth.
 */
package org.ssbtwin.api.openapi;
