package org.licenselifecycle.licensing;

import java.util.UUID;

/** Microsoft's ids the tests use (see the catalog file, licensing-service/src/main/resources/catalog). */
public final class Catalog {
    public static final UUID BUSINESS_PREMIUM = UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
    public static final UUID OFFICE_365_E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    public static final UUID MICROSOFT_365_E3 = UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965");
    public static final UUID APPS_FOR_BUSINESS = UUID.fromString("cdd28e44-67e3-425e-be4c-737fab2899d3");

    public static final UUID EXCHANGE_S_STANDARD = UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c");
    public static final UUID EXCHANGE_S_ENTERPRISE = UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0");
    public static final UUID SHAREPOINTSTANDARD = UUID.fromString("c7699d2e-19aa-44de-8edf-1736da088ca1");
    public static final UUID OFFICE_BUSINESS = UUID.fromString("094e7854-93fc-4d55-b2c0-3ab5369ebdc1");
    public static final UUID TEAMS1 = UUID.fromString("57ff2da0-773e-42df-b2af-ffb7a2317929");

    /** Microsoft Workplace Analytics, an add-on: its user plan needs Exchange Online (Plan 1) or (Plan 2) enabled. */
    public static final UUID WORKPLACE_ANALYTICS = UUID.fromString("3d957427-ecdc-4df2-aacd-01cc9d519da8");
    public static final UUID WORKPLACE_ANALYTICS_INSIGHTS_USER = UUID.fromString("b622badb-1b45-48d5-920f-4b27a2c0996c");

    /** A product id that is in no catalog: not one of Microsoft's, so a full catalog file does not hold it either. */
    public static final UUID NOT_IN_CATALOG = UUID.fromString("0000e5e5-0000-4000-8000-00000000e5e5");

    private Catalog() {
    }
}
