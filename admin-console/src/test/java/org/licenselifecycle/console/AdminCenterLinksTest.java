package org.licenselifecycle.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tenant's own admin-center links (worldwide or 21Vianet) are shown as directory-service gives them
 * ({@code GET /api/v1/tenants/current}); the console holds no copy of them, and an error page asks no service for them.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class AdminCenterLinksTest {

    @Test
    void aSignedInPageShowsTheLinksOfTheTenantsAdminCenterAsDirectoryGivesThem() {
        String page = given().cookie("console_session", SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").session())
                .get("/licenses").then().statusCode(200).extract().asString();

        assertThat(page).contains("id=\"admin-center-links\"").contains("Microsoft 365 admin center (21Vianet)")
                .contains("href=\"https://go.microsoft.com/fwlink/p/?linkid=850625\"")
                .contains("href=\"https://go.microsoft.com/fwlink/p/?linkid=850628\"");
    }

    @Test
    void anErrorPageShowsNoLinksSoThatItAsksNoService() {
        String page = given().cookie("console_session", SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR").session())
                .get("/licenses/" + FakeServices.REFUSED).then().statusCode(403).extract().asString();

        assertThat(page).contains("Insufficient privileges").doesNotContain("admin-center-links");
    }

    @Test
    void theConsoleHoldsNoAdminCenterLinkOfItsOwn() throws Exception {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("go.microsoft.com/fwlink")
                            .doesNotContain("admin.microsoft.com"));
        }
    }
}
