package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.CompanySubscription;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Microsoft's own Graph Java SDK, unchanged, pointed at this service with a static bearer token: whatever
 * it cannot parse or send is a compatibility bug here.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GraphSdkTest {

    @Test
    void theSdkAssignsAndRemovesLicensesAndReadsThemBack() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        tenant.buy(OFFICE_365_E3, 2);
        UUID user = tenant.newUser();
        GraphServiceClient graph = client(tenant.licenseAdmin);

        AssignedLicense premium = new AssignedLicense();
        premium.setSkuId(BUSINESS_PREMIUM);
        premium.setDisabledPlans(List.of(TEAMS1));
        AssignedLicense e3 = new AssignedLicense();
        e3.setSkuId(OFFICE_365_E3);
        AssignLicensePostRequestBody add = new AssignLicensePostRequestBody();
        add.setAddLicenses(List.of(premium, e3));
        add.setRemoveLicenses(List.of());
        User assigned = graph.users().byUserId(user.toString()).assignLicense().post(add);

        assertThat(assigned.getId()).isEqualTo(user.toString());
        assertThat(assigned.getAssignedLicenses()).extracting(AssignedLicense::getSkuId)
                .containsExactlyInAnyOrder(BUSINESS_PREMIUM, OFFICE_365_E3);

        List<LicenseDetails> details = graph.users().byUserId(user.toString()).licenseDetails().get().getValue();
        LicenseDetails spb = details.stream().filter(d -> BUSINESS_PREMIUM.equals(d.getSkuId())).findFirst().orElseThrow();
        assertThat(spb.getSkuPartNumber()).isEqualTo("SPB");
        assertThat(spb.getServicePlans()).filteredOn(p -> "Disabled".equals(p.getProvisioningStatus()))
                .extracting(ServicePlanInfo::getServicePlanId).containsExactly(TEAMS1);

        List<SubscribedSku> skus = graph.subscribedSkus().get().getValue();
        SubscribedSku owned = skus.stream().filter(s -> BUSINESS_PREMIUM.equals(s.getSkuId())).findFirst().orElseThrow();
        assertThat(owned.getConsumedUnits()).isEqualTo(1);
        assertThat(owned.getPrepaidUnits().getEnabled()).isEqualTo(13);
        assertThat(owned.getCapabilityStatus()).isEqualTo("Enabled");
        assertThat(owned.getAppliesTo()).isEqualTo("User");
        assertThat(owned.getServicePlans()).extracting(ServicePlanInfo::getServicePlanName).contains("EXCHANGE_S_STANDARD");

        AssignLicensePostRequestBody remove = new AssignLicensePostRequestBody();
        remove.setAddLicenses(List.of());
        remove.setRemoveLicenses(List.of(BUSINESS_PREMIUM));
        User removed = graph.users().byUserId(user.toString()).assignLicense().post(remove);

        assertThat(removed.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(OFFICE_365_E3);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(13, 0, 13);
    }

    @Test
    void theSdkReadsGraphsRefusalsAsODataErrors() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();
        GraphServiceClient graph = client(tenant.licenseAdmin);
        AssignLicensePostRequestBody remove = new AssignLicensePostRequestBody();
        remove.setAddLicenses(List.of());
        remove.setRemoveLicenses(List.of(BUSINESS_PREMIUM));

        assertThatThrownBy(() -> graph.users().byUserId(user.toString()).assignLicense().post(remove))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest");
                    assertThat(error.getError().getMessage()).isEqualTo("User does not have a corresponding license");
                });
    }

    @Test
    void theSdkListsTheTenantsSubscriptions() {
        TestTenant tenant = new TestTenant();
        String five = tenant.buy(BUSINESS_PREMIUM, 5);

        var subscriptions = client(tenant.licenseAdmin).directory().subscriptions().get().getValue();

        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).getId()).isEqualTo(five);
        assertThat(subscriptions.get(0).getTotalLicenses()).isEqualTo(5);
        assertThat(subscriptions.get(0).getSkuPartNumber()).isEqualTo("SPB");
        assertThat(subscriptions.get(0).getStatus()).isEqualTo("Enabled");
        assertThat(subscriptions.get(0).getCreatedDateTime()).isNotNull();
    }

    @Test
    void theSdkReadsSubscribedSkusAndSubscriptionsOneByOne() {
        TestTenant tenant = new TestTenant();
        String enabled = tenant.buy(BUSINESS_PREMIUM, 5);
        String suspended = tenant.buy(BUSINESS_PREMIUM, 2, "Suspended");
        GraphServiceClient graph = client(tenant.token(org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_READER));

        SubscribedSku listed = graph.subscribedSkus().get().getValue().get(0);
        SubscribedSku sku = graph.subscribedSkus().bySubscribedSkuId(tenant.id + "_" + BUSINESS_PREMIUM).get();

        for (SubscribedSku s : List.of(listed, sku)) {
            assertThat(s.getId()).isEqualTo(tenant.id + "_" + BUSINESS_PREMIUM);
            assertThat(s.getCapabilityStatus()).isEqualTo("Enabled");
            assertThat(s.getPrepaidUnits().getEnabled()).isEqualTo(5);
            assertThat(s.getPrepaidUnits().getSuspended()).isEqualTo(2);
            assertThat(s.getPrepaidUnits().getWarning()).isZero();
            assertThat(s.getPrepaidUnits().getLockedOut()).isZero();
            assertThat(s.getAccountId()).isEqualTo(tenant.id.toString());
            assertThat(s.getSubscriptionIds()).containsExactlyInAnyOrder(enabled, suspended);
        }

        CompanySubscription byId = graph.directory().subscriptions().byCompanySubscriptionId(suspended).get();
        CompanySubscription byCommerceId = graph.directory().subscriptionsWithCommerceSubscriptionId(suspended).get();
        for (CompanySubscription s : List.of(byId, byCommerceId)) {
            assertThat(s.getId()).isEqualTo(suspended);
            assertThat(s.getCommerceSubscriptionId()).isEqualTo(suspended);
            assertThat(s.getStatus()).isEqualTo("Suspended");
            assertThat(s.getTotalLicenses()).isEqualTo(2);
            assertThat(s.getServiceStatus()).extracting(ServicePlanInfo::getProvisioningStatus).containsOnly("Disabled");
        }

        assertThatThrownBy(() -> graph.subscribedSkus().bySubscribedSkuId(tenant.id + "_" + OFFICE_365_E3).get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
                });
        assertThatThrownBy(() -> graph.directory().subscriptions().byCompanySubscriptionId(UUID.randomUUID().toString()).get())
                .isInstanceOfSatisfying(ODataError.class, error -> assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void anApplicationAssignsLicensesAsItselfWithTheSdkAndAnAppOnlyToken() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();
        // what a daemon gets with client credentials: roles=[LicenseAssignment.ReadWrite.All, Organization.Read.All]
        GraphServiceClient daemon = client(DevTokens.app(tenant.id, "LicenseAssignment.ReadWrite.All",
                "Organization.Read.All"));
        AssignedLicense premium = new AssignedLicense();
        premium.setSkuId(BUSINESS_PREMIUM);
        AssignLicensePostRequestBody add = new AssignLicensePostRequestBody();
        add.setAddLicenses(List.of(premium));
        add.setRemoveLicenses(List.of());

        User assigned = daemon.users().byUserId(user.toString()).assignLicense().post(add);

        assertThat(assigned.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(BUSINESS_PREMIUM);
        assertThat(daemon.subscribedSkus().get().getValue()).extracting(SubscribedSku::getSkuId).contains(BUSINESS_PREMIUM);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
    }

    @Test
    void anApplicationWithoutAWritePermissionIsRefusedAsGraphRefusesIt() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();
        GraphServiceClient reader = client(DevTokens.app(tenant.id, "LicenseAssignment.Read.All", "User.Read.All"));
        AssignedLicense premium = new AssignedLicense();
        premium.setSkuId(BUSINESS_PREMIUM);
        AssignLicensePostRequestBody add = new AssignLicensePostRequestBody();
        add.setAddLicenses(List.of(premium));
        add.setRemoveLicenses(List.of());

        assertThatThrownBy(() -> reader.users().byUserId(user.toString()).assignLicense().post(add))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(403);
                    assertThat(error.getError().getCode()).isEqualTo("Authorization_RequestDenied");
                    assertThat(error.getError().getMessage()).isEqualTo("Insufficient privileges to complete the operation.");
                });
        // reading is what it may do
        assertThat(reader.users().byUserId(user.toString()).licenseDetails().get().getValue()).isEmpty();
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
    }

    /** The SDK pointed at this service with a static token (also SubscriptionLifeTest). */
    static GraphServiceClient client(String token) {
        AccessTokenProvider staticToken = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("localhost");
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(staticToken));
        client.getRequestAdapter().setBaseUrl("http://localhost:" + RestAssured.port + "/v1.0");
        return client;
    }
}
