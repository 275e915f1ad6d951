package org.licenselifecycle.directory.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.APPLIED;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.BUSINESS_PREMIUM;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.businessPremium;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * The requests Microsoft Graph PowerShell (2.x) sends for
 * {@code Get-MgUser -Filter "assignedLicenses/any(x:x/skuId eq …)" -ConsistencyLevel eventual -CountVariable c -All},
 * replayed byte for byte as its {@code -Debug} output shows them: the {@code $filter} value escaped as .NET's
 * {@code Uri.EscapeDataString} escapes it, {@code $count=true} from {@code -CountVariable}, no {@code $top} unless
 * {@code -PageSize} is given, and the same headers on every page it follows with {@code -All}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GetMgUserReplayTest {

    private UUID tenant;
    private List<String> holders;

    @BeforeEach
    void threeHoldersOfBusinessPremiumAndOneUserWithout() {
        tenant = UUID.randomUUID();
        holders = new ArrayList<>();
        Instant now = Instant.now();
        for (String alias : List.of("ps.adele", "ps.alex", "ps.megan")) {
            String id = createUser(tenant, alias);
            holders.add(id);
            publish(businessPremium(tenant, UUID.fromString(id), now), now);
        }
        createUser(tenant, "ps.unlicensed");
        await().atMost(APPLIED).until(() -> cmdlet().urlEncodingEnabled(false).get(firstPage(""))
                .then().extract().jsonPath().getList("value").size() == 3);
    }

    @Test
    void getMgUserWithFilterConsistencyLevelCountVariableAndAllGetsEveryHolderAndTheCount() {
        JsonPath page = cmdlet().urlEncodingEnabled(false)
                .when().get(firstPage(""))
                .then().statusCode(200)
                .header("client-request-id", equalTo("7d6c6b8e-0c57-4a2b-9f7e-3f1d6f0c1a11"))
                .extract().jsonPath();

        // -CountVariable c reads @odata.count; -All follows @odata.nextLink until there is none
        assertThat(page.getInt("'@odata.count'")).isEqualTo(3);
        assertThat(page.getString("'@odata.nextLink'")).isNull();
        assertThat(page.getList("value.id")).containsExactlyInAnyOrderElementsOf(holders);
    }

    @Test
    void withPageSizeItFollowsEachNextLinkWithTheSameHeaders() {
        // -PageSize 1 adds $top=1, first of the query options as the cmdlet writes them
        List<String> seen = new ArrayList<>();
        JsonPath page = cmdlet().urlEncodingEnabled(false).when().get(firstPage("$top=1&"))
                .then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("value.id"));
        assertThat(page.getInt("'@odata.count'")).isEqualTo(3);
        for (int pages = 1; page.getString("'@odata.nextLink'") != null && pages < 10; pages++) {
            page = cmdlet().urlEncodingEnabled(false).when().get(page.getString("'@odata.nextLink'"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getInt("'@odata.count'")).isEqualTo(3);
            seen.addAll(page.getList("value.id"));
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(holders);
    }

    /** {@code GET /v1.0/users?[top]$filter=...&$count=true} as the cmdlet writes it. */
    private static String firstPage(String top) {
        return "/v1.0/users?" + top + "$filter=assignedLicenses%2Fany%28x%3Ax%2FskuId%20eq%20" + BUSINESS_PREMIUM
                + "%29&$count=true";
    }

    /** The headers of Microsoft Graph PowerShell 2.x, as its -Debug output lists them, and its bearer token. */
    private RequestSpecification cmdlet() {
        return given()
                .header("Authorization", "Bearer " + DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR))
                .header("FeatureFlag", "00000003")
                .header("Cache-Control", "no-store, no-cache")
                .header("User-Agent", "Mozilla/5.0,(Windows NT 10.0; Microsoft Windows 10.0.26200; en-US),PowerShell/7.5.4")
                .header("SdkVersion", "graph-powershell/2.35.1")
                .header("client-request-id", "7d6c6b8e-0c57-4a2b-9f7e-3f1d6f0c1a11")
                .header("Accept-Encoding", "gzip,deflate,br")
                .header("ConsistencyLevel", "eventual");
    }
}
