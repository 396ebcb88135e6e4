package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.digitaltwin.aas4j.v3.model.AasSubmodelElements;
import org.eclipse.digitaltwin.aas4j.v3.model.AssetAdministrationShell;
import org.eclipse.digitaltwin.aas4j.v3.model.AssetKind;
import org.eclipse.digitaltwin.aas4j.v3.model.DataTypeDefXsd;
import org.eclipse.digitaltwin.aas4j.v3.model.KeyTypes;
import org.eclipse.digitaltwin.aas4j.v3.model.ModellingKind;
import org.eclipse.digitaltwin.aas4j.v3.model.Reference;
import org.eclipse.digitaltwin.aas4j.v3.model.ReferenceTypes;
import org.eclipse.digitaltwin.aas4j.v3.model.Submodel;
import org.eclipse.digitaltwin.aas4j.v3.model.SubmodelElement;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAdministrativeInformation;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAssetAdministrationShell;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAssetInformation;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultKey;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultProperty;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultReference;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSpecificAssetId;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSubmodel;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSubmodelElementCollection;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSubmodelElementList;

/**
 * A pack's battery passport as an Asset Administration Shell (metamodel v3.0, Eclipse AAS4J types): one shell per
 * pack with one submodel per published part of IDTA 02035 "Digital Battery Passport" (Part 1 Digital Nameplate,
 * 2 Handover Documentation, 3 Product Carbon Footprint, 4 Technical Data, 5 Product Condition, 6 Material
 * Composition, 7 Circularity). The submodels carry the passport's sections ({@link #PARTS}) element by element
 * (object -> SubmodelElementCollection, array -> SubmodelElementList, value -> Property with its xs type), so the
 * element names are the Catena-X passport's, not the IDTA templates' own names (not all of which are public).
 * Pure: built from a (tier-filtered) passport document.
 */
public final class PassportShell {
    private PassportShell() {}

    /** One IDTA 02035 part: its submodel idShort, semantic id, the passport sections it carries, and who reads it. */
    public record Part(String idShort, String semanticId, List<String> pointers, PassportTier tier) {}

    public static final List<Part> PARTS = List.of(
            new Part("DigitalNameplate", "urn:samm:io.admin-shell.idta.batterypass.digital_nameplate:1.0.0#Nameplate",
                    List.of("/identification", "/operation", "/commercial", "/metadata", "/twin/genealogy"), PassportTier.PUBLIC),
            new Part("HandoverDocumentation", "urn:samm:io.admin-shell.idta.batterypass.handover_documentation:1.0.0#HandoverDocumentation",
                    List.of("/conformity", "/safety", "/sources"), PassportTier.PUBLIC),
            new Part("CarbonFootprint", "urn:samm:io.admin-shell.idta.batterypass.carbon_footprint:1.0.0#CarbonFootprint",
                    List.of("/sustainability/carbonFootprint"), PassportTier.PUBLIC),
            new Part("TechnicalData", "urn:samm:io.admin-shell.idta.batterypass.technical_data:1.0.0#TechnicalData",
                    List.of("/characteristics", "/performance/rated"), PassportTier.PUBLIC),
            new Part("ProductCondition", "urn:samm:io.admin-shell.idta.batterypass.product_condition:1.0.0#ProductCondition",
                    List.of("/performance/dynamic", "/twin/provenance"), PassportTier.LEGITIMATE_INTEREST),
            new Part("MaterialComposition", "urn:samm:io.admin-shell.idta.batterypass.material_composition:1.0.0#MaterialComposition",
                    List.of("/materials"), PassportTier.PUBLIC),
            new Part("Circularity", "urn:samm:io.admin-shell.idta.batterypass.circularity:1.0.0#Circularity",
                    List.of("/handling", "/sustainability/documents", "/sustainability/status"), PassportTier.PUBLIC));

    public static String shellId(String packId) {
        return "urn:ssbtwin:aas:" + packId;
    }

    public static String submodelId(String packId, String part) {
        return "urn:ssbtwin:aas:" + packId + ":" + part;
    }

