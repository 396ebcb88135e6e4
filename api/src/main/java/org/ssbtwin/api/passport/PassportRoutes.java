package org.ssbtwin.api.passport;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.eclipse.digitaltwin.aas4j.v3.dataformat.json.JsonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.auth.AccessControl;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.api.readside.FleetQueries;
import org.ssbtwin.api.readside.PassportFactsTable;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.PackStatus;

/**
 * The battery passport over HTTP (issue 18), under {@code /api/v1}:
 * <ul>
 *   <li>{@code GET /packs/{id}/passport[?at=2031-06-01]}: the Catena-X battery_pass 6.1.0 document, the part the
 *       caller's access tier reads ({@link PassportTier}; never refused as a whole), now or at a date;</li>
 *   <li>{@code GET /packs/{id}/passport/qr.png}: the QR code of the passport's resolvable URL;</li>
 *   <li>{@code GET /passports[?at=]}: every pack's passport as NDJSON (one document a line, streamed; reader role): now,
 *       from the fleet read side (fleet_pack joined to fleet_pack_passport, pages by a keyset cursor on the pack id;
 *       a pack whose passport row is missing or incomplete from its journal); at a date, from every pack's journal;</li>
 *   <li>{@code GET /aas/shells}, {@code /aas/shells/{aasId}}, {@code /aas/shells/{aasId}/submodel-refs},
 *       {@code /aas/submodels/{submodelId}}, {@code /aas/submodels/{submodelId}/$value}: the AAS Part 2 API subset
 *       ({@link PassportShell}, ids base64url-encoded).</li>
 * </ul>
 */
public final class PassportRoutes extends AllDirectives implements ApiModule {
    private static final Logger log = LoggerFactory.getLogger(PassportRoutes.class);
    public static final ContentType NDJSON = ContentTypes.create(MediaTypes.applicationWithFixedCharset("x-ndjson", HttpCharsets.UTF_8));
    private static final ContentType PNG = ContentTypes.create(MediaTypes.IMAGE_PNG);
    /** Passports built at once by the NDJSON export (each a journal read, or a build from read-side rows). */
    static final int EXPORT_PARALLELISM = 8;
    /** Packs per read-side page of the NDJSON export (twin.passport.export-page-size). */
    static final int EXPORT_PAGE = 500;

    private final PassportSource source;
    private final AssetDirectory directory;
    private final AccessControl access;
    private final String publicBaseUrl;
    private final JsonSerializer aas = new JsonSerializer();
    private final FleetQueries readSide;
    private final int exportPage;

    /**
     * @param publicBaseUrl the twin's public base URL for the passports' resolvable URLs (twin.passport.public-base-url);
     *        null: the request's Host
     */
    public PassportRoutes(PassportSource source, AssetDirectory directory, AccessControl access, String publicBaseUrl) {
        this(source, directory, access, publicBaseUrl, null, EXPORT_PAGE);
    }

