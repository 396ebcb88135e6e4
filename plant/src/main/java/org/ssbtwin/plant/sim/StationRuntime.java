package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.layout.PlannedMaintenance;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.station.StationState;

/**
 * One station while the line runs: its units (machines) of {@code slotsPerUnit} slots, their availability (ramp
 * activation, failures and repairs, shifts), the jobs on the slots, the input buffer, the flow of finished items
 * downstream (or blocking on the slot when the downstream buffer is full), the time shares and counters behind its
 * KPIs, and its line-speed setpoint. What a job does to an item depends on the station kind: {@link #step}.
 *
 * <p>Jobs on a failed or off-shift unit pause and resume (preempt-resume): a unit's clock only runs while it is
 * available, and a job is done when the unit clock has advanced by the job's sampled cycle time.
 */
final class StationRuntime {
    static final byte FREE = 0, BUSY = 1, BLOCKED = 2, INACTIVE = 3;
    private static final int NONE = -1;

    final int idx;
    final StationSpec spec;
    final StationKind kind;
    final StationId id;
    final StationId[] unitIds;
    final int units, slots, servers;
    final SplittableRandom rng;
    /** Mean cycle of a job (ideal cycle slowed by the performance losses) and the ideal cycle, ms. */
    final double cycleMeanMs, idealCycleMs;
    private static final int CYCLE_QUANTILE_BITS = 12;
    private static final int CYCLE_QUANTILES = 1 << CYCLE_QUANTILE_BITS;
    /** The cycle's quantiles relative to its mean (see {@link #sampleCycleMs}). */
    private final double[] cycleFactor;
    final PlannedMaintenance maintenance;
    final boolean constantCycle;
    final PendingEvents jobQueue;
    final double baseScrapRate;
    final int baseCause;
    final int inCap;
    private final EventCalendar calendar;
    private final LearningFactors learning;
    private final long readingIntervalMs;
    /** The kind's process step; set once when the line is wired. */
    ProcessStep step;
    /** Where finished items go: the next station and its buffer; null at the end of the line. */
    private StationRuntime downstream;
    private IntRing downstreamBuffer;
    double speedFactor = 1;
    /**
     * The cycles in ms the quantile table gives at the current {@link #speedFactor} (exactly what
     * {@link #sampleCycleMs} would compute): 2 bytes per entry when they fit (the short-cycle stations: 8 KB instead of
     * 32 KB of doubles, so the hot stations' tables stay in the first-level cache), else 4; both null when stale.
     */
    private char[] cycleMsChars;
    private int[] cycleMsInts;
    int activeUnits;

    // slots ("servers"): one 64-byte record per slot in `job` (cycle needed, unit clock at start, job start, state
    // and item, the value of the item the step keeps on the slot: see FormationAgeingStep.complete), so an event
    // of the 480,000-slot formation/ageing station misses the cache once, not once per attribute; and the
    // free/suspended/parked list link
    private static final int NEED = 0, CLOCK = 1, START = 2, STATE_ITEM = 3, ITEM_VALUE = 4, STRIDE = 8;
    /** Records start at index 6 (byte 64 of the array, after its 16-byte header): records align with cache lines. */
    private static final int JOB_BASE = 6;
    private final long[] job;
    final int[] sLink;
    // units
    final boolean[] uUp, uActive, uAvail, uPm;
    final long[] uClockBase, uClockSince;
    final int[] uBusy, uSuspHead, uParkHead;
    final int[] uVersion;
    final int[] uPhase;          // ramp phase that brought the unit into service (its learning curve)
    final int[] uBlocked;
    final int[] free;
    int freeN;

    final IntRing in;
    final IntRing blocked;

    // KPI counters and time shares (unit-slot ms) over the statistics window
    long cIn, cOut, cScrap;
    final long[] scrapBy = new long[LineItems.CAUSES.length];
    long heldAtWindowStart;
    // downUnits: failed units not in PM; pmUnits: units in PM (failed or not); blockedOn*: blocked slots on them
    int busyUp, blockedN, downUnits, blockedOnDown, pmUnits, blockedOnPm;
    /** Scheduled: on shift and not in the annual shutdown (SEMI E10: not "non-scheduled time"). */
    boolean onShift;
    private long lastAcc;
    double tBusy, tBlocked, tDown, tMaint, tPlanned;
    StationState state = StationState.IDLE;

