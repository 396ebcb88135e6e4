package org.ssbtwin.plant.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/** Journal rows written before stop 14 name station and cell classes by their old package; they read as today's. */
class PackageMoveMigrationTest {
    private static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void oldPackageNamesMapToTheSlicesPackagesAndNothingElseMoves() {
        assertEquals("org.ssbtwin.plant.station.StationEvent$StateChanged",
                PackageMoveMigration.movedName("org.ssbtwin.core.station.StationEvent$StateChanged"));
        assertEquals("org.ssbtwin.plant.cell.Cell", PackageMoveMigration.movedName("org.ssbtwin.core.cell.Cell"));
        assertEquals("org.ssbtwin.fleet.pack.PackEvent$Installed", PackageMoveMigration.movedName("org.ssbtwin.core.pack.PackEvent$Installed"));
        assertEquals("org.ssbtwin.core.id.CellId", PackageMoveMigration.movedName("org.ssbtwin.core.id.CellId"), "unmoved packages keep their names");
        assertEquals("org.ssbtwin.core.cell.sub.X", PackageMoveMigration.movedName("org.ssbtwin.core.cell.sub.X"), "only the package itself moved");
    }

    @Test
    void rowsNamingTheOldPackageAreReadAsTodaysEvents() throws Exception {
        Serialization serialization = SerializationExtension.get(KIT.system().classicSystem());
        Instant at = Instant.parse("2029-04-01T06:00:00Z");
        Object[] events = {
                new StationEvent.StateChanged(StationState.DOWN, "breakdown", at),
                new StationEvent.Commissioned(StationId.of("DK1-LAM-01"), "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), at),
                new CellEvent.Scrapped("SELF_DISCHARGE", StationId.of("DK1-FOR-01"), at)};
        for (Object e : events) {
            SerializerWithStringManifest s = (SerializerWithStringManifest) serialization.findSerializerFor(e);
            byte[] row = s.toBinary(e);
            String oldName = e.getClass().getName().replace("org.ssbtwin.plant.", "org.ssbtwin.core.");
            assertNotEquals(e.getClass().getName(), oldName);
            assertEquals(e, s.fromBinary(row, oldName), "a row written as " + oldName);
            assertEquals(e, s.fromBinary(row, s.manifest(e)), "and today's row");
        }
    }
}
