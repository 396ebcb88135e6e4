package org.ssbtwin.api.auth;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssbtwin.config.AuthSettings.Role;

class AccessPolicyTest {
    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/health, public", "GET, /api/v1/ready, public", "GET, /api/v1/openapi.json, public",
            "GET, /api/v1/openapi, public", "GET, /, public", "GET, /dashboard/index.html, public", "OPTIONS, /api/v1/telemetry, public",
            "GET, /api/v1/packs, reader", "HEAD, /api/v1/packs, reader", "GET, /api/v1/search, reader", "GET, /api/v1/events, reader",
            "GET, /api/v1/studies/abc/result.csv, reader", "GET, /api/v1/healthz, reader", "GET, /api/v1, reader",
            "POST, /api/v1/telemetry, operator", "POST, /api/v1/telemetry/, operator", "POST, //api/v1//telemetry, operator",
            "POST, /api/v1/plant/mes-records, operator", "PUT, /api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC, operator",
            "POST, /api/v1/studies, engineer", "DELETE, /api/v1/studies/x, engineer", "POST, /api/v1/scenarios, engineer",
            "DELETE, /api/v1/scenarios/s1, engineer", "PUT, /api/v1/stations/DK1-LAM-01, engineer", "POST, /api/v1/plant/kpis, engineer",
            "PATCH, /api/v1/packs/P-DK1-000001, engineer", "post, /api/v1/telemetry, operator",
            "GET, /api/v1/packs/P-DK1-000001/passport, public", "GET, /api/v1/packs/P-DK1-000001/passport/qr.png, public",
            "GET, /api/v1/aas/shells, public", "GET, /api/v1/aas/submodels/abc/$value, public", "GET, /api/v1/passports, reader",
            "GET, /api/v1/packs/P-DK1-000001/passport/other, reader", "POST, /api/v1/packs/P-DK1-000001/passport, engineer"})
    void requiredRole(String method, String path, String expected) {
        Optional<Role> r = AccessPolicy.required(method, path);
        assertEquals(expected, r.map(Role::label).orElse("public"), method + " " + path);
    }

    @ParameterizedTest
    @CsvSource({"reader, reader, true", "reader, operator, false", "operator, reader, true", "operator, engineer, false",
            "engineer, operator, true", "engineer, engineer, true",
            "legitimate-interest, reader, false", "authority, reader, false", "authority, engineer, false",
            "engineer, authority, false", "authority, authority, true"})
    void rolesAreOrdered(String has, String needs, boolean allowed) {
        assertEquals(allowed, Role.ofLabel(has).includes(Role.ofLabel(needs)));
    }
}