    final Map<String, Double> setpoints;
    double lineSpeed;
    final double lineSpeedNominal;


    StationRuntime(int idx, StationSpec spec, SplittableRandom rng, EventCalendar calendar, LearningFactors learning,
                   long readingIntervalMs) {
        this.idx = idx;
        this.spec = spec;
        this.kind = spec.kind();
        this.id = spec.id();
        this.units = spec.units();
        this.slots = spec.slotsPerUnit();
        this.servers = units * slots;
        this.rng = rng;
        this.calendar = calendar;
        this.learning = learning;
        this.readingIntervalMs = readingIntervalMs;
        this.unitIds = new StationId[units];
        for (int u = 0; u < units; u++) unitIds[u] = spec.unitId(u);
        this.cycleMeanMs = spec.meanCycleSeconds() * 1000.0;
        this.idealCycleMs = spec.cycleTime().meanSeconds() * 1000.0;
        this.maintenance = spec.maintenance();
        this.cycleFactor = cycleFactors(spec);
        tabulateCycles();
        this.constantCycle = spec.cycleTime().cv() == 0;
        this.jobQueue = calendar.jobQueueFor(cycleMeanMs, servers);
        if (jobQueue != calendar.near) calendar.farStation(this);
        this.baseScrapRate = spec.baseScrapRate();
        this.baseCause = ScrapCause.baseCauseOf(kind).ordinal();
        this.inCap = spec.inputBufferCapacity();
        job = new long[JOB_BASE + STRIDE * servers];
        for (int k = 0; k < servers; k++) setState(k, INACTIVE);
        sLink = new int[servers];
        uUp = new boolean[units];
        Arrays.fill(uUp, true);
        uActive = new boolean[units];
        uAvail = new boolean[units];
        uPm = new boolean[units];
        uClockBase = new long[units];
        uClockSince = new long[units];
        uBusy = new int[units];
        uBlocked = new int[units];
        uSuspHead = new int[units];
        uParkHead = new int[units];
        Arrays.fill(uSuspHead, NONE);
        Arrays.fill(uParkHead, NONE);
        uVersion = new int[units];
        uPhase = new int[units];
        free = new int[servers];
        in = new IntRing(Math.min(Math.max(inCap, 4), 1 << 16));
        blocked = new IntRing(16);
        setpoints = new HashMap<>(spec.setpoints());
        lineSpeed = lineSpeedNominal = spec.setpoint(Setpoints.LINE_SPEED_M_PER_MIN, 0);
    }

    /** Finished items of this station go into {@code buffer} of {@code next}. */
    void connect(StationRuntime next, IntRing buffer) {
        this.downstream = next;
        this.downstreamBuffer = buffer;
    }

    /**
     * Standard normal on the station's stream, deterministic: the JDK's ziggurat sampler
     * ({@link java.util.random.RandomGenerator#nextGaussian()}, McFarland's modified ziggurat: one {@code nextLong} and
     * a table look-up for ~98 % of the draws), ~3x faster than the Marsaglia polar method it replaced (a logarithm, a
     * square root and ~2.5 uniforms per pair) and exact in distribution.
     */
    double gauss() {
        return rng.nextGaussian();
    }

    /**
     * A job's cycle: the lognormal drawn from a table of its {@value #CYCLE_QUANTILES} quantiles at the mid-points
     * (i + 0.5) / {@value #CYCLE_QUANTILES}, scaled to mean 1 (one random index per job instead of a normal deviate and
     * an exponential per job). The table reaches 3.7 sigma, enough for
     * the cv <= 0.1 of the line's cycles.
     */
    long sampleCycleMs() {
        if (constantCycle) return Math.max(1L, (long) (cycleMeanMs * speedFactor + 0.5));
        int i = (int) (rng.nextLong() >>> (64 - CYCLE_QUANTILE_BITS));
        char[] c = cycleMsChars;
        if (c != null) return c[i];
        int[] n = cycleMsInts;
        if (n != null) return n[i];
        return cycleMsFromTable(i);
    }

