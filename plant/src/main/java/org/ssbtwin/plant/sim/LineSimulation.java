package org.ssbtwin.plant.sim;

import static org.ssbtwin.plant.sim.LineOrder.ANO;
import static org.ssbtwin.plant.sim.LineOrder.CAT;
import static org.ssbtwin.plant.sim.LineOrder.COR;
import static org.ssbtwin.plant.sim.LineOrder.ELY;
import static org.ssbtwin.plant.sim.LineOrder.EOL;
import static org.ssbtwin.plant.sim.LineOrder.FAG;
import static org.ssbtwin.plant.sim.LineOrder.FRM;
import static org.ssbtwin.plant.sim.LineOrder.LAM;
import static org.ssbtwin.plant.sim.LineOrder.MAB;
import static org.ssbtwin.plant.sim.LineOrder.PCK;
import static org.ssbtwin.plant.sim.LineOrder.STATIONS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.RampPhase;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.station.StationState;

/**
 * Deterministic discrete-event simulation of the line. Single-threaded and not thread-safe: the owner (e.g. an
 * actor) calls {@link #advanceTo} and the control methods from one thread at a time. Same layout + seed + start +
 * control calls give the same events, whatever thread runs it.
 *
 * <p>Model: each station has units (machines) of {@code slotsPerUnit} slots; a free slot on an available unit starts
 * a job as soon as its inputs are in the input buffer; a finished item moves into the downstream input buffer or,
 * if that is full, stays on its slot (BLOCKED) until space frees. Units fail (exponential MTBF, calendar time) and
 * are repaired (exponential MTTR); jobs on a failed or off-shift unit pause and resume (preempt-resume). Ramp-up
 * phases activate a share of the units; the learning curve scales scrap, MTBF and MTTR of a phase's units with
 * the time since that phase started (the first phase: since SOP).
 *
 * <p>This class is the facade and the event loop; the parts: {@link EventCalendar} (clock, event heaps, sink),
 * {@link StationRuntime} (units, slots, flow, counters of one station), {@link ProcessStep} and its per-kind
 * subclasses (process physics, readings, setpoints), {@link LineItems} (item stores, serials, scrapping),
 * {@link ProductionRecordBuilder} (genealogy), {@link KpiAccounting} (KPIs), {@link LearningFactors} (learning curve).
 *
 * <p>Hot path: events are two longs in a primitive heap, items are int slots in struct-of-array stores; objects are
 * allocated only for emitted events (and genealogy records of completed cells when enabled).
 */
public final class LineSimulation {

    private final PlantLayout layout;
    private final CellDesign design;
    private final EventCalendar calendar;
    private final LearningFactors learning;
    private final StationRuntime[] st = new StationRuntime[STATIONS];
    private final LaminationStep lamination;
    private final CoreAssemblyStep coreAssembly;
    private final KpiAccounting kpiAccounting = new KpiAccounting();
    private final List<Runnable> controls = new ArrayList<>();
    private long eventsProcessed;

    public LineSimulation(PlantLayout layout, long seed, Instant start) {
        this(layout, seed, start, SimulationOptions.DEFAULT);
    }

