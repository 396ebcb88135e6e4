package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * One pack's battery passport: a Catena-X {@code io.catenax.battery.battery_pass} 6.1.0 document (its sections
 * plus the twin's own {@code twin} section: access tier, provenance of each dynamic value, genealogy), complete,
 * i.e. with every access tier's part; {@link PassportTiers#view} gives a reader its part.
 *
 * @param passportId {@code urn:uuid:...}, stable per pack (name-based UUID of the pack id)
 * @param packId the pack
 * @param asOf the instant the passport describes (the pack's last update at or before the requested date)
 * @param document the passport document
 * @param undeclared required fields of the schema that neither the twin nor the declarations supply (empty when
 *        the document is complete)
 */
public record BatteryPassport(String passportId, String packId, Instant asOf, ObjectNode document, List<String> undeclared) {
    public BatteryPassport {
        undeclared = List.copyOf(undeclared);
    }
}
