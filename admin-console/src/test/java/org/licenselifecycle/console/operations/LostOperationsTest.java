package org.licenselifecycle.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.License;
import org.licenselifecycle.console.services.LicensingClient.UserLicenses;
import org.licenselifecycle.console.services.ServiceError;

/**
 * A lost operation's page, described from its request and what licensing says each user holds now: the title as the
 * running operation had it, per user whether the operation's work is done there, who still holds the product, and
 * whether its results would have been kept.
 */
class LostOperationsTest {

    private static final String OWNER = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String ADELE = "00000000-0000-4000-8000-000000000001";
    private static final String ALEX = "00000000-0000-4000-8000-000000000002";
    private static final String GONE = "00000000-0000-4000-8000-000000000003";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final LostOperations lost = new LostOperations(licensing(Map.of(
            ADELE, new UserLicenses(ADELE, "Adele Vance", "adele@contoso.example", "US", true,
                    List.of(license(BUSINESS_PREMIUM, "Microsoft 365 Business Premium"))),
            ALEX, new UserLicenses(ALEX, "Alex Wilber", "alex@contoso.example", "US", true,
                    List.of(license(E3, "Office 365 E3"))))), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLostUnassignSaysPerUserWhetherTheyStillHoldTheProductAndWhoToFinishItFor() {
        OperationRequest request = OperationRequest.unassignProduct(OWNER, NOW.minusSeconds(300), BUSINESS_PREMIUM,
                List.of(ADELE, ALEX, GONE));

        LostOperations.LostOperation operation = lost.of(request, "Bearer t");

        assertThat(operation.title()).isEqualTo("Unassign Microsoft 365 Business Premium");
        assertThat(operation.productName()).isEqualTo("Microsoft 365 Business Premium");
        assertThat(operation.skuId()).isEqualTo(BUSINESS_PREMIUM);
        assertThat(operation.expired()).isFalse();
        assertThat(operation.startedAt()).isEqualTo(NOW.minusSeconds(300));
        assertThat(operation.doneLink()).isEqualTo("/licenses/" + BUSINESS_PREMIUM);
        assertThat(operation.users()).extracting(LostOperations.UserNow::now).containsExactly(
                "Still has Microsoft 365 Business Premium.", "No longer has Microsoft 365 Business Premium.",
                "Could not be read now: Resource '" + GONE + "' does not exist.");
        assertThat(operation.users()).extracting(LostOperations.UserNow::done).containsExactly(false, true, false);
        assertThat(operation.stillHolding()).extracting(LostOperations.UserNow::userId).containsExactly(ADELE);
    }

    @Test
    void aLostKeepOnlyNamesTheLicensesThatWereToBeUnassigned() {
        OperationRequest kept = OperationRequest.keepOnly(OWNER, NOW, ADELE, List.of(BUSINESS_PREMIUM));
        OperationRequest notKept = OperationRequest.keepOnly(OWNER, NOW, ALEX, List.of(BUSINESS_PREMIUM));

        LostOperations.LostOperation done = lost.of(kept, "Bearer t");
        LostOperations.LostOperation left = lost.of(notKept, "Bearer t");

        assertThat(done.title()).isEqualTo("Save changes to Adele Vance's licenses");
        assertThat(done.users()).extracting(LostOperations.UserNow::now)
                .containsExactly("Has only the licenses that were to be kept.");
        assertThat(left.users()).extracting(LostOperations.UserNow::now)
                .containsExactly("Still has Office 365 E3, which was to be unassigned.");
        assertThat(left.stillHolding()).as("only for an unassign of one product").isEmpty();
        assertThat(left.skuId()).isEqualTo(BUSINESS_PREMIUM);
    }

    @Test
    void aLostUnassignAllSaysWhatEachUserStillHasAndAnHourLaterThatItsResultsAreNoLongerKept() {
        OperationRequest request = OperationRequest.unassignAll(OWNER, NOW.minus(BulkOperations.KEPT_FOR).minusSeconds(1),
                List.of(ADELE, ALEX));

        LostOperations.LostOperation operation = lost.of(request, "Bearer t");

        assertThat(operation.title()).isEqualTo(Titles.UNASSIGN_ALL);
        assertThat(operation.expired()).isTrue();
        assertThat(operation.productName()).isNull();
        assertThat(operation.users()).extracting(LostOperations.UserNow::now)
                .containsExactly("Still has Microsoft 365 Business Premium.", "Still has Office 365 E3.");
        assertThat(lost.of(OperationRequest.unassignAll(OWNER, NOW.minus(BulkOperations.KEPT_FOR), List.of(ADELE)),
                "Bearer t").expired()).as("exactly an hour old").isFalse();
    }

    @Test
    void aLostAssignSaysPerUserWhetherTheyHaveTheProductNow() {
        OperationRequest request = OperationRequest.assignProduct(OWNER, NOW, E3, List.of(ADELE, ALEX));

        LostOperations.LostOperation operation = lost.of(request, "Bearer t");

        assertThat(operation.title()).isEqualTo("Assign Office 365 E3");
        assertThat(operation.doneLink()).isEqualTo("/licenses/" + E3);
        assertThat(operation.users()).extracting(LostOperations.UserNow::now)
                .containsExactly("Does not have Office 365 E3.", "Has Office 365 E3.");
        assertThat(operation.users()).extracting(LostOperations.UserNow::done).containsExactly(false, true);
        assertThat(operation.stillHolding()).as("nothing to unassign again").isEmpty();
        assertThat(OperationRequest.of(request.id())).as("its id reads back").contains(request);
    }

    private static License license(String skuId, String productName) {
        return new License(skuId, "PART", productName, List.of(), NOW, null);
    }

    /** licensing-service as the console's client sees it: the catalog and each user's licenses; nothing else is asked. */
    private static LicensingClient licensing(Map<String, UserLicenses> users) {
        return (LicensingClient) Proxy.newProxyInstance(LicensingClient.class.getClassLoader(),
                new Class<?>[] {LicensingClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "products" -> List.of(
                            new LicensingClient.Product(BUSINESS_PREMIUM, "SPB", "Microsoft 365 Business Premium", 5, 1, 4, "Active"),
                            new LicensingClient.Product(E3, "ENTERPRISEPACK", "Office 365 E3", 5, 1, 4, "Active"));
                    case "licensesOf" -> {
                        UserLicenses user = users.get((String) args[1]);
                        if (user == null) {
                            throw new ServiceError(404, "Request_ResourceNotFound", "Resource '" + args[1] + "' does not exist.");
                        }
                        yield user;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
