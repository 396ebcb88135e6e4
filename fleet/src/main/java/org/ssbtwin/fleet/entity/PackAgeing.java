package org.ssbtwin.fleet.entity;

import org.ssbtwin.fleet.pack.TelemetryRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.ageing.PackAgeingState;
import org.ssbtwin.fleet.ageing.PackDesign;
import org.ssbtwin.fleet.ageing.SohProjection;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.WarrantyStatus;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;

/**
 * Ages a live pack with the solid-state ageing model, from its real cells' manufacturing factors and its daily
 * telemetry: the pure logic behind the pack entity's telemetry command and the pack health query.
 */
public final class PackAgeing {
    /** The events that a batch of telemetry produces, or why it was refused; {@code duplicates} were skipped. */
    public record Outcome(List<PackEvent> events, Rejection rejection, int duplicates) {}

    /** What the twin says about a pack's health now and ahead. */
    public record PackHealth(String packId, double stateOfHealth, double relativeResistance, double equivalentFullCycles,
                             double throughputKwh, double km, int daysInService, SohProjection projection,
                             WarrantyStatus warranty, double suddenFailureProbability,
                             double weakestCellCapacity, String weakestCellId, double meanLaminationTemperatureC) {}

    /**
     * How far telemetry dates may run ahead of the twin's clock, in days: one year (assumed: lets a client replay a
     * year of recorded or synthetic usage onto a twin whose virtual clock started recently; a vehicle's own calendar
     * is at most a day ahead of UTC). A later date is refused, so no request can age a pack into the far future.
     */
    public static final int MAX_DAYS_AHEAD = 366;
    /**
     * The most days one command may age a pack (recorded plus parked days): 20 years (assumed, the longest study
     * horizon). Bounds the work of one command whatever the pack's service start.
     */
    public static final int MAX_DAYS_PER_COMMAND = 7_320;

    private final SsbAgeingModel model;
    private final WarrantyTerms warranty;

    public PackAgeing(SsbAgeingModel model, WarrantyTerms warranty) {
        this.model = model;
        this.warranty = warranty;
    }

    public static PackAgeing standard() {
        return new PackAgeing(SsbAgeingModel.DEFAULT, WarrantyTerms.STANDARD);
    }

    /** The pack's ageing state rebuilt from its cells and its last persisted snapshot. */
    public PackAgeingState stateOf(Pack pack) {
        PackDesign design = designOf(pack);
        SeriesCellProfile cells = pack.cellProfile() == null ? SeriesCellProfile.nominal(design.seriesElements()) : pack.cellProfile();
        PackAgeingState s = PackAgeingState.create(pack.id(), design, cells, serviceStart(pack), warranty, model);
        if (pack.ageing() != null) s.restore(pack.ageing());
        return s;
    }

    static PackDesign designOf(Pack pack) {
        try {
            return VehicleModel.valueOf(pack.vehicleModel()).packDesign();
        } catch (IllegalArgumentException | NullPointerException e) {
            // a pack for a vehicle model the twin has no layout for: its own cells in series, each the designed cell
            return new PackDesign(pack.nominalCapacityKwh(), Math.max(1, Math.min(1000, pack.cells().size())),
                    org.ssbtwin.fleet.design.DesignCatalogue.bundled().cell().nominalVoltageV());
        }
    }

    static LocalDate serviceStart(Pack pack) {
        Instant start = pack.installedAt() != null ? pack.installedAt() : pack.lastEventAt();
        return LocalDate.ofInstant(start == null ? Instant.EPOCH : start, ZoneOffset.UTC);
    }

    /**
     * The rejection {@link #ingest} would give for these records, or null, without ageing anything: the cheap first
     * phase of an all-or-nothing batch over several packs. Must follow exactly the rules of {@link #ingest}
     * (tested against it).
     */
    public Rejection check(Pack pack, List<TelemetryRecord> records) {
        return check(pack, records, null);
    }

