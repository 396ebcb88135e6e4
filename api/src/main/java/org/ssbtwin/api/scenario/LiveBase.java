package org.ssbtwin.api.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.LivePack;
import org.ssbtwin.fleet.whatif.Population;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * Copies the live population into the sandbox: the in-service packs of the read side ({@link AssetDirectory}) that
 * match the population filter, a seeded sample of {@code sampleSize} of them, and each one's cells (manufacturing
 * factors) and ageing state from its Pack entity (read-only {@code Get} asks through sharding, in batches, waited for
 * on the scenario job's own thread - never on an actor's). Nothing is written to the live journal.
 *
 * <p>Assumed: the live twin does not record a pack's charging habit, so each pack draws one from the base fleet's mix
 * with its own seeded random number; the production date is taken as the installation date.
 */
public final class LiveBase {
    static final int BATCH = 200;

    private final ClusterSharding sharding;
    private final AssetDirectory directory;
    private final Supplier<java.time.Instant> now;
    private final Duration askTimeout;

    public LiveBase(ClusterSharding sharding, AssetDirectory directory, Supplier<java.time.Instant> now, Duration askTimeout) {
        this.sharding = sharding;
        this.directory = directory;
        this.now = now;
        this.askTimeout = askTimeout;
    }

    public List<LivePack> packs(Population pop, long seed, FleetSpec mixSource, BooleanSupplier cancelled) {
        List<PackSummary> matching = new ArrayList<>();
        List<PackSummary> inService = inServicePacks(); // the read side's packs in service (fleet_pack)
        for (PackSummary p : inService) {
            if (p.status() != PackStatus.IN_SERVICE || model(p.vehicleModel()) == null || climate(p.climate()) == null) {
                continue;
            }
            if (pop.vehicleModel() != null && model(p.vehicleModel()) != pop.vehicleModel()) continue;
            if (pop.climate() != null && climate(p.climate()) != pop.climate()) continue;
            matching.add(p);
        }
        // seeded sample: order by a hash of (seed, pack id), take the first sampleSize (then sort by id)
        matching.sort(Comparator.comparingLong((PackSummary p) -> mix(seed ^ p.id().value().hashCode()))
                .thenComparing(p -> p.id().value()));
        LocalDate today = now.get().atZone(ZoneOffset.UTC).toLocalDate();
        List<LivePack> out = new ArrayList<>();
        double[] cumH = FleetMix.cumulative(mixSource.mix().chargingHabits(), ChargingHabit.values());
        for (int from = 0; from < matching.size() && out.size() < pop.sampleSize(); from += BATCH) {
            if (cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("scenario cancelled");
            List<PackSummary> batch = matching.subList(from, Math.min(matching.size(), from + BATCH));
            List<CompletableFuture<PackEntity.Reply>> asks = new ArrayList<>();
            for (PackSummary p : batch) {
                asks.add(sharding.entityRefFor(PackEntity.TYPE_KEY, p.id().value())
                        .<PackEntity.Reply>ask(PackEntity.Get::new, askTimeout).toCompletableFuture());
            }
            for (int i = 0; i < batch.size() && out.size() < pop.sampleSize(); i++) {
                Pack pack;
                try {
                    pack = asks.get(i).get(askTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS).pack();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read live pack " + batch.get(i).id().value() + ": " + e, e);
                }
                if (pack == null || pack.installedAt() == null) continue;
                LocalDate installed = pack.installedAt().atZone(ZoneOffset.UTC).toLocalDate();
                if (pop.productionFrom() != null && installed.isBefore(pop.productionFrom())) continue;
                if (pop.productionTo() != null && installed.isAfter(pop.productionTo())) continue;
                DriverArchetype a = archetype(pack.archetype());
                SplittableRandom r = new SplittableRandom(mix(seed ^ mix(pack.id().value().hashCode())));
                ChargingHabit h = ChargingHabit.values()[FleetMix.pick(cumH, r.nextDouble())];
                out.add(new LivePack(pack.id().value(), model(pack.vehicleModel()), climate(pack.climate()),
                        a == null ? DriverArchetype.COMMUTER : a, h, installed, pack.cellProfile(), pack.ageing(),
                        today.isBefore(installed) ? installed : today));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidScenarioException("population", "the population matches no live pack in service ("
                    + inService.size() + " packs in service known to the read side)");
        }
        out.sort(Comparator.comparing(LivePack::id));
        return out;
    }

    /** The packs in service per the read-side tables (this runs on a scenario job's thread, never an actor's). */
    private List<PackSummary> inServicePacks() {
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        if (q == null) throw new InvalidScenarioException("population", "the read side is disabled on this node (twin.read-side.enabled): no live packs to sample");
        try {
            return q.inServicePacks().toCompletableFuture().get(askTimeout.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the live packs from the read side: " + e, e);
        }
    }

    static VehicleModel model(String s) {
        if (s == null) return null;
        String k = s.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        for (VehicleModel v : VehicleModel.values()) if (v.name().equals(k)) return v;
        return null;
    }

    static Climate climate(String s) {
        if (s == null) return null;
        for (Climate c : Climate.values()) if (c.name().equalsIgnoreCase(s.trim())) return c;
        return null;
    }

    static DriverArchetype archetype(String s) {
        if (s == null) return null;
        for (DriverArchetype a : DriverArchetype.values()) if (a.name().equalsIgnoreCase(s.trim())) return a;
        return null;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