    private long cycleMsFromTable(int i) {
        double mean = cycleMeanMs * speedFactor;
        return Math.max(1L, (long) (mean * cycleFactor[i] + 0.5));
    }

    /** Fills {@link #cycleMsChars} or {@link #cycleMsInts} for the current speed factor (neither if a cycle exceeds an int). */
    private void tabulateCycles() {
        double mean = cycleMeanMs * speedFactor;
        long[] ms = new long[CYCLE_QUANTILES];
        long max = 0;
        for (int k = 0; k < CYCLE_QUANTILES; k++) max = Math.max(max, ms[k] = Math.max(1L, (long) (mean * cycleFactor[k] + 0.5)));
        if (max <= Character.MAX_VALUE) {
            char[] c = new char[CYCLE_QUANTILES];
            for (int k = 0; k < CYCLE_QUANTILES; k++) c[k] = (char) ms[k];
            cycleMsChars = c;
        } else if (max <= Integer.MAX_VALUE) {
            int[] n = new int[CYCLE_QUANTILES];
            for (int k = 0; k < CYCLE_QUANTILES; k++) n[k] = (int) ms[k];
            cycleMsInts = n;
        }
    }

    /** Sets the speed factor; the tabulated cycles are re-built for it. */
    private void speedFactor(double f) {
        speedFactor = f;
        cycleMsChars = null;
        cycleMsInts = null;
        tabulateCycles();
    }

    private static double[] cycleFactors(StationSpec spec) {
        double[] f = new double[CYCLE_QUANTILES];
        double sum = 0;
        for (int i = 0; i < CYCLE_QUANTILES; i++) {
            f[i] = spec.cycleTime().quantile((i + 0.5) / CYCLE_QUANTILES) / spec.cycleTime().meanSeconds();
            sum += f[i];
        }
        double mean = sum / CYCLE_QUANTILES;
        for (int i = 0; i < CYCLE_QUANTILES; i++) f[i] /= mean;
        return f;
    }

    /** When the job on slot {@code srv} started (ms since the simulation start). */
    long jobStart(int srv) { return job[JOB_BASE + STRIDE * srv + START]; }

    /** The value of its item the step kept on slot {@code srv} when the job started. */
    long itemValueKept(int srv) { return job[JOB_BASE + STRIDE * srv + ITEM_VALUE]; }

    private int item(int srv) { return (int) job[JOB_BASE + STRIDE * srv + STATE_ITEM]; }

    private void setState(int srv, byte state) {
        int r = JOB_BASE + STRIDE * srv + STATE_ITEM;
        job[r] = ((long) state << 32) | (job[r] & 0xFFFFFFFFL);
    }

    /** Items on the slots (in process or blocked). */
    int held() {
        int n = 0;
        for (int u = 0; u < activeUnits; u++) n += uBusy[u];
        return n + blockedN;
    }

    long clock(int u, long t) {
        return uClockBase[u] + (uAvail[u] ? t - uClockSince[u] : 0);
    }

    /** Adds the time since the last call to the time shares. */
    void accumulate(long t) {
        long dt = t - lastAcc;
        if (dt <= 0) return;
        lastAcc = t;
        if (!onShift || activeUnits == 0) return;
        tPlanned += (double) activeUnits * slots * dt;
        tBusy += (double) busyUp * dt;
        tBlocked += (double) blockedN * dt;
        tDown += (double) (downUnits * slots - blockedOnDown) * dt;
        if (pmUnits > 0) tMaint += (double) (pmUnits * slots - blockedOnPm) * dt;
    }

    // ---------------------------------------------------------------- flow of items

    /** Starts jobs on free slots while inputs are available, then refreshes the aggregate state. */
    void tryStart() {
        if (onShift && activeUnits > 0) {
            while (step.inputsAvailable()) {
                int srv = popFree();
                if (srv < 0) break;
                startJob(srv);
            }
        }
        refreshState();
    }

