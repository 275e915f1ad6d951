package org.licenselifecycle.directory.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.GroupFixtures.createGroup;
import static org.licenselifecycle.directory.GroupFixtures.markSynchronised;
import static org.licenselifecycle.directory.UserFixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/** {@code GET /internal/groups/{id}}, which licensing-service asks before it gives a group a license. */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupSnapshotTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aGroupOfTheCallersTenantIsAnsweredWithItsNameAndWhetherItIsMasteredOnPremises() {
        UUID tenant = UUID.randomUUID();
        String cloud = createGroup(tenant, "Cloud staff");
        String synced = createGroup(tenant, "Synced staff");
        markSynchronised(entityManager, synced);

        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/groups/{id}", cloud)
                .then().statusCode(200)
                .body("id", equalTo(cloud))
                .body("displayName", equalTo("Cloud staff"))
                .body("onPremisesSyncEnabled", equalTo(false))
                .body("size()", equalTo(3));
        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/groups/{id}", synced)
                .then().statusCode(200).body("onPremisesSyncEnabled", equalTo(true));
    }

    @Test
    void anotherTenantsGroupOrNoneIsGraphs404() {
        String theirs = createGroup(UUID.randomUUID(), "Theirs");
        UUID tenant = UUID.randomUUID();

        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/groups/{id}", theirs)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/groups/{id}", UUID.randomUUID())
                .then().statusCode(404);
        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/groups/{id}", "nope")
                .then().statusCode(404);
    }
}
