package org.ssbtwin.plant.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.id.StationId;

/**
 * Line KPIs from the recorded facts of its stations (counters and time in state), so they hold for the simulated
 * line and for a line fed by an MES alike.
 *
 * <p>OEE = availability x performance x quality with availability = 1 - down share, performance = good-and-scrap
 * output x ideal cycle time / (units x running time) capped at 1, quality = good / (good + scrap). The bottleneck is
 * the station with the highest active share (running + down), ties broken by the least blocked and starved
 * (the "active period" method).
 */
public record LineKpis(Instant asOf, List<StationKpi> stations, StationId bottleneck, double cellsPerDay,
                       double gwhPerYear, double firstPassYield, List<ScrapShare> scrapPareto, long workInProgress) {

    public record StationKpi(StationId station, String kind, StationState state, long in, long out, long scrap,
                             double availability, double performance, double quality, double oee, double utilisation,
                             double blockedShare, double starvedShare, double downShare) {}

    public record ScrapShare(String cause, long count, double share) {}

    /** What the calculation needs to know about one station. */
    public record StationInput(Station station, StationTimeAccount time, double idealCycleSeconds) {}

    /**
     * @param finalStationKind the kind whose good output counts as finished cells (e.g. {@code EOL_TEST})
     * @param cellKwh energy of one cell, kWh
     */
    public static LineKpis compute(List<StationInput> inputs, Instant asOf, String finalStationKind, double cellKwh) {
        List<StationKpi> out = new ArrayList<>();
        Map<String, Long> scrapByCause = new TreeMap<>();
        double fpy = 1;
        long wip = 0;
        double cellsPerDay = 0;
        for (StationInput in : inputs) {
            Station s = in.station();
            StationTimeAccount t = in.time().closedAt(asOf);
            double down = t.share(StationState.DOWN);
            double running = t.share(StationState.RUNNING);
            double runningSeconds = t.millisInState().getOrDefault(StationState.RUNNING, 0L) / 1000.0;
            long scrap = s.scrapTotal();
            double availability = 1 - down;
            double performance = runningSeconds > 0 && in.idealCycleSeconds() > 0
                    ? Math.min(1, (s.unitsOut() + scrap) * in.idealCycleSeconds() / (Math.max(1, s.units()) * runningSeconds)) : 0;
            double quality = s.unitsOut() + scrap > 0 ? s.unitsOut() / (double) (s.unitsOut() + scrap) : 1;
            out.add(new StationKpi(s.id(), s.kind(), s.state(), s.unitsIn(), s.unitsOut(), scrap, availability, performance,
                    quality, availability * performance * quality, running, t.share(StationState.BLOCKED),
                    t.share(StationState.STARVED), down));
            s.scrapByCause().forEach((cause, n) -> scrapByCause.merge(cause, n, Long::sum));
            fpy *= quality;
            wip += Math.max(0, s.unitsIn() - s.unitsOut() - scrap);
            if (s.kind() != null && s.kind().equals(finalStationKind)) {
                double days = t.totalMillis() / 86_400_000.0;
                cellsPerDay = days > 0 ? s.unitsOut() / days : 0;
            }
        }
        StationId bottleneck = out.stream()
                .max(Comparator.comparingDouble((StationKpi k) -> k.utilisation() + k.downShare())
                        .thenComparingDouble(k -> -(k.blockedShare() + k.starvedShare())))
                .map(StationKpi::station).orElse(null);
        long totalScrap = scrapByCause.values().stream().mapToLong(Long::longValue).sum();
        List<ScrapShare> pareto = scrapByCause.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new ScrapShare(e.getKey(), e.getValue(), totalScrap == 0 ? 0 : e.getValue() / (double) totalScrap))
                .toList();
        return new LineKpis(asOf, List.copyOf(out), bottleneck, cellsPerDay, cellsPerDay * 365 * cellKwh / 1e6, fpy, pareto, wip);
    }
}