    /**
     * @param readSide the fleet read side's queries (null when it is disabled: the export then folds every journal)
     * @param exportPage packs per read-side page of the export
     */
    public PassportRoutes(PassportSource source, AssetDirectory directory, AccessControl access, String publicBaseUrl,
                          FleetQueries readSide, int exportPage) {
        if (exportPage < 1) throw new IllegalArgumentException("twin.passport.export-page-size must be >= 1, was " + exportPage);
        this.readSide = readSide;
        this.exportPage = exportPage;
        this.source = source;
        this.directory = directory;
        this.access = access;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * The passport module of a node, from {@code twin.passport}: {@code declarations-file} (the operator's
     * declarations; absent: the bundled example, and the passports say draft) and {@code public-base-url}.
     */
    public static PassportRoutes create(org.apache.pekko.actor.typed.ActorSystem<?> system,
                                        org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding sharding,
                                        AssetDirectory directory, AccessControl access, com.typesafe.config.Config config,
                                        java.time.Duration askTimeout, org.ssbtwin.plant.cell.CellDesign cellDesign,
                                        FleetQueries readSide) {
        String file = "twin.passport.declarations-file";
        PassportDeclarations declarations;
        if (config.hasPath(file) && !config.getString(file).isBlank()) {
            declarations = PassportDeclarations.read(java.nio.file.Path.of(config.getString(file)), file);
        } else {
            declarations = PassportDeclarations.bundledExample();
            log.warn("battery passports use the bundled EXAMPLE declarations ({}): set {} to the operator's declarations",
                    PassportDeclarations.EXAMPLE_RESOURCE, file);
        }
        String base = config.hasPath("twin.passport.public-base-url") ? config.getString("twin.passport.public-base-url") : null;
        int page = config.hasPath("twin.passport.export-page-size") ? config.getInt("twin.passport.export-page-size") : EXPORT_PAGE;
        return new PassportRoutes(new PassportSource(system, sharding, askTimeout, declarations, cellDesign), directory, access, base,
                readSide, page);
    }

    @Override
    public Route routes() {
        return extractRequest(request -> {
            PassportTier tier = PassportTier.of(access.enabled(), access.roleOf(request));
            String base = baseUrl(request);
            return concat(
                    pathPrefix("packs", () -> pathPrefix(segment(), raw -> pathPrefix("passport", () -> {
                        PackId id = PackId.of(raw);
                        String url = base + "/api/v1/packs/" + id.value() + "/passport";
                        return concat(
                                pathEnd(() -> get(() -> parameterMap(params -> {
                                    Instant at = at(new QueryParams(params, Set.of("at")).string("at"));
                                    return onSuccess(answer(source.passport(id, at, url), url, p ->
                                            Json.ok(PassportTiers.view(p.document(), tier)), id, at), this::completeWith);
                                }))),
                                path("qr.png", () -> get(() -> onSuccess(answer(source.revision(id).thenApply(r ->
                                        r == 0 ? Optional.<String>empty() : Optional.of(url)), url, u -> HttpResponse.create()
                                        .withEntity(HttpEntities.create(PNG, PassportQrCode.png(u)))
                                        .addHeader(RawHeader.create("Cache-Control", "max-age=86400")), id, null), this::completeWith))));
                    }))),
                    path("passports", () -> get(() -> parameterMap(params -> {
                        Instant at = at(new QueryParams(params, Set.of("at")).string("at"));
                        if (at == null && readSide != null) {
                            return onSuccess(exportFromReadSide(tier, base).exceptionally(t -> failed(t, "/api/v1/passports")), this::completeWith);
                        }
                        return completeWithFuture(export(tier, base, at));
                    }))),
                    pathPrefix("aas", () -> aasRoutes(tier, base)));
        });
    }

    private Route completeWith(HttpResponse r) {
        return complete(r);
    }

    // ---- passports ----

    private <T> CompletionStage<HttpResponse> answer(CompletionStage<Optional<T>> found, String instance,
                                                     Function<T, HttpResponse> render, PackId id, Instant at) {
        return found.thenApply(o -> o.map(render).orElseGet(() -> Json.notFound(at == null
                ? "pack " + id + " does not exist" : "pack " + id + " was not assembled at " + at, instance)))
                .exceptionally(t -> failed(t, instance));
    }

    /** Every pack's passport, one JSON document a line, in pack id order. */
    private java.util.concurrent.CompletionStage<HttpResponse> export(PassportTier tier, String base, Instant at) {
        // the known packs' ids from the read side (fleet_pack), in id order
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        if (q == null) return java.util.concurrent.CompletableFuture.completedFuture(readSideDisabled("/api/v1/passports"));
        return q.packIds(null, Integer.MAX_VALUE).thenApply(ids -> exportOf(ids, tier, base, at));
    }

    private HttpResponse readSideDisabled(String instance) {
        return Json.problem(org.apache.pekko.http.javadsl.model.StatusCodes.SERVICE_UNAVAILABLE, "read-side-disabled", "The read side is disabled",
                "twin.read-side.enabled is off on this node: the list of packs is served from its tables", instance, null);
    }

    private HttpResponse exportOf(List<PackId> ids, PassportTier tier, String base, Instant at) {
        Source<ByteString, ?> lines = Source.from(ids)
                .mapAsync(EXPORT_PARALLELISM, id -> source.passport(id, at, base + "/api/v1/packs/" + id.value() + "/passport"))
                .filter(Optional::isPresent)
                .map(p -> {
                    byte[] json = Json.bytes(PassportTiers.view(p.get().document(), tier));
                    return ByteString.fromArray(json).concat(ByteString.fromString("\n"));
                });
        return HttpResponse.create().withEntity(HttpEntities.createChunked(NDJSON, lines))
                .addHeader(RawHeader.create("X-Total-Count", Integer.toString(ids.size())));
    }

    /**
     * Every pack's passport now, from the fleet read side: pages of {@link #exportPage} packs (fleet_pack joined to
     * fleet_pack_passport) read one at a time as the client reads (a keyset cursor on the pack id: each pack once, in
     * id order, memory bounded by a page and the builds in flight), each passport built from its rows on the
     * dispatcher; a pack whose passport row is missing or incomplete (projected before the table existed) from its
     * journal instead.
     */
    private CompletionStage<HttpResponse> exportFromReadSide(PassportTier tier, String base) {
        return readSide.assembledPacks().thenApply(total -> {
            Source<ByteString, ?> lines = Source.<Optional<String>, List<PassportFactsTable.Entry>>unfoldAsync(Optional.of(""), after -> after.isEmpty()
                            ? java.util.concurrent.CompletableFuture.completedFuture(Optional.empty())
                            : readSide.passportPage(after.get(), exportPage).thenApply(page -> page.isEmpty() ? Optional.empty()
                                    : Optional.of(org.apache.pekko.japi.Pair.create(page.size() < exportPage ? Optional.<String>empty()
                                            : Optional.of(page.get(page.size() - 1).pack().packId()), page))))
                    .mapConcat(page -> page)
                    .mapAsync(EXPORT_PARALLELISM, entry -> {
                        String id = entry.pack().packId();
                        String url = base + "/api/v1/packs/" + id + "/passport";
                        PackPassportFacts.Facts facts = PackPassportFacts.Facts.of(entry.pack(), entry.passport());
                        if (facts == null) return source.passport(PackId.of(id), null, url).thenApply(p -> p.map(x -> line(x, tier)));
                        return java.util.concurrent.CompletableFuture.supplyAsync(() -> Optional.of(line(source.build(facts, url), tier)), source.executor());
                    })
                    .filter(Optional::isPresent)
                    .map(Optional::get);
            return HttpResponse.create().withEntity(HttpEntities.createChunked(NDJSON, lines))
                    .addHeader(RawHeader.create("X-Total-Count", Long.toString(total)));
        });
    }

    private static ByteString line(BatteryPassport p, PassportTier tier) {
        byte[] json = Json.bytes(PassportTiers.view(p.document(), tier));
        return ByteString.fromArray(json).concat(ByteString.fromString("\n"));
    }

    // ---- Asset Administration Shell (Part 2 API subset) ----

    private Route aasRoutes(PassportTier tier, String base) {
        return concat(
                pathPrefix("shells", () -> concat(
                        pathEnd(() -> get(() -> parameterMap(params -> completeWithFuture(shells(new QueryParams(params, Set.of("limit", "cursor")), tier))))),
                        pathPrefix(segment(), encoded -> {
                            String aasId = PassportShell.decodeId(encoded);
                            if (isCellId(aasId)) return cellShellRoutes(aasId, encoded, tier);
                            PackId id = packOf(aasId, "aasIdentifier");
                            String url = base + "/api/v1/packs/" + id.value() + "/passport";
                            String instance = "/api/v1/aas/shells/" + encoded;
                            return concat(
                                    pathEnd(() -> get(() -> onSuccess(answer(source.revision(id).thenApply(r -> r == 0 ? Optional.<Long>empty() : Optional.of(r)),
                                            instance, r -> Json.ok(aas.toNode(PassportShell.shell(id.value(), r, passportIdOf(id), tier))), id, null),
                                            this::completeWith))),
                                    path("submodel-refs", () -> get(() -> onSuccess(answer(source.revision(id).thenApply(r -> r == 0 ? Optional.<Long>empty() : Optional.of(r)),
                                            instance + "/submodel-refs", r -> Json.ok(paged(refs(id, tier), null)), id, null), this::completeWith))));
                        }))),
                pathPrefix("submodels", () -> pathPrefix(segment(), encoded -> {
                    String smId = PassportShell.decodeId(encoded);
                    if (isCellId(smId)) return cellSubmodelRoutes(smId, encoded, tier);
                    PackId id = packOf(smId, "submodelIdentifier");
                    String partName = smId.substring(smId.lastIndexOf(':') + 1);
                    PassportShell.Part part = PassportShell.part(partName);
                    String instance = "/api/v1/aas/submodels/" + encoded;
                    if (part == null || !smId.equals(PassportShell.submodelId(id.value(), partName))) {
                        return complete(Json.notFound("no submodel " + smId + "; a pack's are " + PassportShell.PARTS.stream()
                                .map(p -> PassportShell.submodelId(id.value(), p.idShort())).toList(), instance));
                    }
                    if (!tier.sees(part.tier())) {
                        return complete(Json.problem(StatusCodes.FORBIDDEN, "passport-tier", "The submodel is above the caller's access tier",
                                "submodel " + part.idShort() + " is readable from access tier " + part.tier().label() + "; the caller's tier is "
                                        + tier.label() + " (the pack's other submodels stay readable)", instance, null));
                    }
                    String url = base + "/api/v1/packs/" + id.value() + "/passport";
                    return concat(
                            pathEnd(() -> get(() -> onSuccess(answer(source.passport(id, null, url), instance, p ->
                                    Json.ok(aas.toNode(PassportShell.submodel(p, PassportTiers.view(p.document(), tier), part))), id, null), this::completeWith))),
                            path("$value", () -> get(() -> onSuccess(answer(source.passport(id, null, url), instance + "/$value", p ->
                                    Json.ok(PassportShell.valueOnly(PassportTiers.view(p.document(), tier), part)), id, null), this::completeWith))));
                })));
    }

    private static boolean isCellId(String aasId) {
        String asset = PassportShell.packOf(aasId);
        return asset != null && CellShell.isCell(asset);
    }

    /** A cell's shell, on request (cells are not listed by GET /aas/shells). */
    private Route cellShellRoutes(String aasId, String encoded, PassportTier tier) {
        org.ssbtwin.core.id.CellId cell = org.ssbtwin.core.id.CellId.of(PassportShell.packOf(aasId));
        String instance = "/api/v1/aas/shells/" + encoded;
        return concat(
                pathEnd(() -> get(() -> onSuccess(source.cell(cell).thenApply(c -> c.map(x -> Json.ok(aas.toNode(CellShell.shell(x, tier))))
                        .orElseGet(() -> Json.notFound("cell " + cell + " does not exist", instance))).exceptionally(t -> failed(t, instance)),
                        this::completeWith))),
                path("submodel-refs", () -> get(() -> onSuccess(source.cell(cell).thenApply(c -> c.map(x ->
                                Json.ok(paged(aas.toNode(CellShell.shell(x, tier)).withArray("submodels"), null)))
                        .orElseGet(() -> Json.notFound("cell " + cell + " does not exist", instance))).exceptionally(t -> failed(t, instance)),
                        this::completeWith))));
    }

    private Route cellSubmodelRoutes(String smId, String encoded, PassportTier tier) {
        org.ssbtwin.core.id.CellId cell = org.ssbtwin.core.id.CellId.of(PassportShell.packOf(smId));
        String partName = smId.substring(smId.lastIndexOf(':') + 1);
        PassportShell.Part part = CellShell.part(partName);
        String instance = "/api/v1/aas/submodels/" + encoded;
        if (part == null || !smId.equals(PassportShell.submodelId(cell.value(), partName))) {
            return complete(Json.notFound("no submodel " + smId + "; a cell's are " + CellShell.PARTS.stream()
                    .map(p -> PassportShell.submodelId(cell.value(), p.idShort())).toList(), instance));
        }
        if (!tier.sees(part.tier())) {
            return complete(Json.problem(StatusCodes.FORBIDDEN, "passport-tier", "The submodel is above the caller's access tier",
                    "submodel " + part.idShort() + " is readable from access tier " + part.tier().label() + "; the caller's tier is " + tier.label(),
                    instance, null));
        }
        return concat(
                pathEnd(() -> get(() -> onSuccess(source.cell(cell).thenApply(c -> c.map(x -> Json.ok(aas.toNode(CellShell.submodel(x, part))))
                        .orElseGet(() -> Json.notFound("cell " + cell + " does not exist", instance))).exceptionally(t -> failed(t, instance)),
                        this::completeWith))),
                path("$value", () -> get(() -> onSuccess(source.cell(cell).thenApply(c -> c.map(x ->
                                Json.ok(PassportShell.valueOnly(CellShell.document(x), part)))
                        .orElseGet(() -> Json.notFound("cell " + cell + " does not exist", instance))).exceptionally(t -> failed(t, instance)),
                        this::completeWith))));
    }

    /** GET /aas/shells: the packs' shells in pack id order, {@code limit} at a time; {@code cursor}: the last pack id seen. */
    private java.util.concurrent.CompletionStage<HttpResponse> shells(QueryParams q, PassportTier tier) {
        int limit = q.intIn("limit", 100, 1, QueryParams.MAX_PAGE_SIZE);
        String cursor = q.string("cursor");
        PackId after = cursor == null ? null : PackId.of(PassportShell.decodeId(cursor));
        org.ssbtwin.api.readside.AssetQueries queries = directory.queries();
        if (queries == null) return java.util.concurrent.CompletableFuture.completedFuture(readSideDisabled("/api/v1/aas/shells"));
        // one more than a page from the read side (fleet_pack, by id): whether there is a next page
        return queries.packIds(after, limit + 1).thenApply(ids -> {
            ArrayNode result = Json.MAPPER.createArrayNode();
            String next = null;
            for (PackId id : ids) {
                if (result.size() == limit) {
                    next = PassportShell.encodeId(result.get(result.size() - 1).path("assetInformation").path("specificAssetIds").get(0).path("value").asText());
                    break;
                }
                // the read side's revision is not the entity's: the shell's administration revision is left out of the list
                result.add(aas.toNode(PassportShell.shell(id.value(), -1, passportIdOf(id), tier)));
            }
            return Json.ok(paged(result, next));
        });
    }

    private List<JsonNode> refs(PackId id, PassportTier tier) {
        return PassportShell.partsFor(tier).stream()
                .map(p -> aas.toNode(PassportShell.submodelRef(PassportShell.submodelId(id.value(), p.idShort())))).toList();
    }

    private static ObjectNode paged(Iterable<? extends JsonNode> items, String cursor) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode paging = out.putObject("paging_metadata");
        if (cursor != null) paging.put("cursor", cursor);
        ArrayNode result = out.putArray("result");
        items.forEach(result::add);
        return out;
    }

