package org.ssbtwin.api.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssbtwin.api.design.DesignSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the battery design of designs.conf: the cell, then one CSV row per pack architecture. */
@Command(name = "designs", mixinStandardHelpOptions = true,
        description = "List the cell design and every pack architecture: cells, series, parallel, nominal V, Ah, kWh (CSV).")
public final class DesignsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DesignSheet s = DesignSheet.bundled();
        PrintWriter out = spec.commandLine().getOut();
        DesignSheet.Cell c = s.cell();
        out.println(String.format(Locale.ROOT, "# cell: %s: %d inlays in series, %.1f Ah, %.2f V nominal (%.2f-%.2f V), %.1f Wh, mass %s (%s)",
                c.name(), c.inlaysPerCell(), c.capacityAh(), c.nominalVoltageV(), c.minVoltageV(), c.maxVoltageV(), c.energyWh(),
                c.massKg() == null ? "not published" : c.massKg() + " kg", s.source()));
        out.println("pack,vehicle,format,cells,series,parallel,nominal_v,ah,kwh,published_kwh,deviation_pct");
        for (DesignSheet.Pack p : s.packs()) {
            out.println(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.1f,%.1f,%.2f,%.2f,%+.2f", p.id(), p.vehicle(), p.format(),
                    p.cells(), p.series(), p.parallel(), p.nominalVoltageV(), p.ampHours(), p.energyKWh(), p.publishedKWh(),
                    p.deviationPercent()));
        }
        out.flush();
        return 0;
    }
}
