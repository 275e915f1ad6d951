package org.licenselifecycle.console.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.products.YourProductsPage.Row;
import org.licenselifecycle.console.services.LicensingClient.Purchaser;
import org.licenselifecycle.console.services.LicensingClient.Subscription;

/** Your products shows what licensing says of a subscription and does not recompute it from how it was bought. */
class YourProductsRowTest {

    @Test
    void perpetualSoftwareIsSentToTheLicensesPageWhenLicensingSaysYourProductsDoesNotChangeItsLicenses() {
        Row row = Row.of(subscription("CSP", null, false, false));

        assertThat(row.cspPerpetual()).isTrue();
        assertThat(row.selfServiceNotTakenOver()).isFalse();
        assertThat(row.boughtBy()).isEqualTo("Your Cloud Solution Provider");
    }

    @Test
    void aPurchaseItsPurchaserManagesOffersTakeOverAndNamesThePurchaser() {
        Row row = Row.of(subscription("SELF_SERVICE", new Purchaser("p", "Megan Bowen"), true, true));

        assertThat(row.selfServiceNotTakenOver()).isTrue();
        assertThat(row.cspPerpetual()).isFalse();
        assertThat(row.boughtBy()).isEqualTo("Self-service purchase by Megan Bowen");
    }

    @Test
    void aTakenOverPurchaseIsAnOrdinaryRow() {
        Row row = Row.of(subscription("SELF_SERVICE", null, false, true));

        assertThat(row.selfServiceNotTakenOver()).isFalse();
        assertThat(row.cspPerpetual()).isFalse();
        assertThat(row.boughtBy()).isEqualTo("Self-service purchase by a user");
        assertThat(Row.of(subscription("ADMIN", null, false, true)).boughtBy()).isEqualTo("An admin");
    }

    private static Subscription subscription(String boughtBy, Purchaser purchaser, boolean managedByPurchaser,
            boolean licensesChangeOnYourProducts) {
        // productKind and takenOverDateTime say the opposite on purpose: the row follows licensing's two facts
        return new Subscription("s", "sku", "SPB", "Microsoft 365 Business Premium", 5, "Enabled", Instant.EPOCH, null,
                false, boughtBy, purchaser, managedByPurchaser ? Instant.EPOCH : null,
                licensesChangeOnYourProducts ? "PERPETUAL_SOFTWARE" : "SUBSCRIPTION", true, managedByPurchaser,
                licensesChangeOnYourProducts, true, null);
    }
}
