package org.ssbtwin.fleet.usage;

import java.util.SplittableRandom;
import org.ssbtwin.fleet.ageing.PackDay;

/**
 * Seeded, reproducible daily usage generator for one pack. Reusable: {@link #reset} re-targets it at a new pack;
 * {@link #next} writes one day into a {@link PackDay} scratch object and allocates nothing (one
 * {@code SplittableRandom.nextLong()} per day feeds the km, weather and DC-charging draws via table lookups).
 *
 * <p>Daily model (all assumed unless stated): energy = km * consumption * HVAC penalty (+1.2 %/K below 15 degC,
 * +0.8 %/K above 25 degC); the driver charges nightly to the habit's target SOC and recharges within the day
 * at the 15 % reserve when the day exceeds the window (then by DC); mean SOC = target - EFC/2 on normal days;
 * DOD = min(EFC, target - reserve). Cell temperature: see {@link BatteryThermalManagement}.
 */
public final class UsageGenerator {
    private SplittableRandom rng;
    private double[] kmTable;
    private double[] week;
    private double[] dayMean;
    private double[] noise;
    private double kWhPer100kmScaled;
    private double ratedKWh;
    private double dcPeakC;
    private double acKW;
    private double invAvgSpeed;
    private double invAcKW;
    private double invDcRate;
    private double target;
    private double reserve;
    private int dcThreshold16;
    private BatteryThermalManagement btms;
    private int dayOfWeek;
    private int dayOfYear;
    private double ambientShiftC;
    private double kmScale = 1.0;

    /**
     * @param dayOfWeekMonday0 day of week of the first generated day (Monday = 0)
     * @param dayOfYear0 day of year of the first generated day (0..364)
     */
    public UsageGenerator reset(SplittableRandom rng, VehicleModel vehicle, Climate climate,
                                DriverArchetype archetype, ChargingHabit habit, BatteryThermalManagement btms,
                                int dayOfWeekMonday0, int dayOfYear0) {
        this.rng = rng;
        this.kmTable = archetype.kmTable();
        this.week = archetype.weekdayFactors();
        this.dayMean = climate.dayMeanTable();
        this.noise = climate.noiseTable();
        this.kWhPer100kmScaled = vehicle.kWhPer100km() * 0.01;
        this.ratedKWh = vehicle.ratedKWh();
        this.dcPeakC = vehicle.dcPeakC();
        this.acKW = vehicle.acChargerKW();
        this.invAvgSpeed = 1.0 / archetype.avgSpeedKmh();
        this.invAcKW = 1.0 / vehicle.acChargerKW();
        this.invDcRate = 1.0 / (0.7 * vehicle.dcPeakC()); // mean DC power assumed 70 % of peak
        this.target = habit.targetSoc();
        this.reserve = habit.reserveSoc();
        this.dcThreshold16 = (int) Math.round(habit.dcDayProbability() * 65536.0);
        this.btms = btms;
        this.dayOfWeek = Math.floorMod(dayOfWeekMonday0, 7);
        this.dayOfYear = Math.floorMod(dayOfYear0, 365);
        this.ambientShiftC = 0.0;
        this.kmScale = 1.0;
        return this;
    }

    /**
     * What-if adjustments after {@link #reset}: ambient temperature shifted by {@code ambientShiftC} kelvin, daily
     * distance scaled by {@code kmFactor}, and (when not NaN) the charge target SOC and the probability of a DC day
     * replaced. The defaults (0, 1, NaN, NaN) leave the generated days bit-identical.
     */
    public UsageGenerator adjust(double ambientShiftC, double kmFactor, double targetSoc, double dcDayProbability) {
        if (!(kmFactor > 0) || !Double.isFinite(ambientShiftC)) {
            throw new IllegalArgumentException("kmFactor must be > 0 and ambientShiftC finite");
        }
        this.ambientShiftC = ambientShiftC;
        this.kmScale = kmFactor;
        if (!Double.isNaN(targetSoc)) {
            this.target = targetSoc;
        }
        if (!Double.isNaN(dcDayProbability)) {
            this.dcThreshold16 = (int) Math.round(dcDayProbability * 65536.0);
        }
        return this;
    }

    /**
     * Generates the next day.
     *
     * @param out scratch day to fill
     * @param capacityFraction the pack's current usable capacity relative to rated (energy per day is fixed by
     *        the driving, so a faded pack cycles more EFC)
     */
    public void next(PackDay out, double capacityFraction) {
        long r = rng.nextLong();
        double km = kmTable[(int) (r & 1023)] * week[dayOfWeek] * kmScale;
        double tAmb = dayMean[dayOfYear] + noise[(int) ((r >>> 10) & 255)] + ambientShiftC;
        double pen = tAmb < 15.0 ? 1.0 + 0.012 * (15.0 - tAmb) : (tAmb > 25.0 ? 1.0 + 0.008 * (tAmb - 25.0) : 1.0);
        double e = km * kWhPer100kmScaled * pen;
        double capKWh = ratedKWh * (capacityFraction > 0.05 ? capacityFraction : 0.05);
        double invCap = 1.0 / capKWh;
        double efc = e * invCap;
        double window = target - reserve;
        boolean dcDay = (int) ((r >>> 18) & 0xFFFF) < dcThreshold16;
        double dcShare;
        double dod;
        double meanSoc;
        if (efc <= window) {
            dod = efc;
            meanSoc = target - 0.5 * efc;
            dcShare = dcDay ? 1.0 : 0.0;
        } else {
            dod = window;
            meanSoc = 0.5 * (target + reserve);
            dcShare = dcDay ? 1.0 : (efc - window) / efc;
        }
        double acC = acKW * invCap;
        double maxC = dcShare > 0.0 ? dcPeakC : acC;
        BatteryThermalManagement b = btms;
        double tPark = tAmb + b.parkedOffsetK();
        double chargeH = e * (dcShare * invDcRate * invCap + (1.0 - dcShare) * invAcKW);
        double activeH = km * invAvgSpeed + chargeH;
        double active = activeH >= 24.0 ? 1.0 : activeH * (1.0 / 24.0);
        double tAct = tPark + b.heatPerEfcK() * efc;
        tAct = tAct < b.activeMinC() ? b.activeMinC() : (tAct > b.activeMaxC() ? b.activeMaxC() : tAct);
        out.km = km;
        out.dischargeKWh = e;
        out.efc = efc;
        out.meanSoc = meanSoc;
        out.dod = dod;
        out.maxChargeC = maxC;
        out.dcShare = dcShare;
        out.meanCellTempC = tPark + active * (tAct - tPark);
        out.chargeCellTempC = dcShare > 0.0 ? Math.max(tAct, b.dcPreconditionC()) : Math.max(tPark, b.acMinChargeC());
        out.ambientC = tAmb;
        dayOfWeek = dayOfWeek == 6 ? 0 : dayOfWeek + 1;
        dayOfYear = dayOfYear == 364 ? 0 : dayOfYear + 1;
    }

    public int dayOfYear() {
        return dayOfYear;
    }

    public int dayOfWeek() {
        return dayOfWeek;
    }
}