    private void startJob(int srv) {
        int item = step.takeInputs(srv);
        long now = calendar.now;
        accumulate(now);
        int u = srv / slots;
        long need = sampleCycleMs();
        int r = JOB_BASE + STRIDE * srv;
        long[] j = job;
        j[r + NEED] = need;
        j[r + CLOCK] = clock(u, now);
        j[r + START] = now;
        j[r + STATE_ITEM] = ((long) BUSY << 32) | (item & 0xFFFFFFFFL);
        if (step instanceof FormationAgeingStep fag) j[r + ITEM_VALUE] = fag.valueKeptOnSlot(item);
        uBusy[u]++;
        busyUp++;
        cIn++;
        jobQueue.push(now + need, EventCalendar.encode(EventCalendar.JOB_DONE, idx, 0, srv));
    }

    /** Moves this station's blocked items into {@code target} (a buffer of the next station) while it has space. */
    void releaseBlockedInto(IntRing target, int capacity) {
        boolean moved = false;
        while (!blocked.isEmpty() && target.size() < capacity) {
            int srv = blocked.poll();
            accumulate(calendar.now);
            target.add(item(srv));
            blockedN--;
            int bu = srv / slots;
            uBlocked[bu]--;
            if (uPm[bu]) blockedOnPm--;
            else if (!uUp[bu]) blockedOnDown--;
            cOut++;
            releaseServer(srv);
            moved = true;
        }
        if (moved) calendar.markDirty(idx);
    }

    /** Sum of what {@link #prefetch} loaded, kept so the loads are not optimised away; never read. */
    private long prefetched;

    /** Loads slot {@code srv}'s record into the cache ahead of the job's completion; changes no simulation state. */
    void prefetch(int srv) {
        prefetched += job[JOB_BASE + STRIDE * srv + STATE_ITEM];
    }

    void onJobDone(int srv) {
        int r = JOB_BASE + STRIDE * srv;
        long[] j = job;
        long stateItem = j[r + STATE_ITEM];
        if ((byte) (stateItem >>> 32) != BUSY) return;
        long now = calendar.now;
        int u = srv / slots;
        long got = clock(u, now) - j[r + CLOCK];
        long need = j[r + NEED];
        if (got < need) {
            if (uAvail[u]) jobQueue.push(now + (need - got), EventCalendar.encode(EventCalendar.JOB_DONE, idx, 0, srv));
            else suspend(u, srv);
            return;
        }
        accumulate(now);
        uBusy[u]--;
        if (uAvail[u]) busyUp--;
        int item = (int) stateItem;
        boolean baseScrap = baseScrapRate > 0 && rng.nextDouble() < baseScrapRate * learning.scrap[uPhase[u]];
        int cause = step.complete(srv, u, item, baseScrap);
        calendar.markDirty(idx);
        if (cause >= 0) {
            cScrap++;
            scrapBy[cause]++;
            releaseServer(srv);
            return;
        }
        StationRuntime d = downstream;
        if (d == null) {
            cOut++;
            releaseServer(srv);
            return;
        }
        IntRing target = downstreamBuffer;
        if (target.size() < d.inCap && blocked.isEmpty()) {
            target.add(item);
            cOut++;
            releaseServer(srv);
            calendar.markDirty(d.idx);
        } else {
            setState(srv, BLOCKED);
            blockedN++;
            uBlocked[u]++;
            if (uPm[u]) blockedOnPm++;
            else if (!uUp[u]) blockedOnDown++;
            blocked.add(srv);
        }
    }

    // ---------------------------------------------------------------- slots and units

    private void setAvail(int u, boolean avail) {
        if (uAvail[u] == avail) return;
        long now = calendar.now;
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
                int r = JOB_BASE + STRIDE * srv;
                long got = clock(u, now) - job[r + CLOCK];
                jobQueue.push(now + Math.max(0, job[r + NEED] - got), EventCalendar.encode(EventCalendar.JOB_DONE, idx, 0, srv));
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
        calendar.markDirty(idx);
    }

    private void updateAvail(int u) { setAvail(u, uActive[u] && uUp[u] && !uPm[u] && onShift); }

    private void suspend(int u, int srv) {
        sLink[srv] = uSuspHead[u];
        uSuspHead[u] = srv;
    }

    private int popFree() {
        while (freeN > 0) {
            int srv = free[--freeN];
            int u = srv / slots;
            if (uAvail[u]) return srv;
            sLink[srv] = uParkHead[u];
            uParkHead[u] = srv;
        }
        return -1;
    }

