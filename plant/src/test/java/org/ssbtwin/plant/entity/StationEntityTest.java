package org.ssbtwin.plant.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Map;
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
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

@ExtendWith(TestKitJUnit5Extension.class)
class StationEntityTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final StationId ID = StationId.of("DK1-LAM-01");
    private static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");

    private EventSourcedBehaviorTestKit<StationEntity.Command, StationEvent, Station> kit;

    @BeforeEach
    void setUp() {
        // serialization of commands, events, replies and state is verified by the testkit on every step
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), StationEntity.create(ID, 3));
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<StationEntity.Command, StationEvent, Station, StationEntity.Reply>
            record(StationEvent e) {
        return kit.<StationEntity.Reply>runCommand(replyTo -> new StationEntity.Record(e, replyTo));
    }

    @Test
    void commissionsRunsAndCountsScrapByCause() {
        record(new StationEvent.Commissioned(ID, "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), T0));
        record(new StationEvent.StateChanged(StationState.RUNNING, "shift start", T0.plusSeconds(60)));
        record(new StationEvent.ThroughputRecorded(100, 95, Map.of("delamination", 3L, "misalignment", 2L), T0.plusSeconds(3600)));
        var result = record(new StationEvent.ThroughputRecorded(50, 49, Map.of("delamination", 1L), T0.plusSeconds(7200)));

        Station s = result.reply().station();
        assertNull(result.reply().rejection());
        assertEquals(StationState.RUNNING, s.state());
        assertEquals(150, s.unitsIn());
        assertEquals(144, s.unitsOut());
        assertEquals(4L, s.scrapByCause().get("delamination"));
        assertEquals(6, s.scrapTotal());
        assertEquals(120.0, s.setpoints().get("laminationTemperatureC"));
        assertEquals(4, s.revision());
    }

    @Test
    void refusesTimeGoingBackwardsAndPersistsNothing() {
        record(new StationEvent.Commissioned(ID, "LAMINATION", 4, Map.of(), T0));
        var result = record(new StationEvent.ReadingsRecorded(Map.of("laminationTemperatureC", 121.0), T0.minusSeconds(1)));
        assertTrue(result.hasNoEvents());
        assertEquals(Rejection.Kind.CONFLICT, result.reply().rejection().kind());
        assertEquals("at", result.reply().rejection().field());
    }

    @Test
    void refusesEventsForAStationNotCommissioned() {
        var result = record(new StationEvent.SetpointChanged("laminationTemperatureC", 125, T0));
        assertTrue(result.hasNoEvents());
        assertEquals(Rejection.Kind.NOT_FOUND, result.reply().rejection().kind());
    }

    @Test
    void stateSurvivesARestartFromJournalAndSnapshot() {
        record(new StationEvent.Commissioned(ID, "BIPOLAR_STACKING", 2, Map.of(), T0));
        for (int i = 1; i <= 7; i++) {
            record(new StationEvent.ThroughputRecorded(10, 10, Map.of(), T0.plusSeconds(i * 60L)));
        }
        Station before = kit.getState();
        var restarted = kit.restart();
        assertEquals(before, restarted.state());
        assertEquals(70, restarted.state().unitsOut());
    }

    @Test
    void batchIsAllOrNothing() {
        record(new StationEvent.Commissioned(ID, "LAMINATION", 4, Map.of(), T0));
        var bad = kit.<StationEntity.Reply>runCommand(replyTo -> new StationEntity.RecordAll(java.util.List.of(
                new StationEvent.ReadingsRecorded(Map.of("laminationTemperatureC", 121.0), T0.plusSeconds(10)),
                new StationEvent.SetpointChanged("laminationTemperatureC", 9999, T0.plusSeconds(20))), replyTo));
        assertTrue(bad.hasNoEvents());
        assertEquals("value", bad.reply().rejection().field());
        var good = kit.<StationEntity.Reply>runCommand(replyTo -> new StationEntity.RecordAll(java.util.List.of(
                new StationEvent.ReadingsRecorded(Map.of("laminationTemperatureC", 121.0), T0.plusSeconds(10)),
                new StationEvent.SetpointChanged("laminationTemperatureC", 125, T0.plusSeconds(20))), replyTo));
        assertEquals(2, good.events().size());
        assertEquals(125.0, good.reply().station().setpoints().get("laminationTemperatureC"));
        assertEquals(121.0, good.reply().station().readings().get("laminationTemperatureC"));
    }
}
