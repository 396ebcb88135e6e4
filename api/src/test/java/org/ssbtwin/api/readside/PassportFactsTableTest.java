package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.passport.BatteryPassport;
import org.ssbtwin.api.passport.PackPassportFacts;
import org.ssbtwin.api.passport.PassportBuilder;
import org.ssbtwin.api.passport.PassportDeclarations;
import org.ssbtwin.api.passport.PublishedSchemas;
import org.ssbtwin.api.passport.SamplePackLife;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.entity.PackAgeing;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.cell.CellDesign;

/**
 * The passport built from the fleet read side (fleet_pack + fleet_pack_passport, folded by the projection's group
 * handler on H2) is the passport built from the pack's journal, value for value, for a 5-year pack and for a pack with
 * deep discharges, overheating and its own cells' manufacturing factors; a replay changes nothing; the keyset pages
 * give every pack once.
 */
public class PassportFactsTableTest {
    static final PassportDeclarations DECLARED = PassportDeclarations.bundledExample();

    /** A pack of its own cells (factors with latent defects) with deep discharges and hot days in 14 months of telemetry. */
    public static List<PackEvent> stressedLife(PackId id) {
        SplittableRandom r = new SplittableRandom(11);
        List<CellId> cells = new ArrayList<>();
        List<ManufacturingFactors> factors = new ArrayList<>();
        int n = VehicleModel.VF5.packDesign().seriesElements();
        for (int i = 0; i < n; i++) {
            cells.add(CellId.of(String.format("C-%s-%08d", i % 7 == 0 ? "TW1" : "DK1", 90_000 + i)));
            factors.add(new ManufacturingFactors(1 + 0.05 * r.nextDouble(), 0.1 * r.nextDouble(), i == 17 ? 0.8 : 0.02 * r.nextDouble(),
                    118 + 4 * r.nextDouble(), -46 + r.nextDouble()));
        }
        Instant t0 = Instant.parse("2029-01-05T08:00:00Z");
        List<PackEvent> events = new ArrayList<>(List.of(new PackEvent.Assembled(id, "VF5", cells, factors, VehicleModel.VF5.ratedKWh(), t0),
                new PackEvent.Installed(VehicleId.of("VF5-900001"), "HANOI", "RIDE_HAILING_TAXI", t0.plusSeconds(86_400 * 9))));
        Pack pack = Pack.unknown(id);
        for (PackEvent e : events) pack = pack.apply(e);
        List<TelemetryRecord> batch = new ArrayList<>();
        LocalDate service = LocalDate.of(2029, 1, 14);
        for (LocalDate d = service.plusDays(1); d.isBefore(service.plusMonths(14)); d = d.plusDays(1)) {
            double minSoc = r.nextDouble() < 0.03 ? 0.02 : 0.2 + 0.2 * r.nextDouble();
            double temp = r.nextDouble() < 0.02 ? 63 : 20 + 10 * r.nextDouble();
            batch.add(new TelemetryRecord("s-" + d, new DailyTelemetry(d, 120, 25, Double.NaN, minSoc, 0.9, temp, r.nextDouble() < 0.5 ? 20 : 0, Double.NaN)));
            if (batch.size() == 9) { // batches across month ends
                PackAgeing.Outcome out = PackAgeing.standard().ingest(pack, batch, d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                assertNull(out.rejection());
                for (PackEvent e : out.events()) {
                    pack = pack.apply(e);
                    events.add(e);
                }
                batch.clear();
            }
        }
        assertTrue(pack.negativeEvents().deepDischarges() > 3 && pack.negativeEvents().overheatings() > 3, pack.negativeEvents().toString());
        return events;
    }

    @Test
    void aPassportFromTheReadSideIsThePassportFromTheJournal() throws Exception {
        try (Connection c = FleetProjectionGroupTest.db("passport-facts")) {
            readSideEqualsJournal(c);
        }
    }

    /** The check on a database with the read-side tables (H2 here, PostgreSQL in PassportFactsTablePostgresTest). */
    static void readSideEqualsJournal(Connection c) throws Exception {
        PackId aged = PackId.of("P-DK1-000042");
        PackId stressed = PackId.of("P-DK1-000077");
        PackId fresh = PackId.of("P-DK1-000099");
        List<List<PackEvent>> lives = List.of(SamplePackLife.events(aged, VehicleModel.VF8, LocalDate.of(2028, 3, 6), 5, 3, 42),
                stressedLife(stressed), SamplePackLife.events(fresh, VehicleModel.VF3, LocalDate.of(2030, 2, 1), 0, 0, 1));
        List<PackId> ids = List.of(aged, stressed, fresh);
        // the packs' events interleaved as the tag query delivers them, folded in groups of odd sizes
        List<FleetProjection.Applied> all = new ArrayList<>();
        int[] next = new int[3];
        SplittableRandom r = new SplittableRandom(3);
        while (next[0] < lives.get(0).size() || next[1] < lives.get(1).size() || next[2] < lives.get(2).size()) {
            int p = r.nextInt(3);
            if (next[p] < lives.get(p).size()) all.add(new FleetProjection.Applied(ids.get(p).value(), next[p] + 1, lives.get(p).get(next[p]++)));
        }
        {
            for (int from = 0; from < all.size(); from += 377) {
                FleetProjection.applyAll(c, all.subList(from, Math.min(all.size(), from + 377)));
                c.commit();
            }
            // a replay of an older offset changes nothing
            assertEquals(0, FleetProjection.applyAll(c, all.subList(0, 1000)));
            c.commit();

            List<PassportFactsTable.Entry> page = PassportFactsTable.page(c, "", 10);
            assertEquals(List.of(aged.value(), stressed.value(), fresh.value()), page.stream().map(e -> e.pack().packId()).toList());
            assertEquals(3, PassportFactsTable.count(c));
            for (int p = 0; p < 3; p++) {
                PackPassportFacts.Facts fromJournal = SamplePackLife.facts(ids.get(p), lives.get(p), null);
                PackPassportFacts.Facts fromTable = PackPassportFacts.Facts.of(page.get(p).pack(), page.get(p).passport());
                assertNotNull(fromTable, ids.get(p).value());
                assertEquals(fromJournal, fromTable, ids.get(p).value());
                String url = "https://twin.example/api/v1/packs/" + ids.get(p).value() + "/passport";
                BatteryPassport a = PassportBuilder.build(fromJournal, fromJournal.design(CellDesign.DUNKIRK), DECLARED, url);
                BatteryPassport b = PassportBuilder.build(fromTable, fromTable.design(CellDesign.DUNKIRK), DECLARED, url);
                assertEquals(a.document(), b.document(), ids.get(p).value());
                assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, b.document().toString()));
            }
            PackPassportFacts.Facts s = PackPassportFacts.Facts.of(page.get(1).pack(), page.get(1).passport());
            assertTrue(s.negativeEvents().deepDischarges() > 0 && s.selfDischargePctPerDay() > s.selfDischargeNewPctPerDay(), s.toString());
            assertEquals(2, s.cellsBySite().size(), "DK1 and TW1 cells");

            // keyset pages of one: each pack once, in id order, then an empty page
            List<String> seen = new ArrayList<>();
            String after = "";
            for (List<PassportFactsTable.Entry> one; !(one = PassportFactsTable.page(c, after, 1)).isEmpty(); after = one.get(0).pack().packId()) {
                seen.add(one.get(0).pack().packId());
            }
            assertEquals(ids.stream().map(PackId::value).toList(), seen);
        }
    }

    @Test
    void aRowThatMissedThePacksFirstEventsIsNotUsed() throws Exception {
        PackId id = PackId.of("P-DK1-000111");
        List<PackEvent> life = SamplePackLife.events(id, VehicleModel.VF3, LocalDate.of(2030, 2, 1), 1, 0, 5);
        try (Connection c = FleetProjectionGroupTest.db("passport-facts-late")) {
            List<FleetProjection.Applied> all = new ArrayList<>();
            for (int i = 0; i < life.size(); i++) all.add(new FleetProjection.Applied(id.value(), i + 1, life.get(i)));
            FleetProjection.applyAll(c, all);
            c.commit();
            // as on a database projected before the table existed: the passport row starts mid-life
            try (var st = c.createStatement()) {
                st.execute("DELETE FROM " + PassportFactsTable.TABLE);
            }
            FleetProjection.applyAll(c, all); // nothing new for fleet_pack: no passport row either
            List<FleetProjection.Applied> more = new ArrayList<>(all);
            PackEvent last = life.get(life.size() - 1);
            PackEvent.NegativeEventRecorded extra = new PackEvent.NegativeEventRecorded(org.ssbtwin.fleet.pack.NegativeEvents.Kind.OVERHEATING,
                    "x", last.at(), last.at().plusSeconds(86_400), 61, 60, last.at());
            FleetProjection.applyAll(c, List.of(new FleetProjection.Applied(id.value(), life.size() + 1, extra)));
            c.commit();
            PassportFactsTable.Entry e = PassportFactsTable.page(c, "", 10).get(0);
            assertNotNull(e.passport());
            assertFalse(e.passport().complete());
            assertNull(PackPassportFacts.Facts.of(e.pack(), e.passport()), "the journal is the source for this pack");
        }
    }
}