    private void releaseServer(int srv) {
        setState(srv, FREE);
        int u = srv / slots;
        if (uAvail[u]) {
            free[freeN++] = srv;
        } else {
            sLink[srv] = uParkHead[u];
            uParkHead[u] = srv;
        }
    }

    /** Brings unit {@code u} into service in ramp phase {@code phase} (its learning curve) and schedules its first failure. */
    void activate(int u, int phase) {
        uPhase[u] = phase;
        long now = calendar.now;
        accumulate(now);
        uActive[u] = true;
        activeUnits = Math.max(activeUnits, u + 1);
        for (int k = u * slots; k < (u + 1) * slots; k++) {
            setState(k, FREE);
            sLink[k] = uParkHead[u];
            uParkHead[u] = k;
        }
        updateAvail(u);
        calendar.unitEvents.push(now + EventCalendar.expMs(rng, spec.mtbfHours() * learning.mtbf[uPhase[u]]),
                EventCalendar.encode(EventCalendar.FAILURE, idx, uVersion[u], u));
        if (maintenance.hasPm()) {
            long pm = maintenance.nextPmStart(u, units, calendar.startEpochMs + now) - calendar.startEpochMs;
            calendar.unitEvents.push(pm, EventCalendar.encode(EventCalendar.PM_START, idx, 0, u));
        }
    }

    /** A PM window of unit {@code u} starts: the unit stops (its jobs pause) until the window ends; the next one is scheduled. */
    void onPmStart(int u) {
        long now = calendar.now;
        long end = now + maintenance.pmMs();
        calendar.unitEvents.push(now + maintenance.pmIntervalMs(), EventCalendar.encode(EventCalendar.PM_START, idx, 0, u));
        calendar.unitEvents.push(end, EventCalendar.encode(EventCalendar.PM_END, idx, 0, u));
        accumulate(now);
        if (!uUp[u]) {
            downUnits--;
            blockedOnDown -= uBlocked[u];
        }
        uPm[u] = true;
        pmUnits++;
        blockedOnPm += uBlocked[u];
        updateAvail(u);
        calendar.emit(new PlantEvent.MaintenanceStarted(calendar.at(), id, u, PlantEvent.MaintenanceStarted.PREVENTIVE,
                calendar.instant(end)));
        calendar.markDirty(idx);
    }

    /** A PM window of unit {@code u} ends: the unit runs again (unless it is broken down). */
    void onPmEnd(int u) {
        if (!uPm[u]) return;
        long now = calendar.now;
        accumulate(now);
        uPm[u] = false;
        pmUnits--;
        blockedOnPm -= uBlocked[u];
        if (!uUp[u]) {
            downUnits++;
            blockedOnDown += uBlocked[u];
        }
        updateAvail(u);
        calendar.emit(new PlantEvent.MaintenanceCompleted(calendar.at(), id, u));
        calendar.markDirty(idx);
    }

    /** A natural failure fell due; ignored if it was superseded by a forced one. */
    void onFailureDue(int u, int version) {
        if (version == (uVersion[u] & 0xFFFF)) fail(u, false, EventCalendar.expMs(rng, spec.mttrHours() * learning.mttr[uPhase[u]]));
    }

    /** A repair fell due; ignored if it belongs to a superseded failure. */
    void onRepairDue(int u, int version) {
        if (version == (uVersion[u] & 0xFFFF)) repair(u);
    }

    private void fail(int u, boolean forced, long repairMs) {
        if (!uActive[u] || !uUp[u]) return;
        long now = calendar.now;
        accumulate(now);
        uUp[u] = false;
        if (!uPm[u]) {
            downUnits++;
            blockedOnDown += uBlocked[u];
        }
        updateAvail(u);
        calendar.unitEvents.push(now + repairMs, EventCalendar.encode(EventCalendar.REPAIR, idx, uVersion[u], u));
        calendar.emit(new PlantEvent.BreakdownStarted(calendar.at(), id, u, forced, calendar.instant(now + repairMs)));
        calendar.markDirty(idx);
    }

    void forceFailure(int u, long repairMs) {
        if (!uActive[u] || !uUp[u]) return;
        uVersion[u]++;               // invalidates the pending natural failure
        fail(u, true, repairMs);
    }

