package org.ssbtwin.plant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.layout.RampPhase;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.genealogy.InlayGenealogy;
import org.ssbtwin.plant.genealogy.StationPass;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Deterministic discrete-event simulation of the line. Single-threaded and not thread-safe: the owner (e.g. an
 * actor) calls {@link #advanceTo} and the control methods from one thread at a time. Same layout + seed + start +
 * control calls give the same events, whatever thread runs it.
 *
 * <p>Model: each station has units (machines) of {@code slotsPerUnit} slots; a free slot on an available unit starts
 * a job as soon as its inputs are in the input buffer; a finished item moves into the downstream input buffer or,
 * if that is full, stays on its slot (BLOCKED) until space frees. Units fail (exponential MTBF, calendar time) and
 * are repaired (exponential MTTR); jobs on a failed or off-shift unit pause and resume (preempt-resume). Ramp-up
 * phases activate a share of the units; the learning curve scales scrap, MTBF and MTTR with time since SOP.
 *
 * <p>Hot path: events are two longs in a primitive heap, items are int slots in struct-of-array stores; objects are
 * allocated only for emitted events (and genealogy records of completed cells when enabled).
 */
public final class LineSimulation {

    // ---- event encoding: type(8) | station(8) | version(16) | index(32)
    private static final int EV_JOB_DONE = 0, EV_FAILURE = 1, EV_REPAIR = 2, EV_SHIFT = 3, EV_READING = 4,
            EV_DEW_START = 5, EV_DEW_END = 6, EV_PHASE = 7, EV_CONTROL = 8;

    private static long ev(int type, int station, int version, int index) {
        return ((long) type << 56) | ((long) station << 48) | ((long) (version & 0xFFFF) << 32) | (index & 0xFFFFFFFFL);
    }

    private static final byte FREE = 0, BUSY = 1, BLOCKED = 2, INACTIVE = 3;
    private static final int NONE = -1;
    private static final int N_KINDS = StationKind.values().length;
    private static final int CAT = 0, ELY = 1, ANO = 2, LAM = 3, FRM = 4, COR = 5, MAB = 6, FAG = 7, EOL = 8, PCK = 9;
    private static final String[] ROLL_CODES = {"CAT", "ELY", "ANO"};
    private static final ScrapCause[] CAUSES = ScrapCause.values();

    private final PlantLayout layout;
    private final SimulationOptions options;
    private final long startEpochMs;
    private final CellDesign design;
    private final PhysicsParameters phys;
    private final int inlaysPerCell;
    private final int cellsPerPack;
    private final Station[] st = new Station[N_KINDS];
    private final EventQueue queue = new EventQueue();
    /** Completions of long-cycle stations (formation/ageing: ~10^5 jobs in process) live in their own heap so the
     *  main calendar stays small and cache-resident. */
    private final EventQueue farQueue = new EventQueue();
    private static final double FAR_CYCLE_MS = 3_600_000.0;
    private final InlayStore inlays;
    private final CellStore cells;
    private final RollStore[] rolls = {new RollStore(), new RollStore(), new RollStore()};
    private final List<Runnable> controls = new ArrayList<>();
    private final long readingIntervalMs;
    private final long sopEpochMs;

    private long now;                 // ms since start
    private PlantEventSink sink = PlantEventSink.NONE;
    private int dirtyMask;
    private long eventsProcessed;
    private long inlaySerial, cellSerial, packSerial;
    private long learnNext;
    private double scrapMult = 1, mtbfFactor = 1, mttrFactor = 1;
    private long windowStartMs;
    private long cellsCompleted, gradeA, gradeB, packsAssembled;
    private final double[] tmpTemp, tmpDew, tmpDose, tmpSev;

    public LineSimulation(PlantLayout layout, long seed, Instant start) {
        this(layout, seed, start, SimulationOptions.DEFAULT);
    }

    public LineSimulation(PlantLayout layout, long seed, Instant start, SimulationOptions options) {
        this.layout = layout;
        this.options = options;
        this.startEpochMs = start.toEpochMilli();
        this.design = layout.cellDesign();
        this.phys = layout.physics();
        this.inlaysPerCell = design.inlaysPerCell();
        this.cellsPerPack = design.cellsPerPack();
        this.inlays = new InlayStore(1024);
        this.cells = new CellStore(1024, inlaysPerCell);
        this.tmpTemp = new double[inlaysPerCell];
        this.tmpDew = new double[inlaysPerCell];
        this.tmpDose = new double[inlaysPerCell];
        this.tmpSev = new double[inlaysPerCell];
        this.readingIntervalMs = options.readingInterval() == null ? 0 : options.readingInterval().toMillis();
        this.sopEpochMs = layout.rampUp().sop().toEpochMilli();
        SplittableRandom root = new SplittableRandom(seed);
        ProcessConditions cond = ProcessConditions.fromLayout(layout);
        for (int i = 0; i < N_KINDS; i++) {
            st[i] = new Station(i, layout.stations().get(i), root.split(), cond, design);
        }
        int needMab = inlaysPerCell, needPck = cellsPerPack;
        if (st[MAB].inCap < needMab) throw new IllegalArgumentException(st[MAB].id + ": inputBufferCapacity must be >= inlaysPerCell " + needMab);
        if (st[PCK].inCap < needPck) throw new IllegalArgumentException(st[PCK].id + ": inputBufferCapacity must be >= cellsPerPack " + needPck);
        for (int i = LAM; i < N_KINDS; i++) {
            if (st[i].inCap < 1) throw new IllegalArgumentException(st[i].id + ": inputBufferCapacity must be >= 1");
        }
        updateLearning();
        // calendar set-up
        for (Station s : st) {
            s.onShift = s.spec.shifts().isOnShift(startEpochMs);
            long next = s.spec.shifts().nextChange(startEpochMs);
            if (next != Long.MAX_VALUE) queue.push(next - startEpochMs, ev(EV_SHIFT, s.idx, 0, 0));
            if (readingIntervalMs > 0 && s.hasReadings()) queue.push(readingIntervalMs, ev(EV_READING, s.idx, 0, 0));
        }
        if (phys.dewExcursionsPerDay() > 0) {
            queue.push(expMs(st[COR].rng, 24.0 / phys.dewExcursionsPerDay()), ev(EV_DEW_START, COR, 0, 0));
        }
        List<RampPhase> phases = layout.rampUp().phases();
        for (int p = 0; p < phases.size(); p++) {
            long t = phases.get(p).start().toEpochMilli() - startEpochMs;
            boolean superseded = p + 1 < phases.size() && phases.get(p + 1).start().toEpochMilli() <= startEpochMs;
            if (!superseded) queue.push(Math.max(0, t), ev(EV_PHASE, 0, 0, p));
        }
    }

    // ======================================================================== public API

    public PlantLayout layout() { return layout; }

    /** Current virtual time. */
    public Instant now() { return Instant.ofEpochMilli(startEpochMs + now); }

    public long eventsProcessed() { return eventsProcessed; }

    /** Processes every event up to and including {@code t}; emits records to {@code sink}. */
    public void advanceTo(Instant t, PlantEventSink sink) {
        long target = t.toEpochMilli() - startEpochMs;
        if (target < now) throw new IllegalArgumentException("cannot go back in time: " + t + " is before " + now());
        this.sink = sink == null ? PlantEventSink.NONE : sink;
        try {
            EventQueue near = queue, far = farQueue;
            while (true) {
                EventQueue q;
                if (near.isEmpty()) q = far;
                else if (far.isEmpty()) q = near;
                else q = far.peekTime() < near.peekTime() ? far : near;
                if (q.isEmpty() || q.peekTime() > target) break;
                long time = q.peekTime();
                long payload = q.peekPayload();
                q.pop();
                now = time;
                if (now >= learnNext) updateLearning();
                dispatch(payload);
                eventsProcessed++;
                while (dirtyMask != 0) {
                    int i = Integer.numberOfTrailingZeros(dirtyMask);
                    dirtyMask &= ~(1 << i);
                    tryStart(st[i]);
                }
            }
            now = target;
            for (Station s : st) s.accumulate(now);
        } finally {
            this.sink = PlantEventSink.NONE;
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
        Station s = station(station);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("setpoint name must not be blank");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("setpoint value must be finite, was " + value);
        if (Setpoints.LINE_SPEED_M_PER_MIN.equals(name) && !(value > 0)) throw new IllegalArgumentException("lineSpeedMPerMin must be > 0");
        if (Setpoints.MISALIGNMENT_SIGMA_MM.equals(name) && !(value >= 0)) throw new IllegalArgumentException("misalignmentSigmaMm must be >= 0");
        scheduleControl(at, () -> s.applySetpoint(name, value));
    }

    /** Schedules a breakdown of one unit (0-based) at {@code at}, repaired after {@code repair}. */
    public void forceBreakdown(StationId station, int unit, Duration repair, Instant at) {
        Station s = station(station);
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
        windowStartMs = now;
        cellsCompleted = gradeA = gradeB = packsAssembled = 0;
        for (Station s : st) s.resetStats(now);
    }

    /** KPIs over the current statistics window. */
    public PlantKpis kpis() {
        List<StationKpis> list = new ArrayList<>(N_KINDS);
        StationId bottleneck = null;
        double bestActive = -1, bestIdle = Double.MAX_VALUE;
        double fpy = 1;
        long[] scrapTotals = new long[CAUSES.length];
        for (Station s : st) {
            s.accumulate(now);
            StationKpis k = s.kpis();
            list.add(k);
            for (int c = 0; c < CAUSES.length; c++) scrapTotals[c] += s.scrapBy[c];
            if (s.tPlanned > 0) {
                double active = k.activeShare();
                double idle = k.blockedShare() + k.starvedShare();
                if (active > bestActive + 1e-12 || (Math.abs(active - bestActive) <= 1e-12 && idle < bestIdle)) {
                    bestActive = active;
                    bestIdle = idle;
                    bottleneck = s.id;
                }
            }
            if (s.idx >= LAM && s.idx <= EOL) {
                double y = k.quality();
                fpy *= s.idx <= COR ? Math.pow(y, inlaysPerCell) : y;
            }
        }
        long total = 0;
        for (long v : scrapTotals) total += v;
        List<ScrapShare> pareto = new ArrayList<>();
        for (int c = 0; c < CAUSES.length; c++) {
            if (scrapTotals[c] > 0) pareto.add(new ScrapShare(CAUSES[c], scrapTotals[c], (double) scrapTotals[c] / total));
        }
        pareto.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.cause().compareTo(b.cause()));
        double days = (now - windowStartMs) / 86_400_000.0;
        double perDay = days > 0 ? cellsCompleted / days : 0;
        long wipRolls = 0;
        for (int k = CAT; k <= ANO; k++) wipRolls += st[k].held() + st[LAM].rollQ[k].size() + (st[LAM].openLeft[k] > 0 ? 1 : 0);
        long wipInlays = st[LAM].held() + st[FRM].held() + st[COR].held() + st[FRM].in.size() + st[COR].in.size() + st[MAB].in.size();
        long wipCells = st[MAB].held() + st[FAG].held() + st[EOL].held() + st[FAG].in.size() + st[EOL].in.size()
                + st[PCK].in.size() + (long) st[PCK].held() * cellsPerPack;
        return new PlantKpis(Instant.ofEpochMilli(startEpochMs + windowStartMs), now(), list, bottleneck,
                cellsCompleted, gradeA, gradeB, packsAssembled, perDay,
                perDay * 365.0 * design.cellEnergyKWh() / 1e6, fpy, pareto, wipRolls, wipInlays, wipCells);
    }

    // ======================================================================== internals

    private Station station(StationId id) {
        for (Station s : st) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown station " + id);
    }

    private void scheduleControl(Instant at, Runnable action) {
        long t = at.toEpochMilli() - startEpochMs;
        if (t < now) throw new IllegalArgumentException("control time " + at + " is before the simulation time " + now());
        controls.add(action);
        queue.push(t, ev(EV_CONTROL, 0, 0, controls.size() - 1));
    }

    private void updateLearning() {
        double days = (startEpochMs + now - sopEpochMs) / 86_400_000.0;
        var lc = layout.rampUp().learning();
        scrapMult = lc.scrapMultiplier(days);
        mtbfFactor = lc.mtbfFactor(days);
        mttrFactor = lc.mttrFactor(days);
        learnNext = now + 3_600_000L;
    }

    private Instant at() { return Instant.ofEpochMilli(startEpochMs + now); }

    private void emit(PlantEvent e) { sink.accept(e); }

    private static long expMs(SplittableRandom rng, double meanHours) {
        return Math.max(1L, Math.round(-Math.log(1 - rng.nextDouble()) * meanHours * 3_600_000.0));
    }

    private void markDirty(int idx) { dirtyMask |= 1 << idx; }

    private void dispatch(long payload) {
        int type = (int) (payload >>> 56);
        Station s = st[(int) ((payload >>> 48) & 0xFF)];
        int version = (int) ((payload >>> 32) & 0xFFFF);
        int index = (int) payload;
        switch (type) {
            case EV_JOB_DONE -> onJobDone(s, index);
            case EV_FAILURE -> { if (version == (s.uVersion[index] & 0xFFFF)) s.fail(index, false, expMs(s.rng, s.spec.mttrHours() * mttrFactor)); }
            case EV_REPAIR -> { if (version == (s.uVersion[index] & 0xFFFF)) s.repair(index); }
            case EV_SHIFT -> s.shiftChange();
            case EV_READING -> s.sampleReadings();
            case EV_DEW_START -> {
                s.dewExcursion = -phys.dewExcursionMeanRiseK() * Math.log(1 - s.rng.nextDouble());
                queue.push(now + expMs(s.rng, phys.dewExcursionMeanHours()), ev(EV_DEW_END, s.idx, 0, 0));
            }
            case EV_DEW_END -> {
                s.dewExcursion = 0;
                queue.push(now + expMs(s.rng, 24.0 / phys.dewExcursionsPerDay()), ev(EV_DEW_START, s.idx, 0, 0));
            }
            case EV_PHASE -> enterPhase(index);
            case EV_CONTROL -> controls.get(index).run();
            default -> throw new IllegalStateException("unknown event type " + type);
        }
    }

    private void enterPhase(int p) {
        RampPhase phase = layout.rampUp().phases().get(p);
        emit(new PlantEvent.RampPhaseEntered(at(), phase.name(), phase.capacityShare()));
        for (Station s : st) {
            int target = phase.activeUnits(s.units);
            for (int u = s.activeUnits; u < target; u++) s.activate(u);
            markDirty(s.idx);
        }
    }

    // ---------------------------------------------------------------- flow

    private boolean inputsAvailable(Station s) {
        switch (s.idx) {
            case CAT, ELY, ANO: return true;
            case LAM:
                for (int k = 0; k < 3; k++) if (s.openLeft[k] == 0 && s.rollQ[k].isEmpty()) return false;
                return true;
            case MAB: return s.in.size() >= inlaysPerCell;
            case PCK: return s.in.size() >= cellsPerPack;
            default: return !s.in.isEmpty();
        }
    }

    private void tryStart(Station s) {
        if (s.onShift && s.activeUnits > 0) {
            while (inputsAvailable(s)) {
                int srv = s.popFree();
                if (srv < 0) break;
                startJob(s, srv);
            }
        }
        s.refreshState();
    }

    private void startJob(Station s, int srv) {
        int item;
        switch (s.idx) {
            case CAT, ELY, ANO -> item = rolls[s.idx].allocate();
            case LAM -> {
                item = inlays.allocate();
                for (int k = 0; k < 3; k++) {
                    if (s.openLeft[k] == 0) {
                        s.openRoll[k] = s.rollQ[k].poll();
                        s.openLeft[k] = design.inlaysPerRoll();
                        unblockInto(st[k], s, k);
                    }
                    s.openLeft[k]--;
                }
                inlays.roll[item * 3] = s.openRoll[0];
                inlays.roll[item * 3 + 1] = s.openRoll[1];
                inlays.roll[item * 3 + 2] = s.openRoll[2];
            }
            case MAB -> {
                item = cells.allocate();
                int base = item * inlaysPerCell;
                for (int k = 0; k < inlaysPerCell; k++) cells.inlay[base + k] = s.in.poll();
                unblockInto(st[COR], s, -1);
            }
            case PCK -> {
                item = srv;
                long[] pc = s.packCells;
                int base = srv * cellsPerPack;
                for (int k = 0; k < cellsPerPack; k++) {
                    int c = s.in.poll();
                    pc[base + k] = cells.serial[c];
                    cells.release(c);
                }
                unblockInto(st[EOL], s, -1);
            }
            default -> {
                item = s.in.poll();
                unblockInto(st[s.idx - 1], s, -1);
            }
        }
        s.accumulate(now);
        int u = srv / s.slots;
        s.sState[srv] = BUSY;
        s.sItem[srv] = item;
        s.sStart[srv] = now;
        long need = s.sampleCycleMs();
        s.sNeed[srv] = need;
        s.sClock[srv] = s.clock(u, now);
        s.uBusy[u]++;
        s.busyUp++;
        s.cIn++;
        s.jobQueue.push(now + need, ev(EV_JOB_DONE, s.idx, 0, srv));
    }

    /** Moves blocked items of {@code up} into {@code down}'s buffer while it has space (rollKind >= 0: lamination roll queue). */
    private void unblockInto(Station up, Station down, int rollKind) {
        IntRing target = rollKind >= 0 ? down.rollQ[rollKind] : down.in;
        boolean moved = false;
        while (!up.blocked.isEmpty() && target.size() < down.inCap) {
            int srv = up.blocked.poll();
            up.accumulate(now);
            target.add(up.sItem[srv]);
            up.blockedN--;
            int bu = srv / up.slots;
            up.uBlocked[bu]--;
            if (!up.uUp[bu]) up.blockedOnDown--;
            up.cOut++;
            up.releaseServer(srv);
            moved = true;
        }
        if (moved) markDirty(up.idx);
    }

    private void onJobDone(Station s, int srv) {
        if (s.sState[srv] != BUSY) return;
        int u = srv / s.slots;
        long got = s.clock(u, now) - s.sClock[srv];
        long need = s.sNeed[srv];
        if (got < need) {
            if (s.uAvail[u]) s.jobQueue.push(now + (need - got), ev(EV_JOB_DONE, s.idx, 0, srv));
            else s.suspend(u, srv);
            return;
        }
        s.accumulate(now);
        s.uBusy[u]--;
        if (s.uAvail[u]) s.busyUp--;
        int item = s.sItem[srv];
        int cause = complete(s, srv, u, item);
        markDirty(s.idx);
        if (cause >= 0) {
            s.cScrap++;
            s.scrapBy[cause]++;
            s.releaseServer(srv);
            return;
        }
        if (s.idx == PCK) {
            s.cOut++;
            s.releaseServer(srv);
            return;
        }
        Station d = s.idx <= ANO ? st[LAM] : st[s.idx + 1];
        IntRing target = s.idx <= ANO ? d.rollQ[s.idx] : d.in;
        if (target.size() < d.inCap && s.blocked.isEmpty()) {
            target.add(item);
            s.cOut++;
            s.releaseServer(srv);
            markDirty(d.idx);
        } else {
            s.sState[srv] = BLOCKED;
            s.blockedN++;
            s.uBlocked[u]++;
            if (!s.uUp[u]) s.blockedOnDown++;
            s.blocked.add(srv);
        }
    }

    /** Applies the process physics of a finished job; returns a scrap cause ordinal or -1 if the item passes. */
    private int complete(Station s, int srv, int u, int item) {
        SplittableRandom r = s.rng;
        boolean baseScrap = s.baseScrap > 0 && r.nextDouble() < s.baseScrap * scrapMult;
        int baseCause = s.baseCause;
        long start = s.sStart[srv];
        boolean gen = options.buildGenealogy();
        switch (s.idx) {
            case CAT, ELY, ANO -> {
                RollStore rs = rolls[s.idx];
                rs.set(item, u, start, now);
                if (baseScrap) {
                    scrap(s, u, baseCause, StationKind.ItemKind.ROLL, item + 1);
                    return baseCause;
                }
                emit(new PlantEvent.RollCompleted(at(), s.id, u, rollId(s.idx, item)));
                return NONE;
            }
            case LAM -> {
                double t = s.lamSet + phys.laminationTemperatureSigmaC() * s.gauss();
                if (gen) {
                    inlays.lamUnit[item] = u;
                    inlays.lamStart[item] = start;
                    inlays.lamEnd[item] = now;
                }
                inlays.lamTemp[item] = t;
                inlays.serial[item] = ++inlaySerial;
                double pDelam = ProcessPhysics.delaminationProbability(t, s.lamWindow, phys);
                if (baseScrap || (pDelam > 0 && r.nextDouble() < pDelam)) return scrapInlay(s, u, ScrapCause.DELAMINATION.ordinal(), item);
                return NONE;
            }
            case FRM -> {
                if (gen) {
                    inlays.frmUnit[item] = u;
                    inlays.frmStart[item] = start;
                }
                inlays.frmEnd[item] = now;
                if (baseScrap) return scrapInlay(s, u, baseCause, item);
                return NONE;
            }
            case COR -> {
                double dew = s.dewSet + s.dewExcursion + phys.dewPointNoiseC() * s.gauss();
                double dwellH = (now - inlays.frmEnd[item]) / 3_600_000.0;
                double dose = ProcessPhysics.moistureDose(dew, dwellH);
                if (gen) {
                    inlays.corUnit[item] = u;
                    inlays.corStart[item] = start;
                    inlays.corEnd[item] = now;
                }
                inlays.dew[item] = dew;
                inlays.dose[item] = dose;
                double pMoist = ProcessPhysics.moistureDefectProbability(dew, s.dewLimit, phys);
                if (baseScrap || (pMoist > 0 && r.nextDouble() < pMoist)) return scrapInlay(s, u, ScrapCause.MOISTURE_DEFECT.ordinal(), item);
                double lamT = inlays.lamTemp[item];
                ProcessWindow lw = st[LAM].lamWindow;
                double pDef = ProcessPhysics.latentDefectProbability(dose, lw.excess(lamT), phys);
                inlays.sev[item] = r.nextDouble() < pDef ? -phys.latentDefectMeanSeverity() * Math.log(1 - r.nextDouble()) : 0;
                inlays.cap[item] = design.inlayCapacityAh() * ProcessPhysics.moistureCapacityFactor(dose, phys)
                        * (1 + phys.capacitySigma() * s.gauss());
                inlays.res[item] = design.inlayResistanceMilliOhm() * ProcessPhysics.inlayInterfaceFactor(lamT, lw, dose, phys)
                        * (1 + phys.resistanceSigma() * s.gauss());
                return NONE;
            }
            case MAB -> {
                double mis = Math.abs(s.misSigma * s.gauss());
                cells.serial[item] = ++cellSerial;
                if (gen) {
                    cells.mabUnit[item] = u;
                    cells.mabStart[item] = start;
                    cells.mabEnd[item] = now;
                }
                cells.mis[item] = mis;
                if (baseScrap || mis > s.misTol) return scrapCell(s, u, ScrapCause.STACKING_MISALIGNMENT.ordinal(), item);
                // aggregate the inlays now (their data is still in cache): bipolar series min capacity / summed resistance
                int base = item * inlaysPerCell;
                double cap = Double.MAX_VALUE, res = 0, sev = 0;
                for (int k = 0; k < inlaysPerCell; k++) {
                    int in = cells.inlay[base + k];
                    cap = Math.min(cap, inlays.cap[in]);
                    res += inlays.res[in];
                    sev += inlays.sev[in];
                    tmpTemp[k] = inlays.lamTemp[in];
                    tmpDew[k] = inlays.dew[in];
                    tmpDose[k] = inlays.dose[in];
                    tmpSev[k] = inlays.sev[in];
                }
                // misalignment: overlap lost (capacity) and a latent edge short on top of the inlays' defects
                double edge = r.nextDouble() < ProcessPhysics.misalignmentDefectProbability(mis, s.misTol, phys)
                        ? -phys.latentDefectMeanSeverity() * Math.log(1 - r.nextDouble()) : 0;
                sev += edge;
                tmpSev[0] += edge;
                inlays.sev[cells.inlay[base]] += edge; // the genealogy carries it on the cell's first inlay
                cells.cap[item] = cap * ProcessPhysics.misalignmentCapacityFactor(mis, s.misTol, phys);
                cells.res[item] = res * ProcessPhysics.misalignmentResistanceFactor(mis, s.misTol, phys);
                cells.sev[item] = sev;
                cells.factors[item] = ProcessPhysics.manufacturingFactors(tmpTemp, tmpDew, tmpDose, tmpSev, inlaysPerCell,
                        st[LAM].lamWindow, mis, s.misTol, phys);
                if (!options.buildGenealogy()) releaseInlays(item);
                return NONE;
            }
            case FAG -> {
                double sev = cells.sev[item];
                double sd = Math.max(0, phys.selfDischargeMeanMvPerWeek() + phys.selfDischargeSigmaMvPerWeek() * s.gauss())
                        + phys.selfDischargePerSeverity() * sev;
                if (gen) {
                    cells.fagUnit[item] = u;
                    cells.fagStart[item] = start;
                    cells.fagEnd[item] = now;
                }
                cells.sd[item] = sd;
                if (sd >= s.sdLimit) return scrapCell(s, u, ScrapCause.SELF_DISCHARGE.ordinal(), item);
                if (baseScrap) return scrapCell(s, u, baseCause, item);
                return NONE;
            }
            case EOL -> {
                double cap = cells.cap[item] * (1 + phys.measurementSigma() * s.gauss());
                double res = cells.res[item] * (1 + phys.measurementSigma() * s.gauss());
                if (gen) {
                    cells.eolUnit[item] = u;
                    cells.eolStart[item] = start;
                    cells.eolEnd[item] = now;
                }
                cells.cap[item] = cap;
                cells.res[item] = res;
                CellGrade grade = ProcessPhysics.grade(cap, res, design, phys);
                if (grade == null || baseScrap) return scrapCell(s, u, ScrapCause.EOL_OUT_OF_SPEC.ordinal(), item);
                cellPassed(item, grade);
                return NONE;
            }
            case PCK -> {
                if (baseScrap) {
                    scrap(s, u, baseCause, StationKind.ItemKind.PACK, ++packSerial);
                    return baseCause;
                }
                PackId pack = packId(++packSerial);
                List<CellId> ids;
                if (options.buildGenealogy()) {
                    CellId[] arr = new CellId[cellsPerPack];
                    int b = srv * cellsPerPack;
                    for (int k = 0; k < cellsPerPack; k++) arr[k] = cellId(s.packCells[b + k]);
                    ids = List.of(arr);
                } else {
                    ids = List.of();
                }
                packsAssembled++;
                emit(new PlantEvent.PackAssembled(at(), pack, cellsPerPack, ids));
                return NONE;
            }
            default -> throw new IllegalStateException();
        }
    }

    private void releaseInlays(int cell) {
        int base = cell * inlaysPerCell;
        for (int k = 0; k < inlaysPerCell; k++) inlays.release(cells.inlay[base + k]);
    }

    private void cellPassed(int item, CellGrade grade) {
        ManufacturingFactors f = (ManufacturingFactors) cells.factors[item];
        cells.factors[item] = null;
        cellsCompleted++;
        if (grade == CellGrade.A) gradeA++; else gradeB++;
        CellProductionRecord g = options.buildGenealogy() ? genealogy(item, cellId(cells.serial[item]), grade, f) : null;
        emit(new PlantEvent.CellCompleted(at(), layout.site(), cells.serial[item], grade, cells.cap[item], cells.res[item],
                cells.sd[item], f, g));
        if (options.buildGenealogy()) releaseInlays(item);
    }

    private CellProductionRecord genealogy(int c, CellId id, CellGrade grade, ManufacturingFactors f) {
        List<InlayGenealogy> list = new ArrayList<>(inlaysPerCell);
        int base = c * inlaysPerCell;
        for (int k = 0; k < inlaysPerCell; k++) {
            int i = cells.inlay[base + k];
            List<StationPass> passes = new ArrayList<>(6);
            RollId[] rids = new RollId[3];
            for (int kind = 0; kind < 3; kind++) {
                int roll = inlays.roll[i * 3 + kind];
                rids[kind] = rollId(kind, roll);
                RollStore rs = rolls[kind];
                passes.add(new StationPass(st[kind].id, st[kind].kind, rs.unit[roll], inst(rs.start[roll]), inst(rs.end[roll]),
                        "roll " + rids[kind]));
            }
            Station lam = st[LAM], frm = st[FRM], cor = st[COR];
            passes.add(new StationPass(lam.id, lam.kind, inlays.lamUnit[i], inst(inlays.lamStart[i]), inst(inlays.lamEnd[i]),
                    String.format("laminated at %.1f degC", inlays.lamTemp[i])));
            passes.add(new StationPass(frm.id, frm.kind, inlays.frmUnit[i], inst(inlays.frmStart[i]), inst(inlays.frmEnd[i]), "framed"));
            passes.add(new StationPass(cor.id, cor.kind, inlays.corUnit[i], inst(inlays.corStart[i]), inst(inlays.corEnd[i]),
                    String.format("core assembled at dew point %.1f degC", inlays.dew[i])));
            list.add(new InlayGenealogy(inlayId(inlays.serial[i]), rids[0], rids[1], rids[2], lam.unitIds[inlays.lamUnit[i]],
                    inst(inlays.lamEnd[i]), inlays.lamTemp[i], inlays.dew[i], inlays.dose[i], inlays.sev[i],
                    inlays.cap[i], inlays.res[i], passes));
        }
        Station mab = st[MAB], fag = st[FAG], eol = st[EOL];
        List<StationPass> cp = List.of(
                new StationPass(mab.id, mab.kind, cells.mabUnit[c], inst(cells.mabStart[c]), inst(cells.mabEnd[c]),
                        String.format("stacked, misalignment %.3f mm", cells.mis[c])),
                new StationPass(fag.id, fag.kind, cells.fagUnit[c], inst(cells.fagStart[c]), inst(cells.fagEnd[c]),
                        String.format("self-discharge %.2f mV/week PASS", cells.sd[c])),
                new StationPass(eol.id, eol.kind, cells.eolUnit[c], inst(cells.eolStart[c]), inst(cells.eolEnd[c]),
                        String.format("grade %s, %.2f Ah, %.3f mOhm", grade, cells.cap[c], cells.res[c])));
        return new CellProductionRecord(id, list, cp, cells.mis[c], cells.sd[c], cells.cap[c], cells.res[c], grade, at(),
                st[LAM].lamWindow, st[COR].dewLimit, mab.misTol, f);
    }

    private int scrapInlay(Station s, int u, int cause, int item) {
        scrap(s, u, cause, StationKind.ItemKind.INLAY, inlays.serial[item]);
        inlays.release(item);
        return cause;
    }

    private int scrapCell(Station s, int u, int cause, int item) {
        scrap(s, u, cause, StationKind.ItemKind.CELL, cells.serial[item]);
        // inlays are released at stacking in benchmark mode, except for cells scrapped at stacking itself
        if (options.buildGenealogy() || s.idx == MAB) releaseInlays(item);
        cells.factors[item] = null;
        cells.release(item);
        return cause;
    }

    private void scrap(Station s, int u, int cause, StationKind.ItemKind itemKind, long serial) {
        emit(new PlantEvent.ItemScrapped(at(), s.id, s.kind, u, CAUSES[cause], itemKind, layout.site(), serial));
    }

    private Instant inst(long ms) { return Instant.ofEpochMilli(startEpochMs + ms); }

    private CellId cellId(long serial) { return new CellId(ItemIds.cell(layout.site(), serial)); }

    private InlayId inlayId(long serial) { return new InlayId(ItemIds.inlay(layout.site(), serial)); }

    private PackId packId(long serial) { return new PackId(ItemIds.pack(layout.site(), serial)); }

    private static RollId rollId(int kind, int rollIndex) { return new RollId(ItemIds.roll(ROLL_CODES[kind], rollIndex + 1)); }

    // ======================================================================== station runtime

    private final class Station {
        final int idx;
        final StationSpec spec;
        final StationKind kind;
        final StationId id;
        final StationId[] unitIds;
        final int units, slots, servers;
        final SplittableRandom rng;
        final double cycleMeanMs, sigmaLn, muLnBase;
        final boolean constantCycle;
        final EventQueue jobQueue;
        double speedFactor = 1;
        final double baseScrap;
        final int baseCause;
        final int inCap;
        int activeUnits;

        final byte[] sState;
        final int[] sItem;
        final long[] sStart, sNeed, sClock;
        final int[] sLink;
        final boolean[] uUp, uActive, uAvail;
        final long[] uClockBase, uClockSince;
        final int[] uBusy, uSuspHead, uParkHead;
        final int[] uVersion;
        final int[] free;
        int freeN;

        final IntRing in;
        final IntRing[] rollQ;
        final int[] openRoll = new int[3];
        final int[] openLeft = new int[3];
        final IntRing blocked;
        final long[] packCells;

        long cIn, cOut, cScrap;
        final long[] scrapBy = new long[CAUSES.length];
        long heldAtWindowStart;
        int busyUp, blockedN, downUnits, blockedOnDown;
        final int[] uBlocked;
        boolean onShift;
        long lastAcc;
        double tBusy, tBlocked, tDown, tPlanned;
        StationState state = StationState.IDLE;

        final Map<String, Double> setpoints;
        double lamSet, dewSet, dewExcursion, lineSpeed, lineSpeedNominal, misSigma;
        final ProcessWindow lamWindow;
        final double dewLimit, misTol, sdLimit;

        Station(int idx, StationSpec spec, SplittableRandom rng, ProcessConditions cond, CellDesign design) {
            this.idx = idx;
            this.spec = spec;
            this.kind = spec.kind();
            this.id = spec.id();
            this.units = spec.units();
            this.slots = spec.slotsPerUnit();
            this.servers = units * slots;
            this.rng = rng;
            this.unitIds = new StationId[units];
            for (int u = 0; u < units; u++) unitIds[u] = spec.unitId(u);
            this.cycleMeanMs = spec.cycleTime().meanSeconds() * 1000.0;
            this.sigmaLn = spec.cycleTime().sigmaLn();
            this.muLnBase = spec.cycleTime().muLn(1.0);
            this.constantCycle = spec.cycleTime().cv() == 0;
            this.jobQueue = cycleMeanMs >= FAR_CYCLE_MS && servers > 1000 ? farQueue : queue;
            this.baseScrap = spec.baseScrapRate();
            this.baseCause = ScrapCause.baseCauseOf(kind).ordinal();
            this.inCap = spec.inputBufferCapacity();
            sState = new byte[servers];
            Arrays.fill(sState, INACTIVE);
            sItem = new int[servers];
            sStart = new long[servers];
            sNeed = new long[servers];
            sClock = new long[servers];
            sLink = new int[servers];
            uUp = new boolean[units];
            Arrays.fill(uUp, true);
            uActive = new boolean[units];
            uAvail = new boolean[units];
            uClockBase = new long[units];
            uClockSince = new long[units];
            uBusy = new int[units];
            uBlocked = new int[units];
            uSuspHead = new int[units];
            uParkHead = new int[units];
            Arrays.fill(uSuspHead, NONE);
            Arrays.fill(uParkHead, NONE);
            uVersion = new int[units];
            free = new int[servers];
            in = new IntRing(Math.min(Math.max(inCap, 4), 1 << 16));
            rollQ = idx == LAM ? new IntRing[] {new IntRing(8), new IntRing(8), new IntRing(8)} : null;
            blocked = new IntRing(16);
            packCells = idx == PCK ? new long[servers * design.cellsPerPack()] : null;
            setpoints = new HashMap<>(spec.setpoints());
            lamWindow = cond.laminationWindow();
            dewLimit = cond.dewPointLimitC();
            misTol = cond.misalignmentToleranceMm();
            sdLimit = cond.selfDischargeLimitMvPerWeek();
            lamSet = cond.laminationTemperatureC();
            dewSet = cond.dewPointC();
            misSigma = cond.misalignmentSigmaMm();
            lineSpeed = lineSpeedNominal = spec.setpoint(Setpoints.LINE_SPEED_M_PER_MIN, 0);
        }

        private boolean hasSpare;
        private double spare;

        /** Standard normal (Marsaglia polar method, second value cached); per-station stream, deterministic. */
        double gauss() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double x, y, q;
            do {
                x = 2 * rng.nextDouble() - 1;
                y = 2 * rng.nextDouble() - 1;
                q = x * x + y * y;
            } while (q >= 1 || q == 0);
            double f = Math.sqrt(-2 * Math.log(q) / q);
            spare = y * f;
            hasSpare = true;
            return x * f;
        }

        boolean hasReadings() {
            return idx == LAM || idx == COR || (idx <= ANO && lineSpeedNominal > 0);
        }

        long sampleCycleMs() {
            double mean = cycleMeanMs * speedFactor;
            double v = constantCycle ? mean : mean * Math.exp(muLnBase + sigmaLn * gauss());
            return Math.max(1L, (long) (v + 0.5));
        }

        int held() {
            int n = 0;
            for (int u = 0; u < activeUnits; u++) n += uBusy[u];
            return n + blockedN;
        }

        long clock(int u, long t) {
            return uClockBase[u] + (uAvail[u] ? t - uClockSince[u] : 0);
        }

        void accumulate(long t) {
            long dt = t - lastAcc;
            if (dt <= 0) return;
            lastAcc = t;
            if (!onShift || activeUnits == 0) return;
            tPlanned += (double) activeUnits * slots * dt;
            tBusy += (double) busyUp * dt;
            tBlocked += (double) blockedN * dt;
            tDown += (double) (downUnits * slots - blockedOnDown) * dt;
        }

        void setAvail(int u, boolean avail) {
            if (uAvail[u] == avail) return;
            accumulate(now);
            if (uAvail[u]) {
                uClockBase[u] += now - uClockSince[u];
                busyUp -= uBusy[u];
            } else {
                uClockSince[u] = now;
                busyUp += uBusy[u];
            }
            uAvail[u] = avail;
            if (avail) {
                for (int srv = uSuspHead[u]; srv != NONE; ) {
                    int next = sLink[srv];
                    long got = clock(u, now) - sClock[srv];
                    jobQueue.push(now + Math.max(0, sNeed[srv] - got), ev(EV_JOB_DONE, idx, 0, srv));
                    srv = next;
                }
                uSuspHead[u] = NONE;
                for (int srv = uParkHead[u]; srv != NONE; ) {
                    int next = sLink[srv];
                    free[freeN++] = srv;
                    srv = next;
                }
                uParkHead[u] = NONE;
            }
            markDirty(idx);
        }

        void updateAvail(int u) { setAvail(u, uActive[u] && uUp[u] && onShift); }

        void suspend(int u, int srv) {
            sLink[srv] = uSuspHead[u];
            uSuspHead[u] = srv;
        }

        int popFree() {
            while (freeN > 0) {
                int srv = free[--freeN];
                int u = srv / slots;
                if (uAvail[u]) return srv;
                sLink[srv] = uParkHead[u];
                uParkHead[u] = srv;
            }
            return -1;
        }

        void releaseServer(int srv) {
            sState[srv] = FREE;
            int u = srv / slots;
            if (uAvail[u]) {
                free[freeN++] = srv;
            } else {
                sLink[srv] = uParkHead[u];
                uParkHead[u] = srv;
            }
        }

        void activate(int u) {
            accumulate(now);
            uActive[u] = true;
            activeUnits = Math.max(activeUnits, u + 1);
            for (int k = u * slots; k < (u + 1) * slots; k++) {
                sState[k] = FREE;
                sLink[k] = uParkHead[u];
                uParkHead[u] = k;
            }
            updateAvail(u);
            queue.push(now + expMs(rng, spec.mtbfHours() * mtbfFactor), ev(EV_FAILURE, idx, uVersion[u], u));
        }

        void fail(int u, boolean forced, long repairMs) {
            if (!uActive[u] || !uUp[u]) return;
            accumulate(now);
            uUp[u] = false;
            downUnits++;
            blockedOnDown += uBlocked[u];
            updateAvail(u);
            queue.push(now + repairMs, ev(EV_REPAIR, idx, uVersion[u], u));
            emit(new PlantEvent.BreakdownStarted(at(), id, u, forced, Instant.ofEpochMilli(startEpochMs + now + repairMs)));
            markDirty(idx);
        }

        void forceFailure(int u, long repairMs) {
            if (!uActive[u] || !uUp[u]) return;
            uVersion[u]++;               // invalidates the pending natural failure
            fail(u, true, repairMs);
        }

        void repair(int u) {
            if (uUp[u]) return;
            accumulate(now);
            uUp[u] = true;
            downUnits--;
            blockedOnDown -= uBlocked[u];
            updateAvail(u);
            emit(new PlantEvent.RepairCompleted(at(), id, u));
            queue.push(now + expMs(rng, spec.mtbfHours() * mtbfFactor), ev(EV_FAILURE, idx, uVersion[u], u));
            markDirty(idx);
        }

        void shiftChange() {
            long epoch = startEpochMs + now;
            boolean on = spec.shifts().isOnShift(epoch);
            if (on != onShift) {
                accumulate(now);
                onShift = on;
                for (int u = 0; u < activeUnits; u++) updateAvail(u);
            }
            long next = spec.shifts().nextChange(epoch);
            if (next != Long.MAX_VALUE) queue.push(next - startEpochMs, ev(EV_SHIFT, idx, 0, 0));
            markDirty(idx);
        }

        void sampleReadings() {
            Instant t = at();
            if (idx == LAM) {
                emit(new PlantEvent.ReadingSampled(t, id, Setpoints.LAMINATION_TEMPERATURE_C,
                        lamSet + phys.laminationTemperatureSigmaC() * gauss(), "degC"));
            } else if (idx == COR) {
                emit(new PlantEvent.ReadingSampled(t, id, Setpoints.DEW_POINT_C,
                        dewSet + dewExcursion + phys.dewPointNoiseC() * gauss(), "degC"));
            } else {
                double v = busyUp > 0 ? lineSpeed * (1 + 0.005 * gauss()) : 0;
                emit(new PlantEvent.ReadingSampled(t, id, Setpoints.LINE_SPEED_M_PER_MIN, v, "m/min"));
            }
            queue.push(now + readingIntervalMs, ev(EV_READING, idx, 0, 0));
        }

        void applySetpoint(String name, double value) {
            Double prev = setpoints.put(name, value);
            switch (name) {
                case Setpoints.LAMINATION_TEMPERATURE_C -> { if (idx == LAM) lamSet = value; }
                case Setpoints.DEW_POINT_C -> { if (idx == COR) dewSet = value; }
                case Setpoints.MISALIGNMENT_SIGMA_MM -> { if (idx == MAB) misSigma = value; }
                case Setpoints.LINE_SPEED_M_PER_MIN -> {
                    lineSpeed = value;
                    if (lineSpeedNominal > 0) speedFactor = lineSpeedNominal / value;
                }
                default -> { }
            }
            emit(new PlantEvent.SetpointChanged(at(), id, name, prev == null ? Double.NaN : prev, value));
        }

        boolean inputEmpty() { return !inputsAvailable(this); }

        void refreshState() {
            StationState next;
            if (!onShift || activeUnits == 0) next = StationState.IDLE;
            else if (downUnits >= activeUnits) next = StationState.DOWN;
            else if (busyUp > 0) next = StationState.RUNNING;
            else if (blockedN > 0) next = StationState.BLOCKED;
            else if (inputEmpty()) next = StationState.STARVED;
            else next = StationState.IDLE;
            if (next != state) {
                StationState prev = state;
                state = next;
                emit(new PlantEvent.StationStateChanged(at(), id, kind, prev, next));
            }
        }

        void resetStats(long t) {
            accumulate(t);
            heldAtWindowStart = held();
            cIn = cOut = cScrap = 0;
            Arrays.fill(scrapBy, 0);
            tBusy = tBlocked = tDown = tPlanned = 0;
        }

        StationKpis kpis() {
            double planned = tPlanned;
            double avail = planned > 0 ? (planned - tDown) / planned : 0;
            double operating = planned - tDown;
            long done = cOut + cScrap;
            double perf = operating > 0 ? Math.min(1.0, cycleMeanMs * done / operating) : 0;
            double quality = done > 0 ? (double) cOut / done : 1.0;
            double util = planned > 0 ? tBusy / planned : 0;
            double blockedShare = planned > 0 ? tBlocked / planned : 0;
            double downShare = planned > 0 ? tDown / planned : 0;
            double starved = planned > 0 ? Math.max(0, 1 - util - blockedShare - downShare) : 0;
            Map<ScrapCause, Long> by = new EnumMap<>(ScrapCause.class);
            for (int c = 0; c < CAUSES.length; c++) if (scrapBy[c] > 0) by.put(CAUSES[c], scrapBy[c]);
            int buffered = idx == LAM ? rollQ[0].size() + rollQ[1].size() + rollQ[2].size() : in.size();
            return new StationKpis(id, kind, activeUnits, state, cIn, cOut, cScrap, held(), heldAtWindowStart, buffered, by,
                    avail, perf, quality, avail * perf * quality, util, blockedShare, starved, downShare);
        }
    }

    // ======================================================================== item stores (struct of arrays)

    /** Slot allocator with a free list; subclasses grow their arrays in {@link #grow}. */
    private abstract static class Store {
        int capacity;
        int used;
        int[] freeList = new int[64];
        int freeCount;

        Store(int capacity) { this.capacity = capacity; }

        int allocate() {
            if (freeCount > 0) return freeList[--freeCount];
            if (used == capacity) {
                capacity *= 2;
                grow(capacity);
            }
            return used++;
        }

        void release(int slot) {
            if (freeCount == freeList.length) freeList = Arrays.copyOf(freeList, freeCount * 2);
            freeList[freeCount++] = slot;
        }

        abstract void grow(int newCapacity);
    }

    private static final class InlayStore extends Store {
        long[] serial, lamStart, lamEnd, frmStart, frmEnd, corStart, corEnd;
        int[] roll, lamUnit, frmUnit, corUnit;
        double[] lamTemp, dew, dose, sev, cap, res;

        InlayStore(int cap) {
            super(cap);
            grow(cap);
        }

        @Override
        void grow(int n) {
            serial = copy(serial, n); lamStart = copy(lamStart, n); lamEnd = copy(lamEnd, n);
            frmStart = copy(frmStart, n); frmEnd = copy(frmEnd, n); corStart = copy(corStart, n); corEnd = copy(corEnd, n);
            roll = roll == null ? new int[n * 3] : Arrays.copyOf(roll, n * 3);
            lamUnit = copy(lamUnit, n); frmUnit = copy(frmUnit, n); corUnit = copy(corUnit, n);
            lamTemp = copy(lamTemp, n); dew = copy(dew, n); dose = copy(dose, n); sev = copy(sev, n);
            cap = copy(cap, n); res = copy(res, n);
        }
    }

    private static final class CellStore extends Store {
        final int perCell;
        long[] serial, mabStart, mabEnd, fagStart, fagEnd, eolStart, eolEnd;
        int[] inlay, mabUnit, fagUnit, eolUnit;
        double[] mis, sd, cap, res, sev;
        Object[] factors;

        CellStore(int cap, int perCell) {
            super(cap);
            this.perCell = perCell;
            grow(cap);
        }

        @Override
        void grow(int n) {
            serial = copy(serial, n); mabStart = copy(mabStart, n); mabEnd = copy(mabEnd, n);
            fagStart = copy(fagStart, n); fagEnd = copy(fagEnd, n); eolStart = copy(eolStart, n); eolEnd = copy(eolEnd, n);
            inlay = inlay == null ? new int[n * perCell] : Arrays.copyOf(inlay, n * perCell);
            mabUnit = copy(mabUnit, n); fagUnit = copy(fagUnit, n); eolUnit = copy(eolUnit, n);
            mis = copy(mis, n); sd = copy(sd, n); cap = copy(cap, n); res = copy(res, n); sev = copy(sev, n);
            factors = factors == null ? new Object[n] : Arrays.copyOf(factors, n);
        }
    }

    /** Rolls are never released (a few tens of thousands per year). */
    private static final class RollStore {
        int[] unit = new int[256];
        long[] start = new long[256];
        long[] end = new long[256];
        int count;

        int allocate() {
            if (count == unit.length) {
                unit = Arrays.copyOf(unit, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            return count++;
        }

        void set(int roll, int u, long s, long e) {
            unit[roll] = u;
            start[roll] = s;
            end[roll] = e;
        }
    }

    private static long[] copy(long[] a, int n) { return a == null ? new long[n] : Arrays.copyOf(a, n); }

    private static int[] copy(int[] a, int n) { return a == null ? new int[n] : Arrays.copyOf(a, n); }

    private static double[] copy(double[] a, int n) { return a == null ? new double[n] : Arrays.copyOf(a, n); }
}