    /** {@link #check(Pack, List)} with the bound of the twin's clock {@code at} (null: no clock bound). */
    public Rejection check(Pack pack, List<TelemetryRecord> records, Instant at) {
        if (pack.status() != PackStatus.IN_SERVICE) {
            return Rejection.conflict("packId", "pack " + pack.id() + " is not in service (" + pack.status() + ")");
        }
        LocalDate start = serviceStart(pack);
        int days = pack.ageing() == null ? 0 : pack.ageing().days();
        LocalDate last = days == 0 ? start.minusDays(1) : start.plusDays(days - 1L);
        LocalDate lastBefore = last;
        Set<String> seenInBatch = new HashSet<>();
        for (TelemetryRecord r : records) {
            if (!seenInBatch.add(r.recordId()) || isRecorded(pack, r, lastBefore)) {
                continue;
            }
            LocalDate day = r.day().date();
            if (day.isBefore(start)) {
                return Rejection.conflict("date", "record " + r.recordId() + " is for " + day
                        + ", before the pack went into service on " + start);
            }
            if (!day.isAfter(last)) {
                return Rejection.conflict("date", "record " + r.recordId() + " is for " + day
                        + ", not after the pack's last recorded day " + last);
            }
            Rejection bounded = outOfBounds(r, lastBefore, at);
            if (bounded != null) return bounded;
            last = day;
        }
        return null;
    }

    /**
     * Why a record's day is out of bounds, or null: after the twin's clock plus {@link #MAX_DAYS_AHEAD}, or so far
     * after the pack's last recorded day (before the command) that one command would age more than
     * {@link #MAX_DAYS_PER_COMMAND} days.
     */
    private static Rejection outOfBounds(TelemetryRecord r, LocalDate lastBefore, Instant at) {
        LocalDate day = r.day().date();
        if (at != null) {
            LocalDate latest = LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(MAX_DAYS_AHEAD);
            if (day.isAfter(latest)) {
                return Rejection.invalid("date", "record " + r.recordId() + " is for " + day + ", more than "
                        + MAX_DAYS_AHEAD + " days after the twin's today " + LocalDate.ofInstant(at, ZoneOffset.UTC));
            }
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(lastBefore, day) > MAX_DAYS_PER_COMMAND) {
            return Rejection.invalid("date", "record " + r.recordId() + " is for " + day + ", more than "
                    + MAX_DAYS_PER_COMMAND + " days after the pack's last recorded day " + lastBefore
                    + "; one request ages a pack at most that many days");
        }
        return null;
    }

    /**
     * A record the pack already applied: for a day not after the pack's last recorded day, with its id in the
     * idempotency window. A record for a later day is new, whatever its id (see {@link org.ssbtwin.fleet.pack.RecentRecordIds}).
     */
    private static boolean isRecorded(Pack pack, TelemetryRecord r, LocalDate lastRecordedDay) {
        return !r.day().date().isAfter(lastRecordedDay) && pack.hasSeen(r.recordId());
    }