    private static String passportIdOf(PackId id) {
        return PassportBuilder.passportId(id.value());
    }

    private static PackId packOf(String aasId, String field) {
        String pack = PassportShell.packOf(aasId);
        if (pack == null) throw new InvalidParameterException(field, "'" + aasId + "' is not an identifier of this twin (urn:ssbtwin:aas:<packId>...)");
        return PackId.of(pack);
    }

    // ---- plumbing ----

    private String baseUrl(HttpRequest request) {
        if (publicBaseUrl != null) return publicBaseUrl;
        String host = request.getHeader("Host").map(h -> h.value()).orElse("localhost");
        return "http://" + host;
    }

    /** {@code at}: a date (the passport as at the end of that day, UTC) or an ISO-8601 instant; null: now. */
    static Instant at(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        try {
            if (s.length() == 10) return LocalDate.parse(s).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("at", "at must be a date like 2031-06-01 or an ISO-8601 instant like 2031-06-01T00:00:00Z, was '" + raw + "'");
        }
    }

    private static HttpResponse failed(Throwable t, String instance) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof TimeoutException || c.getCause() instanceof TimeoutException) {
            return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "entity-timeout", "The pack did not answer in time",
                    "no answer within the timeout; the cluster may be rebalancing, retry", instance, null);
        }
        log.error("passport failed for {}", instance, c);
        return Json.problem(StatusCodes.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", "the twin failed to answer", instance, null);
    }
}