    /** The pack id of a shell or submodel id of this twin, or null. */
    public static String packOf(String aasId) {
        if (!aasId.startsWith("urn:ssbtwin:aas:")) return null;
        String rest = aasId.substring("urn:ssbtwin:aas:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** AAS Part 2: identifiers in paths are base64url-encoded (RFC 4648 section 5), without padding. */
    public static String encodeId(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a base64url id (with or without padding); throws IllegalArgumentException naming the problem. */
    public static String decodeId(String encoded) {
        try {
            return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identifier '" + encoded + "' is not base64url-encoded (AAS Part 2): " + e.getMessage());
        }
    }

    /** The parts a tier reads. */
    public static List<Part> partsFor(PassportTier tier) {
        return PARTS.stream().filter(p -> tier.sees(p.tier())).toList();
    }

    public static Part part(String idShort) {
        return PARTS.stream().filter(p -> p.idShort().equals(idShort)).findFirst().orElse(null);
    }

    /**
     * The shell of pack {@code packId}: its asset (the pack, global id = the passport id) and references to the
     * submodels {@code tier} reads; {@code revision} the pack's (negative: unknown, left out).
     */
    public static AssetAdministrationShell shell(String packId, long revision, String passportId, PassportTier tier) {
        List<Reference> refs = new ArrayList<>();
        for (Part p : partsFor(tier)) refs.add(submodelRef(submodelId(packId, p.idShort())));
        DefaultAssetAdministrationShell.Builder b = new DefaultAssetAdministrationShell.Builder()
                .id(shellId(packId))
                .idShort("BatteryPassport_" + packId.replace('-', '_'));
        if (revision >= 0) b.administration(new DefaultAdministrativeInformation.Builder().version("1").revision(Long.toString(revision)).build());
        return b
                .assetInformation(new DefaultAssetInformation.Builder()
                        .assetKind(AssetKind.INSTANCE)
                        .globalAssetId(passportId)
                        .assetType("battery pack")
                        .specificAssetIds(new DefaultSpecificAssetId.Builder().name("partInstanceId").value(packId).build())
                        .build())
                .submodels(refs)
                .build();
    }

    public static Reference submodelRef(String submodelId) {
        return new DefaultReference.Builder().type(ReferenceTypes.MODEL_REFERENCE)
                .keys(new DefaultKey.Builder().type(KeyTypes.SUBMODEL).value(submodelId).build()).build();
    }

    static Reference semantic(String id) {
        return new DefaultReference.Builder().type(ReferenceTypes.EXTERNAL_REFERENCE)
                .keys(new DefaultKey.Builder().type(KeyTypes.GLOBAL_REFERENCE).value(id).build()).build();
    }

    /** The value-only form of a part (AAS Part 2 {@code $value}): its passport sections as they are. */
    public static ObjectNode valueOnly(ObjectNode document, Part part) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String pointer : part.pointers()) {
            JsonNode n = document.at(pointer);
            if (!n.isMissingNode()) out.set(idShort(pointer.substring(pointer.lastIndexOf('/') + 1)), n.deepCopy());
        }
        return out;
    }

    /** The submodel of {@code part} from a (tier-filtered) passport document. */
    public static Submodel submodel(BatteryPassport passport, ObjectNode document, Part part) {
        List<SubmodelElement> elements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : iterable(valueOnly(document, part))) {
            elements.add(element(e.getKey(), e.getValue()));
        }
        return new DefaultSubmodel.Builder()
                .id(submodelId(passport.packId(), part.idShort()))
                .idShort(part.idShort())
                .kind(ModellingKind.INSTANCE)
                .semanticId(semantic(part.semanticId()))
                .administration(new DefaultAdministrativeInformation.Builder().version("1").revision(
                        passport.document().at("/twin/revision").asText("0")).build())
                .submodelElements(elements)
                .build();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    /** A JSON value as a submodel element; {@code idShort} null inside a list (AASd-120). */
    static SubmodelElement element(String idShort, JsonNode n) {
        if (n.isObject()) {
            List<SubmodelElement> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : iterable(n)) children.add(element(idShort(e.getKey()), e.getValue()));
            return new DefaultSubmodelElementCollection.Builder().idShort(idShort).value(children).build();
        }
        if (n.isArray()) {
            List<SubmodelElement> items = new ArrayList<>();
            boolean objects = n.size() > 0 && n.get(0).isContainerNode();
            for (JsonNode item : n) items.add(element(null, item));
            DefaultSubmodelElementList.Builder b = new DefaultSubmodelElementList.Builder().idShort(idShort).orderRelevant(true)
                    .typeValueListElement(objects ? AasSubmodelElements.SUBMODEL_ELEMENT_COLLECTION : AasSubmodelElements.PROPERTY)
                    .value(items);
            if (!objects) b.valueTypeListElement(n.size() > 0 ? type(n.get(0)) : DataTypeDefXsd.STRING);
            return b.build();
        }
        return new DefaultProperty.Builder().idShort(idShort).valueType(type(n)).value(n.asText()).build();
    }

    private static DataTypeDefXsd type(JsonNode n) {
        if (n.isBoolean()) return DataTypeDefXsd.BOOLEAN;
        if (n.isIntegralNumber()) return DataTypeDefXsd.LONG;
        if (n.isNumber()) return DataTypeDefXsd.DOUBLE;
        return DataTypeDefXsd.STRING;
    }

    /** An idShort from a passport field name (AAS: a letter, then letters, digits and underscores). */
    static String idShort(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "v" + s : s;
    }
}