    /**
     * Turns telemetry into events: records already seen are skipped (idempotent), days must come after the pack's
     * last recorded day (days without telemetry in between are aged as parked days), and the ageing state after the
     * batch is carried by the last event.
     */
    public Outcome ingest(Pack pack, List<TelemetryRecord> records, Instant at) {
        if (pack.status() != PackStatus.IN_SERVICE) {
            return new Outcome(List.of(), Rejection.conflict("packId", "pack " + pack.id() + " is not in service (" + pack.status() + ")"), 0);
        }
        PackAgeingState ageing = stateOf(pack);
        LocalDate start = serviceStart(pack);
        LocalDate last = ageing.days() == 0 ? start.minusDays(1) : ageing.lastDay();
        Set<String> seenInBatch = new HashSet<>();
        List<PackEvent> events = new ArrayList<>();
        List<PackEvent> negative = new ArrayList<>(0);
        int duplicates = 0;
        double lastSoc = 0.6;
        LocalDate lastBefore = last;
        for (TelemetryRecord r : records) {
            if (!seenInBatch.add(r.recordId()) || isRecorded(pack, r, lastBefore)) {
                duplicates++;
                continue;
            }
            LocalDate day = r.day().date();
            if (day.isBefore(start)) {
                return new Outcome(List.of(), Rejection.conflict("date", "record " + r.recordId() + " is for " + day
                        + ", before the pack went into service on " + start), duplicates);
            }
            if (!day.isAfter(last)) {
                return new Outcome(List.of(), Rejection.conflict("date", "record " + r.recordId() + " is for " + day
                        + ", not after the pack's last recorded day " + last), duplicates);
            }
            Rejection bounded = outOfBounds(r, lastBefore, at);
            if (bounded != null) return new Outcome(List.of(), bounded, duplicates);
            for (LocalDate parked = last.plusDays(1); parked.isBefore(day); parked = parked.plusDays(1)) {
                ageing.advance(new DailyTelemetry(parked, 0, 0, 0, lastSoc, lastSoc, r.day().meanCellTempC(), 0, Double.NaN));
            }
            double efcBefore = ageing.equivalentFullCycles();
            double kwhBefore = ageing.throughputKWh();
            ageing.advance(r.day());
            last = day;
            lastSoc = r.day().maxSoc();
            double energy = ageing.throughputKWh() - kwhBefore;
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            events.add(new PackEvent.UsageRecorded(r.recordId(), "telemetry", dayStart, dayStart.plusSeconds(86_400),
                    r.day().km(), energy, ageing.equivalentFullCycles() - efcBefore, r.day().meanCellTempC(),
                    energy > 0 ? Math.min(1, r.day().dcFastChargeKWh() / energy) : 0,
                    ageing.capacitySoh(), ageing.resistanceRelative(), null, null, at));
            negative.addAll(org.ssbtwin.fleet.pack.NegativeEvents.observed(r, dayStart, dayStart.plusSeconds(86_400), at));
        }
        if (!events.isEmpty()) {
            PackEvent.UsageRecorded lastEvent = (PackEvent.UsageRecorded) events.remove(events.size() - 1);
            events.add(new PackEvent.UsageRecorded(lastEvent.recordId(), lastEvent.source(), lastEvent.periodStart(),
                    lastEvent.periodEnd(), lastEvent.km(), lastEvent.energyKwh(), lastEvent.equivalentFullCycles(),
                    lastEvent.meanCellTemperatureC(), lastEvent.dcFastChargeShare(), lastEvent.stateOfHealthAfter(),
                    lastEvent.relativeResistanceAfter(), null, ageing.changeSinceRestore(), lastEvent.at()));
        }
        events.addAll(negative); // after the usage, whose last event carries the ageing state

        return new Outcome(List.copyOf(events), null, duplicates);
    }

    public PackHealth health(Pack pack) {
        PackAgeingState s = stateOf(pack);
        double weakest = Double.MAX_VALUE;
        int weakestAt = 0;
        for (int i = 0; i < s.capacityCells(); i++) {
            double c = s.cellCapacity(i);
            if (c < weakest) {
                weakest = c;
                weakestAt = i;
            }
        }
        // the candidate's position in the pack names the cell (its genealogy: GET /cells/{id}/genealogy)
        int position = pack.cellProfile() == null ? -1 : pack.cellProfile().candidatePosition(weakestAt);
        // with parallel cells the profile holds series elements: name the first cell of the weakest element
        if (pack.cellProfile() != null && pack.cellProfile().cells() < pack.cells().size()
                && pack.cells().size() % pack.cellProfile().cells() == 0) {
            position *= pack.cells().size() / pack.cellProfile().cells();
        }
        String weakestCell = position >= 0 && position < pack.cells().size() ? pack.cells().get(position).value() : null;
        double lam = pack.cellProfile() == null ? ManufacturingFactors.NOMINAL.laminationTemperatureC()
                : pack.cellProfile().meanLaminationTemperatureC();
        return new PackHealth(pack.id().value(), s.capacitySoh(), s.resistanceRelative(), s.equivalentFullCycles(),
                s.throughputKWh(), s.km(), s.days(), s.days() > 0 ? s.project() : null, s.warrantyStatus(),
                s.suddenFailureProbability(), Math.min(1, weakest), weakestCell, lam);
    }
}
