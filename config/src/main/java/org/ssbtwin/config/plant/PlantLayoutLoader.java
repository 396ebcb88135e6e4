package org.ssbtwin.config.plant;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.design.CellDatasheet;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.design.PackArchitecture;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.CycleTimeDistribution;
import org.ssbtwin.plant.layout.LearningCurve;
import org.ssbtwin.plant.layout.PhysicsParameters;
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
        Reader r = new Reader(root.getConfig("plant"));
        PlantLayout layout = r.layout();
        if (!r.problems.isEmpty() || layout == null) throw new PlantLayoutException(source, r.problems);
        return layout;
    }

    /** Field reader that records problems instead of throwing, so one pass reports them all. */
    private static final class Reader {
        final Config root;
        final List<String> problems = new ArrayList<>();

        Reader(Config root) { this.root = root; }

        void problem(String path, String msg) { problems.add(path + " " + msg); }

        static String join(String prefix, String key) { return prefix.isEmpty() ? key : prefix + "." + key; }

        Double num(Config c, String prefix, String key, DoublePredicate ok, String rule) {
            String path = join(prefix, key);
            if (!c.hasPath(key)) { problem(path, "is required"); return null; }
            ConfigValue v = c.getValue(key);
            if (v.valueType() != ConfigValueType.NUMBER) {
                problem(path, "must be a number, was " + v.valueType().name().toLowerCase(Locale.ROOT) + " " + v.render());
                return null;
            }
            double d = c.getDouble(key);
            if (!Double.isFinite(d) || !ok.test(d)) { problem(path, "must be " + rule + ", was " + fmt(d)); return null; }
            return d;
        }

        Integer integer(Config c, String prefix, String key, int min, int max) {
            Double d = num(c, prefix, key, x -> true, "");
            if (d == null) return null;
            String path = join(prefix, key);
            if (d != Math.rint(d)) { problem(path, "must be a whole number, was " + fmt(d)); return null; }
            if (d < min || d > max) {
                problem(path, "must be " + (max == Integer.MAX_VALUE ? ">= " + min : "in " + min + ".." + max) + ", was " + fmt(d));
                return null;
            }
            return d.intValue();
        }

        String str(Config c, String prefix, String key) {
            String path = join(prefix, key);
            if (!c.hasPath(key)) { problem(path, "is required"); return null; }
            ConfigValue v = c.getValue(key);
            if (v.valueType() != ConfigValueType.STRING) { problem(path, "must be a string, was " + v.render()); return null; }
            return c.getString(key);
        }

        Instant instant(Config c, String prefix, String key) {
            String s = str(c, prefix, key);
            if (s == null) return null;
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                problem(join(prefix, key), "must be an ISO-8601 instant like 2028-01-03T06:00:00Z, was \"" + s + "\"");
                return null;
            }
        }

        Config obj(Config c, String prefix, String key, boolean required) {
            String path = join(prefix, key);
            if (!c.hasPath(key)) { if (required) problem(path, "is required"); return null; }
            if (c.getValue(key).valueType() != ConfigValueType.OBJECT) { problem(path, "must be an object"); return null; }
            return c.getConfig(key);
        }

        List<? extends Config> list(Config c, String prefix, String key) {
            String path = join(prefix, key);
            if (!c.hasPath(key)) { problem(path, "is required"); return null; }
            if (c.getValue(key).valueType() != ConfigValueType.LIST) { problem(path, "must be a list"); return null; }
            try {
                return c.getConfigList(key);
            } catch (ConfigException.WrongType e) {
                problem(path, "must be a list of objects");
                return null;
            }
        }

        static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }

        PlantLayout layout() {
            String site = str(root, "", "site");
            if (site != null && !site.matches("[A-Z0-9]{2,8}")) problem("site", "must match [A-Z0-9]{2,8}, was \"" + site + "\"");
            String name = root.hasPath("name") ? str(root, "", "name") : site;
            CellDesign design = cellDesign();
            PhysicsParameters physics = physics();
            RampUp ramp = rampUp();
            List<StationSpec> stations = stations(design);
            if (!problems.isEmpty()) return null;
            try {
                return new PlantLayout(site, name, stations, design, physics, ramp);
            } catch (IllegalArgumentException e) {
                problem("plant", e.getMessage());
                return null;
            }
        }

        /**
         * The plant's cell design: the cell itself comes from designs.conf (one source; values repeated here must
         * equal it), the roll length is the plant's, and the cells per pack follow {@code packArchitecture} (a pack
         * id of designs.conf) unless {@code cellsPerPack} is given explicitly (demo layouts).
         */
        CellDesign cellDesign() {
            Config c = obj(root, "", "cellDesign", true);
            if (c == null) return null;
            String p = "cellDesign";
            DesignCatalogue designs = DesignCatalogue.bundled();
            CellDatasheet cell = designs.cell();
            Integer n = c.hasPath("inlaysPerCell") ? integer(c, p, "inlaysPerCell", 1, 64) : Integer.valueOf(cell.inlaysPerCell());
            Double cap = c.hasPath("inlayCapacityAh") ? num(c, p, "inlayCapacityAh", x -> x > 0, "> 0") : Double.valueOf(cell.inlayCapacityAh());
            Double v = c.hasPath("inlayVoltageV") ? num(c, p, "inlayVoltageV", x -> x > 0, "> 0") : Double.valueOf(cell.inlayNominalVoltageV());
            Double r = c.hasPath("inlayResistanceMilliOhm") ? num(c, p, "inlayResistanceMilliOhm", x -> x > 0, "> 0") : Double.valueOf(cell.inlayResistanceMilliOhm());
            sameAsDesigns(p, "inlaysPerCell", n == null ? null : n.doubleValue(), cell.inlaysPerCell(), "inlaysPerCell");
            sameAsDesigns(p, "inlayCapacityAh", cap, cell.inlayCapacityAh(), "inlayCapacityAh");
            sameAsDesigns(p, "inlayVoltageV", v, cell.inlayNominalVoltageV(), "inlayNominalVoltageV");
            sameAsDesigns(p, "inlayResistanceMilliOhm", r, cell.inlayResistanceMilliOhm(), "inlayResistanceMilliOhm");
            Integer roll = integer(c, p, "inlaysPerRoll", 1, Integer.MAX_VALUE);
            PackArchitecture arch = null;
            if (c.hasPath("packArchitecture")) {
                String id = str(c, p, "packArchitecture");
                if (id != null) {
                    arch = designs.architecture(id).orElse(null);
                    if (arch == null) {
                        problem(join(p, "packArchitecture"), "must be a pack id of " + DesignCatalogue.RESOURCE + " "
                                + designs.packs().stream().map(PackArchitecture::id).toList() + ", was \"" + id + "\"");
                    }
                }
            }
            Integer pack;
            if (c.hasPath("cellsPerPack")) {
                pack = integer(c, p, "cellsPerPack", 1, Integer.MAX_VALUE);
                if (pack != null && arch != null && pack != arch.cells()) {
                    problem(join(p, "cellsPerPack"), "must equal the " + arch.id() + " pack's " + arch.cells() + " cells ("
                            + arch.series() + "s" + arch.parallel() + "p), was " + pack);
                }
            } else if (arch != null) {
                pack = arch.cells();
            } else {
                if (!c.hasPath("packArchitecture")) problem(join(p, "packArchitecture"), "is required (or cellsPerPack)");
                pack = null;
            }
            if (n == null || cap == null || v == null || r == null || roll == null || pack == null) return null;
            return new CellDesign(n, cap, v, r, roll, pack);
        }

        private void sameAsDesigns(String prefix, String key, Double value, double designed, String designKey) {
            if (value != null && Double.compare(value, designed) != 0) {
                problem(join(prefix, key), "must equal " + DesignCatalogue.RESOURCE + " cell." + designKey + " " + fmt(designed)
                        + " (one cell design: change it there), was " + fmt(value));
            }
        }

        PhysicsParameters physics() {
            Config c = obj(root, "", "physics", false);
            PhysicsParameters d = PhysicsParameters.DEFAULTS;
            if (c == null) return d;
            RecordComponent[] comps = PhysicsParameters.class.getRecordComponents();
            Object[] args = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            Set<String> known = new java.util.HashSet<>();
            try {
                for (int i = 0; i < comps.length; i++) {
                    String key = comps[i].getName();
                    known.add(key);
                    types[i] = double.class;
                    double value = (double) comps[i].getAccessor().invoke(d);
                    if (c.hasPath(key)) {
                        Double v = num(c, "physics", key, x -> x >= 0, ">= 0");
                        if (v != null) value = v;
                    }
                    args[i] = value;
                }
                for (String key : c.root().keySet()) {
                    if (!known.contains(key)) problem("physics." + key, "is not a known physics parameter");
                }
                if (!problems.isEmpty()) return d;
                return PhysicsParameters.class.getDeclaredConstructor(types).newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                problem("physics", e.getCause().getMessage());
                return d;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        RampUp rampUp() {
            Config c = obj(root, "", "rampUp", true);
            if (c == null) return null;
            Instant sop = instant(c, "rampUp", "sop");
            LearningCurve lc = LearningCurve.NONE;
            Config l = obj(c, "rampUp", "learning", false);
            if (l != null) {
                String p = "rampUp.learning";
                Double s = num(l, p, "initialScrapMultiplier", x -> x >= 1, ">= 1");
                Double mtbf = num(l, p, "initialMtbfFactor", x -> x > 0 && x <= 1, "in (0, 1]");
                Double mttr = num(l, p, "initialMttrFactor", x -> x >= 1, ">= 1");
                Double tau = num(l, p, "timeConstantDays", x -> x > 0, "> 0");
                if (s != null && mtbf != null && mttr != null && tau != null) lc = new LearningCurve(s, mtbf, mttr, tau);
            }
            List<? extends Config> list = list(c, "rampUp", "phases");
            if (list == null) return null;
            if (list.isEmpty()) { problem("rampUp.phases", "must not be empty"); return null; }
            List<RampPhase> phases = new ArrayList<>();
            Instant prevStart = null;
            double prevShare = -1;
            for (int i = 0; i < list.size(); i++) {
                String p = "rampUp.phases[" + i + "]";
                Config pc = list.get(i);
                String name = str(pc, p, "name");
                Instant start = instant(pc, p, "start");
                Double share = num(pc, p, "capacityShare", x -> x >= 0 && x <= 1, "in [0, 1]");
                if (start != null && prevStart != null && !start.isAfter(prevStart)) problem(p + ".start", "must be after the previous phase start " + prevStart + ", was " + start);
                if (share != null && share < prevShare) problem(p + ".capacityShare", "must not be below the previous phase's " + fmt(prevShare) + ", was " + fmt(share));
                if (name != null && name.isBlank()) problem(p + ".name", "must not be blank");
                if (start != null) prevStart = start;
                if (share != null) prevShare = share;
                if (name != null && !name.isBlank() && start != null && share != null) phases.add(new RampPhase(name, start, share));
            }
            if (sop == null || phases.size() != list.size() || !problems.isEmpty()) return null;
            return new RampUp(sop, phases, lc);
        }

        List<StationSpec> stations(CellDesign design) {
            List<? extends Config> list = list(root, "", "stations");
            if (list == null) return null;
            StationKind[] kinds = StationKind.values();
            if (list.size() != kinds.length) {
                problem("stations", "must list exactly one station per kind in flow order " + List.of(kinds) + ", had " + list.size());
            }
            List<StationSpec> out = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                StationSpec s = station(list.get(i), "stations[" + i + "]", i < kinds.length ? kinds[i] : null, design, ids);
                if (s != null) out.add(s);
            }
            return out;
        }

        StationSpec station(Config c, String p, StationKind expected, CellDesign design, Set<String> ids) {
            StationId id = null;
            String rawId = str(c, p, "id");
            if (rawId != null) {
                try {
                    id = new StationId(rawId);
                    if (!ids.add(rawId)) problem(p + ".id", "duplicates another station's id \"" + rawId + "\"");
                } catch (IllegalArgumentException e) {
                    problem(p + ".id", e.getMessage());
                }
            }
            StationKind kind = null;
            String rawKind = str(c, p, "kind");
            if (rawKind != null) {
                try {
                    kind = StationKind.valueOf(rawKind);
                    if (expected != null && kind != expected) problem(p + ".kind", "must be " + expected + " (flow order), was " + kind);
                } catch (IllegalArgumentException e) {
                    problem(p + ".kind", "must be one of " + List.of(StationKind.values()) + ", was \"" + rawKind + "\"");
                }
            }
            Integer units = integer(c, p, "units", 1, 100_000);
            Integer slots = c.hasPath("slotsPerUnit") ? integer(c, p, "slotsPerUnit", 1, 1_000_000) : Integer.valueOf(1);
            if (units != null && slots != null && (long) units * slots > 5_000_000L) problem(p + ".slotsPerUnit", "units x slotsPerUnit must be <= 5000000, was " + (long) units * slots);
            CycleTimeDistribution ct = null;
            Config ctc = obj(c, p, "cycleTime", true);
            if (ctc != null) {
                Double mean = num(ctc, p + ".cycleTime", "meanSeconds", x -> x > 0, "> 0");
                Double cv = ctc.hasPath("cv") ? num(ctc, p + ".cycleTime", "cv", x -> x >= 0 && x <= 5, "in [0, 5]") : Double.valueOf(0);
                if (ctc.hasPath("distribution")) {
                    String dist = str(ctc, p + ".cycleTime", "distribution");
                    if (dist != null && !dist.equals("lognormal")) problem(p + ".cycleTime.distribution", "must be \"lognormal\" (the only supported distribution), was \"" + dist + "\"");
                }
                if (mean != null && cv != null) ct = new CycleTimeDistribution(mean, cv);
            }
            int minBuffer = kind == null || kind.isCoating() ? 0
                    : kind == StationKind.BIPOLAR_STACKING ? design == null ? 1 : design.inlaysPerCell()
                    : kind == StationKind.PACK_ASSEMBLY ? design == null ? 1 : design.cellsPerPack() : 1;
            Integer buffer = integer(c, p, "inputBufferCapacity", minBuffer, Integer.MAX_VALUE);
            Double mtbf = num(c, p, "mtbfHours", x -> x > 0, "> 0");
            Double mttr = num(c, p, "mttrHours", x -> x > 0, "> 0");
            Double scrap = num(c, p, "baseScrapRate", x -> x >= 0 && x < 1, "in [0, 1)");
            ShiftCalendar shifts = shifts(c, p);
            Map<String, Double> setpoints = new LinkedHashMap<>();
            Config sp = obj(c, p, "setpoints", false);
            if (sp != null) {
                for (String key : sp.root().keySet()) {
                    Double v = num(sp, p + ".setpoints", key, x -> true, "");
                    if (v != null) setpoints.put(key, v);
                }
                Double speed = setpoints.get(Setpoints.LINE_SPEED_M_PER_MIN);
                if (speed != null && !(speed > 0)) problem(p + ".setpoints." + Setpoints.LINE_SPEED_M_PER_MIN, "must be > 0, was " + fmt(speed));
                Double sigma = setpoints.get(Setpoints.MISALIGNMENT_SIGMA_MM);
                if (sigma != null && !(sigma >= 0)) problem(p + ".setpoints." + Setpoints.MISALIGNMENT_SIGMA_MM, "must be >= 0, was " + fmt(sigma));
            }
            Map<String, ProcessWindow> windows = new LinkedHashMap<>();
            Config wc = obj(c, p, "processWindows", false);
            if (wc != null) {
                for (String key : wc.root().keySet()) {
                    String wp = p + ".processWindows." + key;
                    Config w = obj(wc, p + ".processWindows", key, true);
                    if (w == null) continue;
                    Double min = num(w, wp, "min", x -> true, "");
                    Double max = num(w, wp, "max", x -> true, "");
                    if (min != null && max != null) {
                        if (min > max) problem(wp, "min must be <= max, was [" + fmt(min) + ", " + fmt(max) + "]");
                        else windows.put(key, new ProcessWindow(min, max));
                    }
                }
            }
            if (id == null || kind == null || units == null || slots == null || ct == null || buffer == null || mtbf == null
                    || mttr == null || scrap == null || shifts == null) {
                return null;
            }
            return new StationSpec(id, kind, units, slots, ct, buffer, mtbf, mttr, scrap, shifts, setpoints, windows);
        }

        ShiftCalendar shifts(Config c, String p) {
            String path = p + ".shifts";
            if (!c.hasPath("shifts")) return ShiftCalendar.CONTINUOUS;
            ConfigValue v = c.getValue("shifts");
            if (v.valueType() == ConfigValueType.STRING) {
                String s = c.getString("shifts");
                if (s.equals("continuous")) return ShiftCalendar.CONTINUOUS;
                Matcher m = SHIFT_PATTERN.matcher(s);
                if (!m.matches()) {
                    problem(path, "must be \"continuous\", a pattern like \"3x8-7d\" / \"2x8-5d\" or an object, was \"" + s + "\"");
                    return null;
                }
                int n = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2)), days = Integer.parseInt(m.group(3));
                if (n < 1 || n * h > 24 || days < 1 || days > 7) {
                    problem(path, "needs 1..7 days and shifts x hours <= 24, was \"" + s + "\"");
                    return null;
                }
                return new ShiftCalendar(n, h, 6, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.of(days)));
            }
            if (v.valueType() != ConfigValueType.OBJECT) { problem(path, "must be a string or an object"); return null; }
            Config sc = c.getConfig("shifts");
            Integer n = integer(sc, path, "shiftsPerDay", 1, 24);
            Double h = num(sc, path, "shiftHours", x -> x > 0 && x <= 24, "in (0, 24]");
            Integer start = sc.hasPath("firstShiftStartHour") ? integer(sc, path, "firstShiftStartHour", 0, 23) : Integer.valueOf(6);
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (sc.hasPath("workDays")) {
                days = EnumSet.noneOf(DayOfWeek.class);
                try {
                    List<String> names = sc.getStringList("workDays");
                    for (int i = 0; i < names.size(); i++) {
                        try {
                            days.add(DayOfWeek.valueOf(names.get(i).toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            problem(path + ".workDays[" + i + "]", "must be a day name like MONDAY, was \"" + names.get(i) + "\"");
                        }
                    }
                } catch (ConfigException.WrongType e) {
                    problem(path + ".workDays", "must be a list of day names");
                }
                if (days.isEmpty()) problem(path + ".workDays", "must not be empty");
            }
            if (n != null && h != null && n * h > 24.0) problem(path, "shiftsPerDay x shiftHours must be <= 24, was " + fmt(n * h));
            if (n == null || h == null || start == null || days.isEmpty() || n * h > 24.0) return null;
            return new ShiftCalendar(n, h, start, days);
        }
    }
}
