package org.ssbtwin.api.passport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.fleet.entity.PackAgeing;

/**
 * A reproducible life of one pack as the twin records it, for the passport's tests, examples and export bench:
 * assembled from Dunkirk cells, installed, then {@code years} of daily telemetry (commuter use in a warm climate,
 * deterministic for a seed, with {@code hotDays} days of a failing cooling at 62 degC) aged by the twin's own
 * {@link PackAgeing}, one event batch a month as the telemetry endpoint would write them.
 */
public final class SamplePackLife {
    private SamplePackLife() {}

    /** The events of the pack's life, in journal order. */
    public static List<PackEvent> events(PackId id, VehicleModel model, LocalDate assembled, int years, int hotDays, long seed) {
        int cells = model.packDesign().seriesElements();
        String site = PassportBuilder.site(id.value());
        long first = Long.parseLong(id.value().substring(id.value().lastIndexOf('-') + 1)) * cells;
        List<CellId> cellIds = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) cellIds.add(CellId.of(String.format("C-%s-%08d", site, first + i)));
        Instant t0 = assembled.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600);
        List<PackEvent> events = new ArrayList<>();
        events.add(new PackEvent.Assembled(id, model.name(), cellIds, List.of(), model.ratedKWh(), t0));
        LocalDate service = assembled.plusDays(14);
        Instant installed = service.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(10 * 3600);
        events.add(new PackEvent.Installed(VehicleId.of(model.name() + "-" + id.value().substring(id.value().lastIndexOf('-') + 1)),
                "HO_CHI_MINH_CITY", "COMMUTER", installed));
        Pack pack = Pack.unknown(id);
        for (PackEvent e : events) pack = pack.apply(e);
        PackAgeing ageing = PackAgeing.standard();
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate end = service.plusYears(years);
        LocalDate hotFrom = service.plusDays(400);
        List<TelemetryRecord> month = new ArrayList<>();
        for (LocalDate d = service.plusDays(1); d.isBefore(end); d = d.plusDays(1)) {
            double km = 25 + rnd.nextDouble() * 40;
            double kwh = km * model.kWhPer100km() / 100.0;
            double maxSoc = 0.75 + rnd.nextDouble() * 0.15;
            double minSoc = Math.max(0.1, maxSoc - kwh / model.ratedKWh() - 0.05);
            boolean hot = !d.isBefore(hotFrom) && d.isBefore(hotFrom.plusDays(hotDays));
            double temp = hot ? 62.0 : 27 + 4 * Math.sin(2 * Math.PI * d.getDayOfYear() / 365.0) + rnd.nextDouble() * 3;
            double dc = rnd.nextDouble() < 0.1 ? kwh : 0;
            month.add(new TelemetryRecord("t-" + id.value() + "-" + d, new DailyTelemetry(d, km, kwh, Double.NaN, minSoc, maxSoc, temp, dc, Double.NaN)));
            if (d.plusDays(1).getDayOfMonth() == 1 || !d.plusDays(1).isBefore(end)) {
                Instant at = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(600);
                PackAgeing.Outcome out = ageing.ingest(pack, month, at);
                if (out.rejection() != null) throw new IllegalStateException(out.rejection().message());
                for (PackEvent e : out.events()) {
                    pack = pack.apply(e);
                    events.add(e);
                }
                month.clear();
            }
        }
        return events;
    }

    /** The facts a passport is built from, folded from {@code events} up to {@code at} (null: all). */
    public static PackPassportFacts.Facts facts(PackId id, List<PackEvent> events, Instant at) {
        PackPassportFacts f = new PackPassportFacts(id);
        for (PackEvent e : events) {
            if (at != null && e.at().isAfter(at)) break;
            f.add(e);
        }
        return f.facts();
    }
}
