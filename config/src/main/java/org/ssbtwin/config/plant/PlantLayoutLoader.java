package org.ssbtwin.config.plant;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssbtwin.core.config.ConfigReader;
import org.ssbtwin.core.config.ConfigReader.Range;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.design.CellDatasheet;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.design.PackArchitecture;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.CycleTimeDistribution;
import org.ssbtwin.plant.layout.LearningCurve;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.PlannedMaintenance;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.layout.RampPhase;
import org.ssbtwin.plant.layout.RampUp;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.layout.ShiftCalendar;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;

/**
 * Loads a plant layout from HOCON (root object {@code plant}) into the immutable layout records, validating every
 * field first. All problems are collected and reported together, each naming its path relative to {@code plant},
 * e.g. {@code stations[3].mtbfHours must be > 0, was -2}. See {@code plant/dunkirk.conf} for the format.
 */
public final class PlantLayoutLoader {

    /** Bundled full Dunkirk layout (4 GWh/yr ramped, SOP 2028). */
    public static final String DUNKIRK = "plant/dunkirk.conf";
    /** Bundled small demo line. */
    public static final String DUNKIRK_SMALL = "plant/dunkirk-small.conf";

    private static final Pattern SHIFT_PATTERN = Pattern.compile("(\\d)x(\\d{1,2})-(\\d)d");

    private PlantLayoutLoader() {}

    /** Loads a classpath resource, e.g. {@link #DUNKIRK}. */
    public static PlantLayout loadResource(String resource) {
        if (PlantLayoutLoader.class.getClassLoader().getResource(resource) == null) {
            throw new PlantLayoutException(resource, List.of("resource not found on the classpath"));
        }
        return fromConfig(ConfigFactory.parseResources(resource).resolve(), resource);
    }

    public static PlantLayout loadFile(Path file) {
        if (!Files.isRegularFile(file)) throw new PlantLayoutException(file.toString(), List.of("file not found"));
        return fromConfig(ConfigFactory.parseFile(file.toFile()).resolve(), file.toString());
    }

    public static PlantLayout parse(String hocon) {
        Config c;
        try {
            c = ConfigFactory.parseString(hocon).resolve();
        } catch (ConfigException e) {
            throw new PlantLayoutException("(string)", List.of("HOCON syntax: " + e.getMessage()));
        }
        return fromConfig(c, "(string)");
    }

    /** Reads the {@code plant} object of {@code root}. */
    public static PlantLayout fromConfig(Config root, String source) {
        if (!root.hasPath("plant")) throw new PlantLayoutException(source, List.of("plant: missing root object"));
        ConfigReader r = ConfigReader.of(root.getConfig("plant"));
        PlantLayout layout = new Reader(r).layout();
        r.throwIfProblems(problems -> new PlantLayoutException(source, problems.stream().map(ConfigReader.Problem::toString).toList()));
        return layout;
    }

    /** Reads the layout's parts with one {@link ConfigReader}, so one pass reports every problem. */
    private record Reader(ConfigReader root) {

        PlantLayout layout() {
            String site = root.string("site", SITE, "2 to 8 capitals or digits ([A-Z0-9]{2,8})");
            String name = root.string("name", site);
            CellDesign design = cellDesign();
            PhysicsParameters physics = physics();
            RampUp ramp = rampUp();
            List<StationSpec> stations = stations(design);
            if (root.hasProblems()) return null;
            try {
                return new PlantLayout(site, name, stations, design, physics, ramp);
            } catch (IllegalArgumentException e) {
                root.problem("", e.getMessage());
                return null;
            }
        }