    public LineSimulation(PlantLayout layout, long seed, Instant start, SimulationOptions options) {
        this.layout = layout;
        this.design = layout.cellDesign();
        PhysicsParameters phys = layout.physics();
        long startEpochMs = start.toEpochMilli();
        this.calendar = new EventCalendar(startEpochMs);
        this.learning = new LearningFactors(layout.rampUp(), startEpochMs);
        long readingIntervalMs = options.readingInterval() == null ? 0 : options.readingInterval().toMillis();
        boolean genealogy = options.buildGenealogy();
        LineItems items = new LineItems(layout.site(), design.inlaysPerCell(), genealogy, calendar);
        SplittableRandom root = new SplittableRandom(seed);
        ProcessConditions cond = ProcessConditions.fromLayout(layout);
        for (int i = 0; i < STATIONS; i++) {
            st[i] = new StationRuntime(i, layout.stations().get(i), root.split(), calendar, learning, readingIntervalMs);
        }
        if (st[MAB].inCap < design.inlaysPerCell()) {
            throw new IllegalArgumentException(st[MAB].id + ": inputBufferCapacity must be >= inlaysPerCell " + design.inlaysPerCell());
        }
        if (st[PCK].inCap < design.cellsPerPack()) {
            throw new IllegalArgumentException(st[PCK].id + ": inputBufferCapacity must be >= cellsPerPack " + design.cellsPerPack());
        }
        for (int i = LAM; i < STATIONS; i++) {
            if (st[i].inCap < 1) throw new IllegalArgumentException(st[i].id + ": inputBufferCapacity must be >= 1");
        }

        // process steps and the flow between stations
        for (int k = CAT; k <= ANO; k++) st[k].step = new CoatingStep(st[k], calendar, items, phys, genealogy);
        lamination = new LaminationStep(st[LAM], new StationRuntime[] {st[CAT], st[ELY], st[ANO]}, calendar, items, phys,
                genealogy, cond.laminationWindow(), cond.laminationTemperatureC(), design.inlaysPerRoll());
        st[LAM].step = lamination;
        st[FRM].step = new FramingStep(st[FRM], st[LAM], calendar, items, phys, genealogy);
        coreAssembly = new CoreAssemblyStep(st[COR], st[FRM], calendar, items, phys, genealogy, lamination, design,
                cond.dewPointC(), cond.dewPointLimitC());
        st[COR].step = coreAssembly;
        BipolarStackingStep stacking = new BipolarStackingStep(st[MAB], st[COR], calendar, items, phys, genealogy, lamination,
                cond.misalignmentSigmaMm(), cond.misalignmentToleranceMm());
        st[MAB].step = stacking;
        st[FAG].step = new FormationAgeingStep(st[FAG], st[MAB], calendar, items, phys, genealogy,
                cond.selfDischargeLimitMvPerWeek());
        st[EOL].step = new EolTestStep(st[EOL], st[FAG], calendar, items, phys, genealogy, design, kpiAccounting,
                new ProductionRecordBuilder(st, items, calendar, lamination, coreAssembly, stacking));
        st[PCK].step = new PackAssemblyStep(st[PCK], st[EOL], calendar, items, phys, genealogy, design.cellsPerPack(),
                kpiAccounting);
        for (int k = CAT; k <= ANO; k++) st[k].connect(st[LAM], lamination.rollQ[k]);
        for (int i = LAM; i < PCK; i++) st[i].connect(st[i + 1], st[i + 1].in);

        learning.refresh(0);
        // calendar set-up
        for (StationRuntime s : st) {
            s.onShift = s.scheduledAt(startEpochMs);
            long next = s.nextScheduleChange(startEpochMs);
            if (next != Long.MAX_VALUE) calendar.near.push(next - startEpochMs, EventCalendar.encode(EventCalendar.SHIFT, s.idx, 0, 0));
            if (readingIntervalMs > 0 && s.hasReadings()) {
                calendar.near.push(readingIntervalMs, EventCalendar.encode(EventCalendar.READING, s.idx, 0, 0));
            }
        }
        if (phys.dewExcursionsPerDay() > 0) {
            calendar.near.push(EventCalendar.expMs(st[COR].rng, 24.0 / phys.dewExcursionsPerDay()),
                    EventCalendar.encode(EventCalendar.DEW_START, COR, 0, 0));
        }
        List<RampPhase> phases = layout.rampUp().phases();
        for (int p = 0; p < phases.size(); p++) {
            long t = phases.get(p).start().toEpochMilli() - startEpochMs;
            boolean superseded = p + 1 < phases.size() && phases.get(p + 1).start().toEpochMilli() <= startEpochMs;
            if (!superseded) calendar.near.push(Math.max(0, t), EventCalendar.encode(EventCalendar.PHASE, 0, 0, p));
        }
    }

    // ======================================================================== public API

    public PlantLayout layout() { return layout; }

    /** Current virtual time. */
    public Instant now() { return calendar.at(); }

    public long eventsProcessed() { return eventsProcessed; }

    /** Processes every event up to and including {@code t}; emits records to {@code sink}. */
    public void advanceTo(Instant t, PlantEventSink sink) {
        long target = t.toEpochMilli() - calendar.startEpochMs;
        if (target < calendar.now) throw new IllegalArgumentException("cannot go back in time: " + t + " is before " + now());
        calendar.sink(sink == null ? PlantEventSink.NONE : sink);
        try {
            EventCalendar cal = calendar;
            StationRuntime[] stations = st;
            long payload;
            while ((payload = cal.next(target)) != EventCalendar.NO_EVENT) {
                learning.refreshIfDue(cal.now);
                dispatch(payload);
                eventsProcessed++;
                for (int i = cal.pollDirty(); i >= 0; i = cal.pollDirty()) stations[i].tryStart();
            }
            cal.now = target;
            for (StationRuntime s : stations) s.accumulate(target);
        } finally {
            calendar.sink(PlantEventSink.NONE);
        }
    }