    private void repair(int u) {
        if (uUp[u]) return;
        long now = calendar.now;
        accumulate(now);
        uUp[u] = true;
        if (!uPm[u]) {
            downUnits--;
            blockedOnDown -= uBlocked[u];
        }
        updateAvail(u);
        calendar.emit(new PlantEvent.RepairCompleted(calendar.at(), id, u));
        calendar.unitEvents.push(now + EventCalendar.expMs(rng, spec.mtbfHours() * learning.mtbf[uPhase[u]]),
                EventCalendar.encode(EventCalendar.FAILURE, idx, uVersion[u], u));
        calendar.markDirty(idx);
    }

    void shiftChange() {
        long now = calendar.now;
        long epoch = calendar.startEpochMs + now;
        boolean on = scheduledAt(epoch);
        if (on != onShift) {
            accumulate(now);
            onShift = on;
            for (int u = 0; u < activeUnits; u++) updateAvail(u);
        }
        long next = nextScheduleChange(epoch);
        if (next != Long.MAX_VALUE) calendar.near.push(next - calendar.startEpochMs, EventCalendar.encode(EventCalendar.SHIFT, idx, 0, 0));
        calendar.markDirty(idx);
    }

    /** Whether the station is scheduled at {@code epochMs}: on shift and not in the annual shutdown. */
    boolean scheduledAt(long epochMs) {
        return spec.shifts().isOnShift(epochMs) && !maintenance.inShutdown(epochMs);
    }

    /** The next epoch ms after {@code epochMs} at which a shift or the annual shutdown starts or ends (MAX_VALUE if never). */
    long nextScheduleChange(long epochMs) {
        return Math.min(spec.shifts().nextChange(epochMs), maintenance.nextShutdownChange(epochMs));
    }

    // ---------------------------------------------------------------- readings and setpoints

    boolean hasReadings() { return step.hasReadings(); }

    void sampleReadings() {
        Instant t = calendar.at();
        step.sampleReading(t);
        calendar.near.push(calendar.now + readingIntervalMs, EventCalendar.encode(EventCalendar.READING, idx, 0, 0));
    }

    void applySetpoint(String name, double value) {
        Double prev = setpoints.put(name, value);
        if (Setpoints.LINE_SPEED_M_PER_MIN.equals(name)) {
            lineSpeed = value;
            if (lineSpeedNominal > 0) speedFactor(lineSpeedNominal / value);
        } else {
            step.applySetpoint(name, value);
        }
        calendar.emit(new PlantEvent.SetpointChanged(calendar.at(), id, name, prev == null ? Double.NaN : prev, value));
    }

    // ---------------------------------------------------------------- aggregate state and statistics

    void refreshState() {
        StationState next;
        if (!onShift || activeUnits == 0) next = StationState.IDLE;
        else if (downUnits + pmUnits >= activeUnits) next = StationState.DOWN;
        else if (busyUp > 0) next = StationState.RUNNING;
        else if (blockedN > 0) next = StationState.BLOCKED;
        else if (!step.inputsAvailable()) next = StationState.STARVED;
        else next = StationState.IDLE;
        if (next != state) {
            StationState prev = state;
            state = next;
            calendar.emit(new PlantEvent.StationStateChanged(calendar.at(), id, kind, prev, next, reason(next)));
        }
    }

    private String reason(StationState st) {
        return switch (st) {
            case IDLE -> activeUnits == 0 ? "not in service" : !onShift
                    ? (maintenance.inShutdown(calendar.startEpochMs + calendar.now) ? "annual shutdown" : "off shift") : "idle";
            case DOWN -> downUnits == 0 ? "planned maintenance" : pmUnits == 0 ? "breakdown" : "breakdown and planned maintenance";
            case RUNNING -> "running";
            case BLOCKED -> "downstream buffer full";
            case STARVED -> "waiting for input";
        };
    }

    void resetStats(long t) {
        accumulate(t);
        heldAtWindowStart = held();
        cIn = cOut = cScrap = 0;
        Arrays.fill(scrapBy, 0);
        tBusy = tBlocked = tDown = tMaint = tPlanned = 0;
    }
}