        /**
         * The plant's cell design: the cell itself comes from designs.conf (one source; values repeated here must
         * equal it), the roll length is the plant's, and the cells per pack follow {@code packArchitecture} (a pack
         * id of designs.conf) unless {@code cellsPerPack} is given explicitly (demo layouts).
         */
        CellDesign cellDesign() {
            ConfigReader c = root.object("cellDesign");
            if (c == null) return null;
            DesignCatalogue designs = DesignCatalogue.bundled();
            CellDatasheet cell = designs.cell();
            Integer n = c.has("inlaysPerCell") ? c.integer("inlaysPerCell", 1, 64) : Integer.valueOf(cell.inlaysPerCell());
            Double cap = c.has("inlayCapacityAh") ? c.number("inlayCapacityAh", Range.above(0)) : Double.valueOf(cell.inlayCapacityAh());
            Double v = c.has("inlayVoltageV") ? c.number("inlayVoltageV", Range.above(0)) : Double.valueOf(cell.inlayNominalVoltageV());
            Double r = c.has("inlayResistanceMilliOhm") ? c.number("inlayResistanceMilliOhm", Range.above(0)) : Double.valueOf(cell.inlayResistanceMilliOhm());
            sameAsDesigns(c, "inlaysPerCell", n == null ? null : n.doubleValue(), cell.inlaysPerCell(), "inlaysPerCell");
            sameAsDesigns(c, "inlayCapacityAh", cap, cell.inlayCapacityAh(), "inlayCapacityAh");
            sameAsDesigns(c, "inlayVoltageV", v, cell.inlayNominalVoltageV(), "inlayNominalVoltageV");
            sameAsDesigns(c, "inlayResistanceMilliOhm", r, cell.inlayResistanceMilliOhm(), "inlayResistanceMilliOhm");
            Integer roll = c.integer("inlaysPerRoll", 1, Integer.MAX_VALUE);
            PackArchitecture arch = null;
            if (c.has("packArchitecture")) {
                String id = c.string("packArchitecture");
                if (id != null) {
                    arch = designs.architecture(id).orElse(null);
                    c.check(arch != null, "packArchitecture", "must be a pack id of " + DesignCatalogue.RESOURCE + " "
                            + designs.packs().stream().map(PackArchitecture::id).toList() + ", was \"" + id + "\"");
                }
            }
            Integer pack;
            if (c.has("cellsPerPack")) {
                pack = c.integer("cellsPerPack", 1, Integer.MAX_VALUE);
                if (pack != null && arch != null) {
                    c.check(pack == arch.cells(), "cellsPerPack", "must equal the " + arch.id() + " pack's " + arch.cells()
                            + " cells (" + arch.series() + "s" + arch.parallel() + "p), was " + pack);
                }
            } else if (arch != null) {
                pack = arch.cells();
            } else {
                c.check(c.has("packArchitecture"), "packArchitecture", "is required (or cellsPerPack)");
                pack = null;
            }
            if (n == null || cap == null || v == null || r == null || roll == null || pack == null) return null;
            return new CellDesign(n, cap, v, r, roll, pack);
        }

        private static void sameAsDesigns(ConfigReader c, String key, Double value, double designed, String designKey) {
            c.check(value == null || Double.compare(value, designed) == 0, key, "must equal " + DesignCatalogue.RESOURCE
                    + " cell." + designKey + " " + ConfigReader.format(designed) + " (one cell design: change it there), was "
                    + (value == null ? "null" : ConfigReader.format(value)));
        }

