package org.ssbtwin.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.config.ConfigReader.Problem;
import org.ssbtwin.core.config.ConfigReader.Range;

class ConfigReaderTest {
    enum Colour { RED, GREEN, BLUE }

    static ConfigReader reader(String hocon) {
        return ConfigReader.of(ConfigFactory.parseString(hocon).resolve(), "doc");
    }

    /** The problems, each rendered as {@code <path> <message>}. */
    static List<String> problems(ConfigReader r) {
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void integersAreRequiredDefaultedOrOptionalAndRangeChecked() {
        ConfigReader settings = ConfigReader.block(com.typesafe.config.ConfigFactory.parseString("twin { port = \"7\" }"), "twin");
        assertEquals(7, settings.integer("port", 1, 10), "a numeric string in settings, as an environment variable gives it");
        ConfigReader doc = reader("b = \"7\"");
        assertNull(doc.integer("b", 1, 10), "a document (a request body, a layout file) must give a number as a number");
        assertEquals(1, problems(doc).size(), problems(doc).toString());
        assertTrue(problems(doc).get(0).startsWith("doc.b must be a whole number"), problems(doc).toString());
        ConfigReader r = reader("a = 5, c = 3.0, nul = null");
        assertEquals(5, r.integer("a", 1, 10));
        assertEquals(3, r.integer("c", 1, 10), "3.0 is whole");
        assertEquals(9, r.integer("missing", 9, 1, 10));
        assertEquals(9, r.integer("nul", 9, 1, 10), "null is absent");
        assertNull(r.optionalInteger("missing", 1, 10));
        assertEquals(List.of(), problems(r));

        ConfigReader bad = reader("low = 0, frac = 1.5, word = many, big = 3000000000, neg = -1, obj { x = 1 }");
        assertNull(bad.integer("low", 1, 64));
        assertNull(bad.integer("frac", 1, 64));
        assertNull(bad.integer("word", 1, 64));
        assertNull(bad.integer("big", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertNull(bad.integer("neg", 6, Integer.MAX_VALUE));
        assertEquals(4, bad.integer("obj", 4, 1, 64), "a wrong value falls back to the default, with a problem");
        assertNull(bad.integer("missing", 1, 64));
        assertEquals(List.of(
                "doc.low must be within [1, 64], was 0",
                "doc.frac must be a whole number, was 1.5",
                "doc.word must be a whole number, was \"many\"",
                "doc.big must be within [-2147483648, 2147483647], was 3000000000",
                "doc.neg must be >= 6, was -1",
                "doc.obj must be a whole number, was {\"x\":1}",
                "doc.missing is required"), problems(bad));
    }

    @Test
    void longsCoverTheSixtyFourBitRange() {
        ConfigReader r = reader("seed = 9007199254740993, huge = 1e30, low = -3");
        assertEquals(9007199254740993L, r.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(42L, r.longValue("absent", 42L, 0, 100));
        assertNull(r.longValue("huge", Long.MIN_VALUE, Long.MAX_VALUE));
        assertNull(r.longValue("low", Long.MIN_VALUE, -5));
        assertEquals(List.of("doc.huge must be within [-9223372036854775808, 9223372036854775807], was 1.0E30",
                "doc.low must be <= -5, was -3"), problems(r));
    }

    @Test
    void numbersAreFiniteAndInTheirRange() {
        ConfigReader r = reader("share = 0.25, speed = 2.5, neg = -2, one = 1, two = 2, big = 1e400, text = fast");
        assertEquals(0.25, r.number("share", Range.within(0, 1)));
        assertEquals(2.5, r.number("speed", Range.above(0)));
        assertNull(reader("speed = \"2.5\"").number("speed", Range.above(0)), "text is not a number in a document");
        assertEquals(0.5, r.number("absent", 0.5, Range.within(0, 1)));
        assertNull(r.optionalNumber("absent", Range.ANY));
        assertEquals(List.of(), problems(r));

        assertNull(r.number("neg", Range.above(0)));
        assertNull(r.number("neg", Range.atLeast(0)));
        assertNull(r.number("one", new Range(0, true, 1, false)));
        assertNull(r.number("two", new Range(0, false, 1, true)));
        assertNull(r.number("neg", new Range(Double.NEGATIVE_INFINITY, false, -5, true)));
        assertNull(r.number("big", Range.ANY));
        assertNull(r.number("text", Range.ANY));
        assertNull(r.number("absent", Range.ANY));
        assertEquals(List.of(
                "doc.neg must be > 0, was -2",
                "doc.neg must be >= 0, was -2",
                "doc.one must be within [0, 1), was 1",
                "doc.two must be within (0, 1], was 2",
                "doc.neg must be <= -5, was -2",
                "doc.big must be a finite number, was Infinity",
                "doc.text must be a number, was \"fast\"",
                "doc.absent is required"), problems(r));
    }

    @Test
    void rangesStateTheirRule() {
        assertEquals("within [0.01, 0.99]", Range.within(0.01, 0.99).rule());
        assertEquals("within (0, 10000000]", new Range(0, false, 1e7, true).rule());
        assertEquals("> 0", Range.above(0).rule());
        assertEquals(">= 1", Range.atLeast(1).rule());
        assertEquals("finite", Range.ANY.rule());
        assertTrue(Range.within(0, 1).contains(1));
        assertFalse(new Range(0, true, 1, false).contains(1));
        assertFalse(Range.above(0).contains(0));
    }

    @Test
    void booleansAreOnOrOff() {
        ConfigReader r = reader("a = on, b = false, c = \"yes\", d = maybe, e = 3");
        assertEquals(true, r.onOff("a"));
        assertEquals(false, r.onOff("b"));
        assertEquals(true, r.onOff("c"));
        assertEquals(true, r.onOff("absent", true));
        assertNull(r.onOff("d"));
        assertEquals(false, r.onOff("e", false));
        assertNull(r.onOff("absent"));
        assertEquals(List.of("doc.d must be on or off, was \"maybe\"", "doc.e must be on or off, was 3",
                "doc.absent is required"), problems(r));
    }

    @Test
    void stringsArePresentNonBlankAndOfTheirForm() {
        ConfigReader r = reader("name = Dunkirk, empty = \"\", site = DK1, lower = dk, num = 5, list = [a]");
        assertEquals("Dunkirk", r.string("name"));
        assertEquals("", r.string("empty", "x"), "a defaulted string may be empty");
        assertEquals("dflt", r.string("absent", "dflt"));
        assertNull(r.optionalString("absent"));
        assertEquals("DK1", r.string("site", Pattern.compile("[A-Z0-9]{2,8}"), "2 to 8 capitals or digits"));
        assertEquals(List.of(), problems(r));

        assertNull(r.string("empty"));
        assertNull(r.string("lower", Pattern.compile("[A-Z0-9]{2,8}"), "2 to 8 capitals or digits"));
        assertNull(r.string("num"));
        assertNull(r.optionalString("list"));
        assertNull(r.string("absent"));
        assertEquals(List.of(
                "doc.empty must not be empty",
                "doc.lower must be 2 to 8 capitals or digits, was \"dk\"",
                "doc.num must be a string, was 5",
                "doc.list must be a string, was [\"a\"]",
                "doc.absent is required"), problems(r));
    }

    @Test
    void secretsAreNeverShown() {
        ConfigReader r = reader("key = \"abcdefghijklmnopq\", numeric = 12345678901234567890, obj { k = \"hidden-value\" }, blank = \" \"");
        assertEquals("abcdefghijklmnopq", r.secret("key"));
        assertEquals("12345678901234567890", r.secret("numeric"));
        assertNull(r.secret("obj"));
        assertNull(r.secret("blank"));
        assertEquals(List.of("doc.obj must be a string (the value is not shown)", "doc.blank must not be empty"), problems(r));
        assertFalse(problems(r).toString().contains("hidden-value"));
    }

    @Test
    void choicesAndEnumsNameWhatIsAllowed() {
        ConfigReader r = reader("role = \" entities \", kind = green, bad = worker, colour = purple");
        assertEquals("entities", r.oneOf("role", Set.of("api", "entities")));
        assertEquals("lognormal", r.oneOf("absent", "lognormal", Set.of("lognormal")));
        assertEquals(Colour.GREEN, r.enumValue("kind", Colour.class), "any case");
        assertNull(r.optionalEnum("absent", Colour.class));
        assertEquals(List.of(), problems(r));

        assertNull(r.oneOf("bad", Set.of("entities", "api")));
        assertEquals("x", r.oneOf("bad", "x", Set.of("api")));
        assertNull(r.enumValue("colour", Colour.class));
        assertNull(r.enumValue("absent", Colour.class));
        assertEquals(List.of(
                "doc.bad must be one of [api, entities], was \"worker\"",
                "doc.bad must be one of [api], was \"worker\"",
                "doc.colour must be one of [RED, GREEN, BLUE], was \"purple\"",
                "doc.absent is required"), problems(r));
    }

    @Test
    void datesInstantsAndDurationsAreIso() {
        ConfigReader r = reader("""
                d = "2028-06-01", badDate = "2028-13-01", t = "2028-01-03T06:00:00Z", badT = "next monday",
                wait = 5s, zero = 0s, slow = forever""");
        assertEquals(LocalDate.of(2028, 6, 1), r.date("d"));
        assertEquals(LocalDate.of(2030, 1, 1), r.date("absent", LocalDate.of(2030, 1, 1)));
        assertNull(r.optionalDate("absent"));
        assertEquals(Instant.parse("2028-01-03T06:00:00Z"), r.instant("t"));
        assertEquals(Duration.ofSeconds(5), r.duration("wait"));
        assertEquals(List.of(), problems(r));

        assertNull(r.date("badDate"));
        assertNull(r.instant("badT"));
        assertNull(r.duration("zero"));
        assertNull(r.duration("slow"));
        assertNull(r.date("absent"));
        assertEquals(List.of(
                "doc.badDate must be an ISO date like 2028-06-01, was \"2028-13-01\"",
                "doc.badT must be an ISO-8601 instant like 2028-01-03T06:00:00Z, was \"next monday\"",
                "doc.zero must be a positive duration like 500ms or 5s, was \"0s\"",
                "doc.slow must be a positive duration like 500ms or 5s, was \"forever\"",
                "doc.absent is required"), problems(r));
    }

    @Test
    void nestedObjectsAndListsReportFullPathsIntoOneList() {
        ConfigReader r = reader("""
                cellDesign { inlaysPerCell = 0 }
                stations = [ { units = 2 }, { units = 0 } ]
                notObj = 3
                notList = [1, 2]""");
        ConfigReader design = r.object("cellDesign");
        assertEquals("doc.cellDesign", design.path(""));
        design.integer("inlaysPerCell", 1, 64);
        List<ConfigReader> stations = r.objects("stations");
        assertEquals(2, stations.size());
        assertEquals(2, stations.get(0).integer("units", 1, 10));
        stations.get(1).integer("units", 1, 10);
        assertNull(r.optionalObject("absent"));
        assertEquals(List.of(), r.optionalObjects("absent"));
        assertNull(r.object("notObj"));
        assertNull(r.objects("notList"));
        assertNull(r.object("absent"));
        assertEquals(List.of(
                "doc.cellDesign.inlaysPerCell must be within [1, 64], was 0",
                "doc.stations[1].units must be within [1, 10], was 0",
                "doc.notObj must be an object, was 3",
                "doc.notList must be a list of objects, was [1,2]",
                "doc.absent is required"), problems(r));
        assertEquals(problems(r), problems(design), "children share their parent's problems");
    }

    @Test
    void stringListsTakeAListOrACommaSeparatedString() {
        ConfigReader r = reader("roles = [api, entities], env = \" api , read-side \", days = [monday, FRIDAY], bad = [api, worker], "
                + "badDays = [monday, someday], nums = [1, 2]");
        assertEquals(List.of("api", "entities"), r.strings("roles", Set.of("api", "entities", "read-side")));
        assertEquals(List.of("api", "read-side"), r.strings("env", Set.of("api", "entities", "read-side")));
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), r.enums("days", DayOfWeek.class));
        assertEquals(List.of(), problems(r));

        assertNull(r.strings("bad", Set.of("api", "entities")));
        assertNull(r.enums("badDays", DayOfWeek.class));
        assertNull(r.strings("nums", null));
        assertEquals(List.of(
                "doc.bad must be one of [api, entities], was \"worker\"",
                "doc.badDays[1] must be one of [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY], was \"someday\"",
                "doc.nums must be a list of strings, was [1,2]"), problems(r));
    }

    @Test
    void sharesAreKnownNamesInZeroToOneSummingToOne() {
        ConfigReader r = reader("""
                ok { RED = 0.25, BLUE = 0.75 }
                short { RED = 0.5, GREEN = 0.3 }
                empty {}""");
        assertEquals(Map.of(Colour.RED, 0.25, Colour.BLUE, 0.75), r.shares("ok", Colour.class));
        assertEquals(List.of(), problems(r));
        r.shares("short", Colour.class);
        r.shares("empty", Colour.class);
        assertEquals(List.of("doc.short shares must sum to 1, was 0.8", "doc.empty must name at least one entry"), problems(r));

        ConfigReader bad = reader("mix { PURPLE = 0.5, RED = 1.4, GREEN = high }");
        bad.shares("mix", Colour.class);
        assertEquals(Set.of(
                "doc.mix.PURPLE is not a known Colour (known: [RED, GREEN, BLUE])",
                "doc.mix.RED must be within [0, 1], was 1.4",
                "doc.mix.GREEN must be a number, was \"high\""), Set.copyOf(problems(bad)), "no sum check on top of bad entries");
        assertEquals(3, bad.problems().size());
    }

    @Test
    void unknownKeysTypesAndOwnProblems() {
        ConfigReader r = reader("packs = 1, colour = red, shifts = \"3x8-7d\"");
        r.unknownKeys(Set.of("packs", "shifts"));
        assertEquals(ConfigValueType.STRING, r.type("shifts"));
        assertNull(r.type("absent"));
        assertTrue(r.has("packs"));
        assertFalse(r.has("absent"));
        r.check(true, "packs", "never recorded");
        r.check(false, "packs", "must not be below production.start, was 1");
        r.problem("", "is inconsistent");
        assertEquals(List.of(
                "doc.colour is not a known field (known: [packs, shifts])",
                "doc.packs must not be below production.start, was 1",
                "doc is inconsistent"), problems(r));
        assertEquals(new Problem("doc.colour", "is not a known field (known: [packs, shifts])"), r.problems().get(0));
    }

    @Test
    void aDocumentWithoutPrefixReportsPlainPaths() {
        ConfigReader r = ConfigReader.of(ConfigFactory.parseString("production { start = soon }"));
        r.date("production.start");
        assertEquals(List.of("production.start must be an ISO date like 2028-06-01, was \"soon\""), problems(r));
    }

    @Test
    void problemsBecomeTheCallersException() {
        ConfigReader fine = reader("a = 1");
        fine.integer("a", 0, 5);
        fine.throwIfProblems();
        fine.throwIfProblems(p -> new IllegalStateException("never"));

        ConfigReader r = reader("a = 9, b = x");
        r.integer("a", 0, 5);
        r.onOff("b");
        ConfigException e = assertThrows(ConfigException.class, r::throwIfProblems);
        assertEquals("doc.a", e.path());
        assertEquals("doc.a must be within [0, 5], was 9; doc.b must be on or off, was \"x\"", e.getMessage());
        IllegalStateException own = assertThrows(IllegalStateException.class,
                () -> r.throwIfProblems(ps -> new IllegalStateException(ps.size() + " problems")));
        assertEquals("2 problems", own.getMessage());
    }

    @Test
    void aSettingsBlockMustExistAndBeAnObject() {
        ConfigReader b = ConfigReader.block(ConfigFactory.parseString("twin.cluster { bootstrap = on }"), "twin.cluster");
        assertEquals("twin.cluster.bootstrap", b.path("bootstrap"));
        assertEquals(true, b.onOff("bootstrap"));
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigReader.block(ConfigFactory.parseString("twin {}"), "twin.cluster"));
        assertEquals("twin.cluster is required", missing.getMessage());
        ConfigException scalar = assertThrows(ConfigException.class,
                () -> ConfigReader.block(ConfigFactory.parseString("twin.cluster = 3"), "twin.cluster"));
        assertEquals("twin.cluster must be an object, was 3", scalar.getMessage());
    }
}
