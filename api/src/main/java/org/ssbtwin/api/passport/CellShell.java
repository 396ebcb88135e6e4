package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.digitaltwin.aas4j.v3.model.AssetAdministrationShell;
import org.eclipse.digitaltwin.aas4j.v3.model.AssetKind;
import org.eclipse.digitaltwin.aas4j.v3.model.ModellingKind;
import org.eclipse.digitaltwin.aas4j.v3.model.Reference;
import org.eclipse.digitaltwin.aas4j.v3.model.Submodel;
import org.eclipse.digitaltwin.aas4j.v3.model.SubmodelElement;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAdministrativeInformation;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAssetAdministrationShell;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultAssetInformation;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSpecificAssetId;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultSubmodel;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellGenealogy;
import org.ssbtwin.plant.cell.GenealogyStep;

/**
 * A cell (a component of a pack) as an Asset Administration Shell, on request ({@code /aas/shells/{base64url of
 * urn:ssbtwin:aas:<cellId>}}): a DigitalNameplate submodel (serial, plant site, manufacturing date, grade, pack,
 * vehicle; public) and a Genealogy submodel (its inlays, rolls, lamination and every station it passed, with the
 * manufacturing factors that scale its ageing; legitimate interest). Pure: built from the cell's state.
 */
public final class CellShell {
    private CellShell() {}

    private static final ObjectMapper MAPPER = org.ssbtwin.api.http.Json.MAPPER;

    public static final List<PassportShell.Part> PARTS = List.of(
            new PassportShell.Part("DigitalNameplate", "urn:samm:io.admin-shell.idta.batterypass.digital_nameplate:1.0.0#Nameplate",
                    List.of("/nameplate"), PassportTier.PUBLIC),
            new PassportShell.Part("Genealogy", "urn:ssbtwin:cell-genealogy:1", List.of("/genealogy"), PassportTier.LEGITIMATE_INTEREST));

    public static boolean isCell(String assetId) {
        return assetId.startsWith("C-");
    }

    public static PassportShell.Part part(String idShort) {
        return PARTS.stream().filter(p -> p.idShort().equals(idShort)).findFirst().orElse(null);
    }

    public static AssetAdministrationShell shell(Cell cell, PassportTier tier) {
        String id = cell.id().value();
        List<Reference> refs = new ArrayList<>();
        for (PassportShell.Part p : PARTS) if (tier.sees(p.tier())) refs.add(PassportShell.submodelRef(PassportShell.submodelId(id, p.idShort())));
        return new DefaultAssetAdministrationShell.Builder()
                .id(PassportShell.shellId(id))
                .idShort("Cell_" + id.replace('-', '_'))
                .administration(new DefaultAdministrativeInformation.Builder().version("1").revision(Long.toString(cell.revision())).build())
                .assetInformation(new DefaultAssetInformation.Builder().assetKind(AssetKind.INSTANCE)
                        .globalAssetId("urn:ssbtwin:cell:" + id).assetType("battery cell")
                        .specificAssetIds(new DefaultSpecificAssetId.Builder().name("partInstanceId").value(id).build()).build())
                .submodels(refs)
                .build();
    }

    /** The cell's data as JSON, by part: {"nameplate": {...}, "genealogy": {...}}. */
    public static ObjectNode document(Cell cell) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode n = doc.putObject("nameplate");
        String id = cell.id().value();
        n.put("serialNumber", id);
        n.put("site", PassportBuilder.site(id));
        n.put("status", cell.status().name());
        if (!cell.steps().isEmpty()) n.put("dateOfManufacture", cell.steps().get(0).at().toString().substring(0, 10));
        if (cell.grade() != null) n.put("grade", cell.grade());
        if (cell.packId() != null) n.put("packId", cell.packId().value());
        if (cell.vehicleId() != null) n.put("vehicleId", cell.vehicleId().value());
        CellGenealogy g = cell.genealogy();
        ObjectNode gen = doc.putObject("genealogy");
        gen.set("inlays", MAPPER.valueToTree(g.inlays()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (GenealogyStep s : g.steps()) {
            steps.add(Map.of("step", s.step(), "station", s.station() == null ? "" : s.station(), "at", s.at().toString(),
                    "result", s.result() == null ? "" : s.result()));
        }
        gen.set("steps", MAPPER.valueToTree(steps));
        if (g.manufacturingFactors() != null) gen.set("manufacturingFactors", MAPPER.valueToTree(g.manufacturingFactors()));
        return doc;
    }

    public static Submodel submodel(Cell cell, PassportShell.Part part) {
        ObjectNode doc = document(cell);
        List<SubmodelElement> elements = new ArrayList<>();
        ObjectNode value = PassportShell.valueOnly(doc, part);
        value.fields().forEachRemaining(e -> elements.add(PassportShell.element(e.getKey(), e.getValue())));
        return new DefaultSubmodel.Builder()
                .id(PassportShell.submodelId(cell.id().value(), part.idShort()))
                .idShort(part.idShort())
                .kind(ModellingKind.INSTANCE)
                .semanticId(PassportShell.semantic(part.semanticId()))
                .administration(new DefaultAdministrativeInformation.Builder().version("1").revision(Long.toString(cell.revision())).build())
                .submodelElements(elements)
                .build();
    }
}