    /** Advances by a duration. */
    public void advanceBy(Duration d, PlantEventSink sink) {
        advanceTo(now().plus(d), sink);
    }

    /**
     * Schedules a setpoint change at {@code at} (not before the current virtual time). Known names:
     * {@link Setpoints}; other names are stored and reported but have no physical effect.
     */
    public void changeSetpoint(StationId station, String name, double value, Instant at) {
        StationRuntime s = station(station);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("setpoint name must not be blank");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("setpoint value must be finite, was " + value);
        if (Setpoints.LINE_SPEED_M_PER_MIN.equals(name) && !(value > 0)) throw new IllegalArgumentException("lineSpeedMPerMin must be > 0");
        if (Setpoints.MISALIGNMENT_SIGMA_MM.equals(name) && !(value >= 0)) throw new IllegalArgumentException("misalignmentSigmaMm must be >= 0");
        scheduleControl(at, () -> s.applySetpoint(name, value));
    }

    /** Schedules a breakdown of one unit (0-based) at {@code at}, repaired after {@code repair}. */
    public void forceBreakdown(StationId station, int unit, Duration repair, Instant at) {
        StationRuntime s = station(station);
        if (unit < 0 || unit >= s.units) throw new IllegalArgumentException("unit must be in 0.." + (s.units - 1) + ", was " + unit);
        if (repair == null || repair.isNegative() || repair.isZero()) throw new IllegalArgumentException("repair must be > 0");
        scheduleControl(at, () -> s.forceFailure(unit, repair.toMillis()));
    }

    /** Current value of a setpoint (including changes already applied). */
    public double setpoint(StationId station, String name) {
        Double v = station(station).setpoints.get(name);
        if (v == null) throw new IllegalArgumentException(station + " has no setpoint " + name);
        return v;
    }

    public StationState state(StationId station) { return station(station).state; }

    /** Starts a new statistics window at the current time (counters and time shares; WIP is carried over). */
    public void resetStatistics() {
        kpiAccounting.reset(calendar.now);
        for (StationRuntime s : st) s.resetStats(calendar.now);
    }

    /** KPIs over the current statistics window. */
    public PlantKpis kpis() {
        return kpiAccounting.plantKpis(st, lamination, calendar, design);
    }

    // ======================================================================== internals

    private StationRuntime station(StationId id) {
        for (StationRuntime s : st) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown station " + id);
    }

    private void scheduleControl(Instant at, Runnable action) {
        long t = at.toEpochMilli() - calendar.startEpochMs;
        if (t < calendar.now) throw new IllegalArgumentException("control time " + at + " is before the simulation time " + now());
        controls.add(action);
        calendar.near.push(t, EventCalendar.encode(EventCalendar.CONTROL, 0, 0, controls.size() - 1));
    }

    private void dispatch(long payload) {
        int type = EventCalendar.type(payload);
        StationRuntime s = st[EventCalendar.station(payload)];
        int index = EventCalendar.index(payload);
        switch (type) {
            case EventCalendar.JOB_DONE -> s.onJobDone(index);
            case EventCalendar.FAILURE -> s.onFailureDue(index, EventCalendar.version(payload));
            case EventCalendar.REPAIR -> s.onRepairDue(index, EventCalendar.version(payload));
            case EventCalendar.SHIFT -> s.shiftChange();
            case EventCalendar.READING -> s.sampleReadings();
            case EventCalendar.DEW_START -> coreAssembly.startDewExcursion();
            case EventCalendar.DEW_END -> coreAssembly.endDewExcursion();
            case EventCalendar.PHASE -> enterPhase(index);
            case EventCalendar.CONTROL -> controls.get(index).run();
            case EventCalendar.PM_START -> s.onPmStart(index);
            case EventCalendar.PM_END -> s.onPmEnd(index);
            default -> throw new IllegalStateException("unknown event type " + type);
        }
    }

    private void enterPhase(int p) {
        RampPhase phase = layout.rampUp().phases().get(p);
        calendar.emit(new PlantEvent.RampPhaseEntered(calendar.at(), phase.name(), phase.capacityShare()));
        for (StationRuntime s : st) {
            int target = phase.activeUnits(s.units);
            for (int u = s.activeUnits; u < target; u++) s.activate(u, p);
            calendar.markDirty(s.idx);
        }
    }
}