        PhysicsParameters physics() {
            ConfigReader c = root.optionalObject("physics");
            PhysicsParameters d = PhysicsParameters.DEFAULTS;
            if (c == null) return d;
            RecordComponent[] comps = PhysicsParameters.class.getRecordComponents();
            Object[] args = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            Set<String> known = new java.util.HashSet<>();
            int before = c.problems().size();
            try {
                for (int i = 0; i < comps.length; i++) {
                    String key = comps[i].getName();
                    known.add(key);
                    types[i] = double.class;
                    args[i] = c.number(key, (double) comps[i].getAccessor().invoke(d), Range.atLeast(0));
                }
                c.unknownKeys(known);
                if (c.problems().size() != before) return d;
                return PhysicsParameters.class.getDeclaredConstructor(types).newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                c.problem("", e.getCause().getMessage());
                return d;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        RampUp rampUp() {
            ConfigReader c = root.object("rampUp");
            if (c == null) return null;
            Instant sop = c.instant("sop");
            LearningCurve lc = LearningCurve.NONE;
            ConfigReader l = c.optionalObject("learning");
            if (l != null) {
                Double s = l.number("initialScrapMultiplier", Range.atLeast(1));
                Double mtbf = l.number("initialMtbfFactor", new Range(0, false, 1, true));
                Double mttr = l.number("initialMttrFactor", Range.atLeast(1));
                Double tau = l.number("timeConstantDays", Range.above(0));
                if (s != null && mtbf != null && mttr != null && tau != null) lc = new LearningCurve(s, mtbf, mttr, tau);
            }
            List<ConfigReader> list = c.objects("phases");
            if (list == null) return null;
            if (list.isEmpty()) { c.problem("phases", "must not be empty"); return null; }
            List<RampPhase> phases = new ArrayList<>();
            Instant prevStart = null;
            double prevShare = -1;
            for (ConfigReader pc : list) {
                String name = pc.string("name");
                Instant start = pc.instant("start");
                Double share = pc.number("capacityShare", Range.within(0, 1));
                if (start != null && prevStart != null && !start.isAfter(prevStart)) pc.problem("start", "must be after the previous phase start " + prevStart + ", was " + start);
                if (share != null && share < prevShare) pc.problem("capacityShare", "must not be below the previous phase's " + ConfigReader.format(prevShare) + ", was " + ConfigReader.format(share));
                if (start != null) prevStart = start;
                if (share != null) prevShare = share;
                if (name != null && start != null && share != null) phases.add(new RampPhase(name, start, share));
            }
            if (sop == null || phases.size() != list.size() || root.hasProblems()) return null;
            return new RampUp(sop, phases, lc);
        }

        List<StationSpec> stations(CellDesign design) {
            List<ConfigReader> list = root.objects("stations");
            if (list == null) return null;
            StationKind[] kinds = StationKind.values();
            if (list.size() != kinds.length) {
                root.problem("stations", "must list exactly one station per kind in flow order " + List.of(kinds) + ", had " + list.size());
            }
            List<StationSpec> out = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                StationSpec s = station(list.get(i), i < kinds.length ? kinds[i] : null, design, ids);
                if (s != null) out.add(s);
            }
            return out;
        }

        StationSpec station(ConfigReader c, StationKind expected, CellDesign design, Set<String> ids) {
            StationId id = null;
            String rawId = c.string("id");
            if (rawId != null) {
                try {
                    id = new StationId(rawId);
                    if (!ids.add(rawId)) c.problem("id", "duplicates another station's id \"" + rawId + "\"");
                } catch (IllegalArgumentException e) {
                    c.problem("id", e.getMessage());
                }
            }
            StationKind kind = c.enumValue("kind", StationKind.class);
            if (kind != null && expected != null && kind != expected) c.problem("kind", "must be " + expected + " (flow order), was " + kind);
            Integer units = c.integer("units", 1, 100_000);
            Integer slots = c.integer("slotsPerUnit", 1, 1, 1_000_000);
            if (units != null && (long) units * slots > 5_000_000L) c.problem("slotsPerUnit", "units x slotsPerUnit must be <= 5000000, was " + (long) units * slots);
            CycleTimeDistribution ct = null;
            ConfigReader ctc = c.object("cycleTime");
            if (ctc != null) {
                Double mean = ctc.number("meanSeconds", Range.above(0));
                double cv = ctc.number("cv", 0, Range.within(0, 5));
                // the only supported distribution
                ctc.oneOf("distribution", "lognormal", Set.of("lognormal"));
                if (mean != null) ct = new CycleTimeDistribution(mean, cv);
            }
            int minBuffer = kind == null || kind.isCoating() ? 0
                    : kind == StationKind.BIPOLAR_STACKING ? design == null ? 1 : design.inlaysPerCell()
                    : kind == StationKind.PACK_ASSEMBLY ? design == null ? 1 : design.cellsPerPack() : 1;
            Integer buffer = c.integer("inputBufferCapacity", minBuffer, Integer.MAX_VALUE);
            Double mtbf = c.number("mtbfHours", Range.above(0));
            Double mttr = c.number("mttrHours", Range.above(0));
            Double scrap = c.number("baseScrapRate", new Range(0, true, 1, false));
            ShiftCalendar shifts = shifts(c);
            Map<String, Double> setpoints = new LinkedHashMap<>();
            ConfigReader sp = c.optionalObject("setpoints");
            if (sp != null) {
                for (String key : sp.keys()) {
                    Range range = key.equals(Setpoints.LINE_SPEED_M_PER_MIN) ? Range.above(0)
                            : key.equals(Setpoints.MISALIGNMENT_SIGMA_MM) ? Range.atLeast(0) : Range.ANY;
                    Double v = sp.number(key, range);
                    if (v != null) setpoints.put(key, v);
                }
            }
            Map<String, ProcessWindow> windows = new LinkedHashMap<>();
            ConfigReader wc = c.optionalObject("processWindows");
            if (wc != null) {
                for (String key : wc.keys()) {
                    ConfigReader w = wc.object(key);
                    if (w == null) continue;
                    Double min = w.number("min", Range.ANY);
                    Double max = w.number("max", Range.ANY);
                    if (min != null && max != null) {
                        if (min > max) w.problem("", "min must be <= max, was [" + ConfigReader.format(min) + ", " + ConfigReader.format(max) + "]");
                        else windows.put(key, new ProcessWindow(min, max));
                    }
                }
            }
            double performanceLoss = c.number("performanceLoss", 0, new Range(0, true, 0.5, false));
            PlannedMaintenance maintenance = maintenance(c);
            if (id == null || kind == null || units == null || ct == null || buffer == null || mtbf == null
                    || mttr == null || scrap == null || shifts == null || maintenance == null) {
                return null;
            }
            return new StationSpec(id, kind, units, slots, ct, buffer, mtbf, mttr, scrap, shifts, setpoints, windows,
                    maintenance, performanceLoss);
        }

        /** {@code maintenance { pmIntervalHours, pmHours, shutdownStart = "MM-DD", shutdownDays }}; absent = none. */
        PlannedMaintenance maintenance(ConfigReader c) {
            ConfigReader m = c.optionalObject("maintenance");
            if (m == null) return c.has("maintenance") ? null : PlannedMaintenance.NONE;
            double interval = m.number("pmIntervalHours", 0, Range.atLeast(0));
            double hours = m.number("pmHours", 0, Range.atLeast(0));
            if (interval > 0 && !(hours > 0 && hours < interval)) {
                m.problem("pmHours", "must be in (0, pmIntervalHours " + ConfigReader.format(interval) + "), was " + ConfigReader.format(hours));
                return null;
            }
            if (interval == 0 && hours != 0) {
                m.problem("pmIntervalHours", "must be > 0 when pmHours is set, was 0");
                return null;
            }
            int days = m.integer("shutdownDays", 0, 0, 60);
            MonthDay start = null;
            if (days > 0) {
                String raw = m.string("shutdownStart", MONTH_DAY, "a month and day like \"08-01\"");
                if (raw == null) return null;
                try {
                    start = MonthDay.parse("--" + raw);
                } catch (DateTimeParseException e) {
                    m.problem("shutdownStart", "must be a valid month and day like \"08-01\", was \"" + raw + "\"");
                    return null;
                }
            }
            return new PlannedMaintenance(interval, hours, start, days);
        }

        ShiftCalendar shifts(ConfigReader c) {
            ConfigValueType type = c.type("shifts");
            if (type == null) return ShiftCalendar.CONTINUOUS;
            if (type == ConfigValueType.STRING) {
                String s = c.string("shifts", SHIFTS, "\"continuous\" or a pattern like \"3x8-7d\" / \"2x8-5d\" (or an object)");
                if (s == null) return null;
                if (s.equals("continuous")) return ShiftCalendar.CONTINUOUS;
                Matcher m = SHIFT_PATTERN.matcher(s);
                m.matches();
                int n = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2)), days = Integer.parseInt(m.group(3));
                if (n < 1 || n * h > 24 || days < 1 || days > 7) {
                    c.problem("shifts", "needs 1..7 days and shifts x hours <= 24, was \"" + s + "\"");
                    return null;
                }
                return new ShiftCalendar(n, h, 6, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.of(days)));
            }
            ConfigReader sc = c.object("shifts");
            if (sc == null) return null;
            Integer n = sc.integer("shiftsPerDay", 1, 24);
            Double h = sc.number("shiftHours", new Range(0, false, 24, true));
            int start = sc.integer("firstShiftStartHour", 6, 0, 23);
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (sc.has("workDays")) {
                List<DayOfWeek> named = sc.enums("workDays", DayOfWeek.class);
                if (named == null) return null;
                if (named.isEmpty()) { sc.problem("workDays", "must not be empty"); return null; }
                days = EnumSet.copyOf(named);
            }
            if (n != null && h != null && n * h > 24.0) sc.problem("", "shiftsPerDay x shiftHours must be <= 24, was " + ConfigReader.format(n * h));
            if (n == null || h == null || n * h > 24.0) return null;
            return new ShiftCalendar(n, h, start, days);
        }
    }

    private static final Pattern SITE = Pattern.compile("[A-Z0-9]{2,8}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern SHIFTS = Pattern.compile("continuous|" + SHIFT_PATTERN.pattern());
}
