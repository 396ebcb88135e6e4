/**
 * The {@code twin} subcommands other than {@code serve}: {@code reference-profile}, {@code plant-ramp}, {@code study}
 * and {@code what-if}; a bad option exits with code 2 and names it.
 *
 * <p>picocli over the model modules; no actor system.
 */
package org.ssbtwin.api.cli;
