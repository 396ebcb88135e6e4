package org.ssbtwin.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one validating reader of HOCON and JSON configuration: settings blocks, fleet specs, plant layouts and what-if
 * scenarios. It wraps a {@link Config} and the path prefix of that config inside the document, reads typed values and
 * records every problem instead of failing on the first, so one pass reports them all; {@link #throwIfProblems}
 * turns them into the caller's exception.
 *
 * <p>Every problem names the field's full path and a message that states the rule and the value, rendered as
 * {@code <path> <message>}: {@code stations[3].mtbfHours must be > 0, was -2}, {@code packs must be within [1,
 * 100000000], was 0}, {@code twin.cluster.bootstrap must be on or off, was "maybe"}. Absent and {@code null} fields are
 * the same. Numbers and booleans may be given as strings (HOCON's own conversions, so values from environment
 * variables work).
 *
 * <p>Accessors come in three forms: required ({@code integer(key, min, max)}: a problem when absent, {@code null} when
 * wrong), defaulted ({@code integer(key, dflt, min, max)}: the default when absent or wrong) and optional ({@code
 * optionalInteger(key, min, max)}: {@code null} when absent). Readers of nested objects ({@link #object},
 * {@link #objects}) share the problem list of their parent.
 */
public final class ConfigReader {

    /** One problem: the field's full path and what is wrong, a message stating the rule and the value. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + " " + message;
        }
    }

    /** Allowed numbers: an interval, each end open or closed, either end possibly unbounded (numbers are finite). */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        /** Any finite number. */
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        /** {@code [min, max]} */
        public static Range within(double min, double max) {
            return new Range(min, true, max, true);
        }

        /** {@code >= min} */
        public static Range atLeast(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, false);
        }

        /** {@code > min} */
        public static Range above(double min) {
            return new Range(min, false, Double.POSITIVE_INFINITY, false);
        }

        public boolean contains(double d) {
            return (minIncluded ? d >= min : d > min) && (maxIncluded ? d <= max : d < max);
        }

        /** The rule as a message states it, e.g. {@code within [0, 1)}, {@code > 0}, {@code >= 6}. */
        public String rule() {
            boolean low = Double.isFinite(min);
            boolean high = Double.isFinite(max);
            if (low && high) {
                return "within " + (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
            }
            if (low) {
                return (minIncluded ? ">= " : "> ") + format(min);
            }
            if (high) {
                return (maxIncluded ? "<= " : "< ") + format(max);
            }
            return "finite";
        }
    }

    private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();

    private final Config config;
    private final String prefix;
    private final List<Problem> problems;
    /** Whether numbers may be written as text (settings from environment variables), see {@link #block}. */
    private final boolean textScalars;

    private ConfigReader(Config config, String prefix, List<Problem> problems, boolean textScalars) {
        this.config = config;
        this.prefix = prefix;
        this.problems = problems;
        this.textScalars = textScalars;
    }

    /**
     * A reader of a whole document (a plant layout, a fleet spec, a scenario: files and request bodies); paths are
     * reported as given. Numbers are strict: a number must be a number, so {@code "10"} for a count is refused,
     * never silently converted (switches may be {@code on/off/yes/no}, HOCON's own spelling).
     */
    public static ConfigReader of(Config config) {
        return of(config, "");
    }

    /** A document reader (strict types) of an object at {@code prefix} in its document; paths are reported below it. */
    public static ConfigReader of(Config config, String prefix) {
        return new ConfigReader(config, prefix, new ArrayList<>(), false);
    }

    /**
     * The reader of a required settings block, e.g. {@code twin.read-side}. Settings may come from environment
     * variables, which are text: numbers written as strings ({@code "8080"}) are read.
     *
     * @throws ConfigException naming the path if the block is absent or not an object
     */
    public static ConfigReader block(Config root, String path) {
        ConfigReader top = new ConfigReader(root, "", new ArrayList<>(), true);
        ConfigReader block = top.object(path);
        top.throwIfProblems();
        return block;
    }

    /** The full path of {@code key} ({@code ""}: this object's own path). */
    public String path(String key) {
        if (key.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Whether {@code key} is present and not {@code null}. */
    public boolean has(String key) {
        return value(key) != null;
    }

    /** The type of {@code key}'s value, or {@code null} when absent. */
    public ConfigValueType type(String key) {
        ConfigValue v = value(key);
        return v == null ? null : v.valueType();
    }

    /** This object's own keys. */
    public Set<String> keys() {
        return config.root().keySet();
    }

    /** Records a problem of {@code key} ({@code ""}: of this object); the message states the rule and the value. */
    public void problem(String key, String message) {
        problems.add(new Problem(path(key), message));
    }

    /** Records {@code message} for {@code key} unless {@code ok}. */
    public void check(boolean ok, String key, String message) {
        if (!ok) {
            problem(key, message);
        }
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** @throws ConfigException naming the first problem's path and listing all */
    public void throwIfProblems() {
        throwIfProblems(ConfigException::new);
    }

    /** Throws the exception {@code toException} makes of the problems, if there are any. */
    public <X extends RuntimeException> void throwIfProblems(Function<List<Problem>, X> toException) {
        if (!problems.isEmpty()) {
            throw toException.apply(problems());
        }
    }

    // ---- whole numbers

    /** A required whole number in {@code [min, max]}; {@code null} when absent or wrong. */
    public Integer integer(String key, int min, int max) {
        Long v = whole(key, true, min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    /** A whole number in {@code [min, max]}, {@code dflt} when absent or wrong. */
    public int integer(String key, int dflt, int min, int max) {
        Integer v = optionalInteger(key, min, max);
        return v == null ? dflt : v;
    }

    /** A whole number in {@code [min, max]}, {@code null} when absent or wrong. */
    public Integer optionalInteger(String key, int min, int max) {
        Long v = whole(key, false, min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    /** A required 64-bit whole number in {@code [min, max]}; {@code null} when absent or wrong. */
    public Long longValue(String key, long min, long max) {
        return whole(key, true, min, max, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A 64-bit whole number in {@code [min, max]}, {@code dflt} when absent or wrong. */
    public long longValue(String key, long dflt, long min, long max) {
        Long v = whole(key, false, min, max, Long.MIN_VALUE, Long.MAX_VALUE);
        return v == null ? dflt : v;
    }

    private Long whole(String key, boolean required, long min, long max, long typeMin, long typeMax) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        BigDecimal d = decimal(v);
        if (d == null || d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            problem(key, "must be a whole number, was " + render(v));
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            String rule = min != typeMin && max == typeMax ? ">= " + min
                    : min == typeMin && max != typeMax ? "<= " + max : "within [" + min + ", " + max + "]";
            problem(key, "must be " + rule + ", was " + render(v));
            return null;
        }
        return d.longValueExact();
    }

    // ---- numbers

    /** A required finite number in {@code range}; {@code null} when absent or wrong. */
    public Double number(String key, Range range) {
        return number(key, true, range);
    }

    /** A finite number in {@code range}, {@code dflt} when absent or wrong. */
    public double number(String key, double dflt, Range range) {
        Double v = number(key, false, range);
        return v == null ? dflt : v;
    }

    /** A finite number in {@code range}, {@code null} when absent or wrong. */
    public Double optionalNumber(String key, Range range) {
        return number(key, false, range);
    }

    private Double number(String key, boolean required, Range range) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        BigDecimal b = decimal(v);
        if (b == null && !(v.unwrapped() instanceof Double)) {
            problem(key, "must be a number, was " + render(v));
            return null;
        }
        double d = b == null ? (Double) v.unwrapped() : b.doubleValue();
        if (!Double.isFinite(d)) {
            problem(key, "must be a finite number, was " + render(v));
            return null;
        }
        if (!range.contains(d)) {
            problem(key, "must be " + range.rule() + ", was " + render(v));
            return null;
        }
        return d;
    }

    /** The number a value holds: a number, or (settings only) a string holding one; {@code null} if neither. */
    private BigDecimal decimal(ConfigValue v) {
        try {
            if (v.valueType() == ConfigValueType.NUMBER) {
                return new BigDecimal(v.unwrapped().toString());
            }
            if (v.valueType() == ConfigValueType.STRING && textScalars) {
                return new BigDecimal(((String) v.unwrapped()).trim());
            }
        } catch (NumberFormatException e) {
            // an infinite double or a word: not a number
        }
        return null;
    }

    // ---- booleans, strings, choices

    /** A required boolean ({@code true/false}, {@code on/off}, {@code yes/no}); {@code null} when absent or wrong. */
    public Boolean onOff(String key) {
        return bool(key, true);
    }

    /** A boolean, {@code dflt} when absent or wrong. */
    public boolean onOff(String key, boolean dflt) {
        Boolean b = bool(key, false);
        return b == null ? dflt : b;
    }

    private Boolean bool(String key, boolean required) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        if (v.valueType() == ConfigValueType.BOOLEAN) {
            return (Boolean) v.unwrapped();
        }
        if (v.valueType() == ConfigValueType.STRING) {
            switch (((String) v.unwrapped()).trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes":
                    return true;
                case "false", "off", "no":
                    return false;
                default:
                    break;
            }
        }
        problem(key, "must be on or off, was " + render(v));
        return null;
    }

    /** A required, non-blank string; {@code null} when absent or wrong. */
    public String string(String key) {
        String s = text(key, true);
        if (s != null && s.isBlank()) {
            problem(key, "must not be empty");
            return null;
        }
        return s;
    }

    /**
     * A required, non-blank secret (a string, or a number HOCON read from an unquoted value); no message shows it.
     * {@code null} when absent or wrong.
     */
    public String secret(String key) {
        ConfigValue v = present(key, true);
        if (v == null) {
            return null;
        }
        if (v.valueType() != ConfigValueType.STRING && v.valueType() != ConfigValueType.NUMBER) {
            problem(key, "must be a string (the value is not shown)");
            return null;
        }
        String s = String.valueOf(v.unwrapped());
        check(!s.isBlank(), key, "must not be empty");
        return s.isBlank() ? null : s;
    }

    /** A string (possibly empty), {@code dflt} when absent or wrong. */
    public String string(String key, String dflt) {
        String s = text(key, false);
        return s == null ? dflt : s;
    }

    /** A string (possibly empty), {@code null} when absent or wrong. */
    public String optionalString(String key) {
        return text(key, false);
    }

    /** A required, non-blank string matching {@code pattern}; {@code form} says what it must be, e.g. {@code 64 hex digits}. */
    public String string(String key, Pattern pattern, String form) {
        String s = string(key);
        if (s != null && !pattern.matcher(s).matches()) {
            problem(key, "must be " + form + ", was \"" + s + "\"");
            return null;
        }
        return s;
    }

    /** A required string, one of {@code allowed} (leading and trailing blanks ignored). */
    public String oneOf(String key, Collection<String> allowed) {
        String s = text(key, true);
        return s == null ? null : choice(key, s, allowed);
    }

    /** One of {@code allowed}, {@code dflt} when absent or wrong. */
    public String oneOf(String key, String dflt, Collection<String> allowed) {
        String s = text(key, false);
        String c = s == null ? null : choice(key, s, allowed);
        return c == null ? dflt : c;
    }

    private String choice(String key, String s, Collection<String> allowed) {
        if (!allowed.contains(s.trim())) {
            problem(key, "must be one of " + new TreeSet<>(allowed) + ", was \"" + s + "\"");
            return null;
        }
        return s.trim();
    }

    /** A required enum constant, named in any case; {@code null} when absent or wrong. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = text(key, true);
        return s == null ? null : constant(key, s, type);
    }

    /** An enum constant, {@code null} when absent or wrong. */
    public <E extends Enum<E>> E optionalEnum(String key, Class<E> type) {
        String s = text(key, false);
        return s == null ? null : constant(key, s, type);
    }

    /** Any case, and {@code -} for {@code _} ({@code legitimate-interest} names {@code LEGITIMATE_INTEREST}). */
    private <E extends Enum<E>> E constant(String key, String s, Class<E> type) {
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problem(key, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was \"" + s + "\"");
            return null;
        }
    }

    // ---- time

    /** A required ISO date ({@code 2028-06-01}); {@code null} when absent or wrong. */
    public LocalDate date(String key) {
        return date(key, true);
    }

    /** An ISO date, {@code dflt} when absent or wrong. */
    public LocalDate date(String key, LocalDate dflt) {
        LocalDate d = date(key, false);
        return d == null ? dflt : d;
    }

    /** An ISO date, {@code null} when absent or wrong. */
    public LocalDate optionalDate(String key) {
        return date(key, false);
    }

    private LocalDate date(String key, boolean required) {
        return parsed(key, required, LocalDate::parse, "an ISO date like 2028-06-01");
    }

    /** A required ISO-8601 instant ({@code 2028-01-03T06:00:00Z}); {@code null} when absent or wrong. */
    public Instant instant(String key) {
        return parsed(key, true, Instant::parse, "an ISO-8601 instant like 2028-01-03T06:00:00Z");
    }

    private <T> T parsed(String key, boolean required, Function<String, T> parse, String form) {
        String s = text(key, required);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s.trim());
        } catch (DateTimeParseException e) {
            problem(key, "must be " + form + ", was \"" + s + "\"");
            return null;
        }
    }

    /** A required positive duration in HOCON's form ({@code 500ms}, {@code 5s}, {@code 2m}); {@code null} when absent or wrong. */
    public Duration duration(String key) {
        ConfigValue v = present(key, true);
        if (v == null) {
            return null;
        }
        Duration d;
        try {
            d = ConfigFactory.empty().withValue("d", v).getDuration("d");
        } catch (com.typesafe.config.ConfigException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            problem(key, "must be a positive duration like 500ms or 5s, was " + render(v));
            return null;
        }
        return d;
    }

    // ---- objects and lists

    /** The reader of a required object; {@code null} when absent or wrong. */
    public ConfigReader object(String key) {
        return object(key, true);
    }

    /** The reader of an object, {@code null} when absent or wrong. */
    public ConfigReader optionalObject(String key) {
        return object(key, false);
    }

    private ConfigReader object(String key, boolean required) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        if (v.valueType() != ConfigValueType.OBJECT) {
            problem(key, "must be an object, was " + render(v));
            return null;
        }
        return new ConfigReader(config.getConfig(key), path(key), problems, textScalars);
    }

    /** Readers of a required list of objects, each at {@code key[i]}; {@code null} when absent or wrong. */
    public List<ConfigReader> objects(String key) {
        return objects(key, true);
    }

    /** Readers of a list of objects, empty when absent, {@code null} when wrong. */
    public List<ConfigReader> optionalObjects(String key) {
        return has(key) ? objects(key, false) : List.of();
    }

    private List<ConfigReader> objects(String key, boolean required) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        if (v.valueType() != ConfigValueType.LIST
                || ((ConfigList) v).stream().anyMatch(e -> e.valueType() != ConfigValueType.OBJECT)) {
            problem(key, "must be a list of objects, was " + render(v));
            return null;
        }
        List<? extends Config> list = config.getConfigList(key);
        List<ConfigReader> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new ConfigReader(list.get(i), path(key) + "[" + i + "]", problems, textScalars));
        }
        return out;
    }

    /**
     * A required list of strings, or a comma-separated string (as an environment variable gives it), blanks dropped;
     * each one of {@code allowed} unless that is {@code null}. {@code null} when absent or wrong.
     */
    public List<String> strings(String key, Collection<String> allowed) {
        ConfigValue v = present(key, true);
        if (v == null) {
            return null;
        }
        List<String> raw = new ArrayList<>();
        if (v.valueType() == ConfigValueType.STRING) {
            raw.addAll(Arrays.asList(((String) v.unwrapped()).split(",")));
        } else if (v.valueType() == ConfigValueType.LIST
                && ((ConfigList) v).stream().allMatch(e -> e.valueType() == ConfigValueType.STRING)) {
            ((ConfigList) v).forEach(e -> raw.add((String) e.unwrapped()));
        } else {
            problem(key, "must be a list of strings, was " + render(v));
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (String s : raw) {
            if (s.isBlank()) {
                continue;
            }
            String c = allowed == null ? s.trim() : choice(key, s, allowed);
            ok &= c != null;
            out.add(c);
        }
        return ok ? out : null;
    }

    /** A required list of enum constants, each named in any case and reported at {@code key[i]}; {@code null} when wrong. */
    public <E extends Enum<E>> List<E> enums(String key, Class<E> type) {
        List<String> names = strings(key, null);
        if (names == null) {
            return null;
        }
        List<E> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            E e = constant(key + "[" + i + "]", names.get(i), type);
            if (e == null) {
                return null;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * A required object of {@code NAME = share} whose names are constants of {@code type} and whose shares lie in
     * [0, 1] and sum to 1 (within 1e-6).
     */
    public <E extends Enum<E>> Map<E, Double> shares(String key, Class<E> type) {
        EnumMap<E, Double> out = new EnumMap<>(type);
        ConfigReader m = object(key);
        if (m == null) {
            return out;
        }
        int before = problems.size();
        double sum = 0;
        for (String name : m.keys()) {
            E e;
            try {
                e = Enum.valueOf(type, name);
            } catch (IllegalArgumentException ex) {
                m.problem(name, "is not a known " + type.getSimpleName() + " (known: "
                        + Arrays.toString(type.getEnumConstants()) + ")");
                continue;
            }
            Double d = m.optionalNumber(name, Range.within(0, 1));
            if (d != null) {
                sum += d;
                out.put(e, d);
            }
        }
        if (problems.size() == before) {
            if (out.isEmpty()) {
                problem(key, "must name at least one entry");
            } else if (Math.abs(sum - 1.0) > 1e-6) {
                problem(key, "shares must sum to 1, was " + format(sum));
            }
        }
        return out;
    }

    /** Records every key of this object that is not in {@code known}. */
    public void unknownKeys(Collection<String> known) {
        for (String k : keys()) {
            if (!known.contains(k)) {
                problem(k, "is not a known field (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    // ---- values

    private ConfigValue present(String key, boolean required) {
        ConfigValue v = value(key);
        if (v == null && required) {
            problem(key, "is required");
        }
        return v;
    }

    private String text(String key, boolean required) {
        ConfigValue v = present(key, required);
        if (v == null) {
            return null;
        }
        if (v.valueType() != ConfigValueType.STRING) {
            problem(key, "must be a string, was " + render(v));
            return null;
        }
        return (String) v.unwrapped();
    }

    private ConfigValue value(String key) {
        ConfigValue v;
        try {
            v = config.hasPathOrNull(key) ? config.getValue(key) : null;
        } catch (com.typesafe.config.ConfigException.BadPath e) {
            v = config.root().get(key); // a key that is no path expression, e.g. one holding a space
        } catch (com.typesafe.config.ConfigException e) {
            v = null; // a path through a value that is not an object
        }
        return v == null || v.valueType() == ConfigValueType.NULL ? null : v;
    }

    /** A value as a message shows it: strings quoted, numbers as written. */
    private static String render(ConfigValue v) {
        return v.render(CONCISE);
    }

    /** A number as a message shows it: whole numbers without a fraction. */
    public static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
