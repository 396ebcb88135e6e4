package org.ssbtwin.fleet.entity;

import org.ssbtwin.fleet.pack.TelemetryRecord;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackStatus;

@ExtendWith(TestKitJUnit5Extension.class)
class PackEntityTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final PackId ID = PackId.of("P-DK1-000001");
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");

    private EventSourcedBehaviorTestKit<PackEntity.Command, PackEvent, Pack> kit;

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), PackEntity.create(ID, 5));
    }

    private PackEntity.Reply record(PackEvent e) {
        return kit.<PackEntity.Reply>runCommand(replyTo -> new PackEntity.Record(e, replyTo)).reply();
    }

    private static PackEvent.UsageRecorded day(String id, int d, double soh) {
        Instant start = T0.plus(Duration.ofDays(d));
        return new PackEvent.UsageRecorded(id, "telemetry", start, start.plus(Duration.ofDays(1)), 42, 7.5, 0.09,
                27.5, 0.1, soh, 1.0 + (1 - soh), null, null, start.plus(Duration.ofDays(1)));
    }

    @Test
    void agesWithUsageAndDropsDuplicateRecords() {
        record(new PackEvent.Assembled(ID, "VF8", List.of(CellId.of("C-DK1-00000001"), CellId.of("C-DK1-00000002")), List.of(), 87.7, T0));
        record(new PackEvent.Installed(VehicleId.of("VF8-000001"), "HO_CHI_MINH_CITY", "COMMUTER", T0));
        record(day("r-1", 0, 0.9999));
        record(day("r-2", 1, 0.9998));
        var dup = record(day("r-2", 1, 0.9998));

        assertTrue(dup.duplicate());
        Pack p = kit.getState();
        assertEquals(PackStatus.IN_SERVICE, p.status());
        assertEquals(84, p.km(), 1e-9);
        assertEquals(0.9998, p.stateOfHealth(), 1e-12);
        assertEquals(15.0, p.throughputKwh(), 1e-9);
        assertEquals(4, p.revision());
        assertEquals(p, kit.restart().state());
    }

    @Test
    void passivationStopsThePackAfterTheWriteInFlightIsDoneAndLosesNothing() {
        PackId id = PackId.of("P-DK1-00000042");
        var probe = testKit.<PackEntity.Reply>createTestProbe();
        var watcher = testKit.createTestProbe();
        var pack = testKit.spawn(PackEntity.create(id, 5));
        // the stop message right behind a write: the write is persisted and answered, then the pack stops
        pack.tell(new PackEntity.Record(new PackEvent.Assembled(id, "VF3", List.of(CellId.of("C-DK1-00000001")), List.of(), 18.6, T0), probe.getRef()));
        pack.tell(new PackEntity.Passivate());
        assertNull(probe.receiveMessage().rejection());
        watcher.expectTerminated(pack);

        var again = testKit.spawn(PackEntity.create(id, 5));
        again.tell(new PackEntity.Get(probe.getRef()));
        Pack p = probe.receiveMessage().pack();
        assertEquals(PackStatus.ASSEMBLED, p.status());
        assertEquals(1, p.revision());
    }

    @Test
    void refusesUsageBeforeInstallationAndNegativeDistance() {
        record(new PackEvent.Assembled(ID, "VF3", List.of(CellId.of("C-DK1-00000001")), List.of(), 18.6, T0));
        assertEquals(Rejection.Kind.CONFLICT, record(day("r-1", 0, 1.0)).rejection().kind());
        record(new PackEvent.Installed(VehicleId.of("VF3-000001"), "LILLE_DUNKIRK", "COMMUTER", T0));
        var bad = new PackEvent.UsageRecorded("r-x", "telemetry", T0, T0.plusSeconds(3600), -5, 1, 0.01, 20, 0, 1, 1, null, null, T0);
        var reply = record(bad);
        assertEquals(Rejection.Kind.INVALID, reply.rejection().kind());
        assertEquals("km", reply.rejection().field());
    }

    private static TelemetryRecord telemetry(String id, int day, double km, double tempC, double dcKwh) {
        java.time.LocalDate date = java.time.LocalDate.of(2029, 3, 1).plusDays(day);
        return new TelemetryRecord(id, new org.ssbtwin.fleet.ageing.DailyTelemetry(date, km, km * 0.24, Double.NaN,
                0.3, 0.8, tempC, dcKwh, Double.NaN));
    }

    private PackEntity.TelemetryAck ingest(List<TelemetryRecord> records) {
        return kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.IngestTelemetry(records, T0.plus(Duration.ofDays(400)), false, r)).reply();
    }

    @Test
    void telemetryAgesThePackIdempotentlyAndSurvivesRestart() {
        var good = java.util.Collections.nCopies(112, org.ssbtwin.core.quality.ManufacturingFactors.NOMINAL);
        List<CellId> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-DK1-%08d", i + 1)));
        record(new PackEvent.Assembled(ID, "VF8", cells, good, 87.7, T0));
        record(new PackEvent.Installed(VehicleId.of("VF8-000001"), "HO_CHI_MINH_CITY", "RIDE_HAILING_TAXI", T0));
        List<TelemetryRecord> month = new java.util.ArrayList<>();
        for (int d = 0; d < 30; d++) month.add(telemetry("t-" + d, d, 250, 33, 40));
        var first = ingest(month);
        assertNull(first.rejection());
        Pack p = kit.getState();
        assertEquals(p.stateOfHealth(), first.stateOfHealth(), 0.0, "the ack carries the SoH after the batch");
        assertEquals(p.revision(), first.revision());
        assertEquals(ID, first.packId());
        assertTrue(p.stateOfHealth() < 1.0 && p.stateOfHealth() > 0.95, "a month of taxi use ages the pack a little: " + p.stateOfHealth());
        assertEquals(30 * 250, p.km(), 1e-6);
        assertNotNull(p.ageing());
        assertEquals(30, p.ageing().days());

        var again = ingest(month.subList(25, 30));
        assertTrue(again.duplicate(), "re-sent records are dropped by record id");
        assertEquals(p, kit.getState());

        var backwards = ingest(List.of(telemetry("late", 10, 100, 30, 0)));
        assertEquals(Rejection.Kind.CONFLICT, backwards.rejection().kind());
        assertEquals("date", backwards.rejection().field());

        // after a gap of parked days the pack has aged by calendar too; a restart continues from the same state
        Pack restarted = kit.restart().state();
        assertEquals(p, restarted);
        var later = ingest(List.of(telemetry("t-60", 60, 250, 33, 40)));
        Pack afterGap = kit.getState();
        assertEquals(61, afterGap.ageing().days());
        assertTrue(later.stateOfHealth() < p.stateOfHealth());
        var health = PackAgeing.standard().health(afterGap);
        assertTrue(health.warranty().covered());
        assertNotNull(health.projection());
    }

    @Test
    void worseCellsFromThePlantAgeFasterInTheSameCar() {
        var nominal = java.util.Collections.nCopies(112, org.ssbtwin.core.quality.ManufacturingFactors.NOMINAL);
        var wet = java.util.Collections.nCopies(112, new org.ssbtwin.core.quality.ManufacturingFactors(1.25, 2.0, 0, 131, -32));
        List<CellId> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-DK1-%08d", i + 1)));
        List<TelemetryRecord> year = new java.util.ArrayList<>();
        for (int d = 0; d < 365; d++) year.add(telemetry("y-" + d, d, 60, 30, 5));
        double[] soh = new double[2];
        double[] resistance = new double[2];
        int i = 0;
        for (var factors : List.of(nominal, wet)) {
            var k = EventSourcedBehaviorTestKit.<PackEntity.Command, PackEvent, Pack>create(testKit.system(), PackEntity.create(PackId.of("P-DK1-00000" + (i + 2)), 50));
            PackId pid = PackId.of("P-DK1-00000" + (i + 2));
            k.<PackEntity.Reply>runCommand(r -> new PackEntity.Record(new PackEvent.Assembled(pid, "VF8", cells, factors, 87.7, T0), r));
            VehicleId vin = VehicleId.of("VF8-00000" + (i + 2));
            k.<PackEntity.Reply>runCommand(r -> new PackEntity.Record(new PackEvent.Installed(vin, "HANOI", "COMMUTER", T0), r));
            k.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.IngestTelemetry(year, T0, false, r));
            Pack aged = k.getState();
            soh[i] = aged.stateOfHealth();
            resistance[i] = aged.relativeResistance();
            i++;
        }
        assertTrue(soh[1] < soh[0], "cells laminated off-window in a wet dry room lose more capacity: " + soh[0] + " vs " + soh[1]);
        assertTrue(resistance[1] > resistance[0]);
    }
}
