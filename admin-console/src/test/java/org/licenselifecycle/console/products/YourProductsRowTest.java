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
                licensesChangeOnYourProducts, true, null, "Active", null, null, null);
    }

    @Test
    void aSubscriptionNotRenewedShowsItsStateAndTheDatesLicensingGaveIt() {
        Instant expires = Instant.parse("2028-01-04T09:00:00Z");
        Instant disabled = Instant.parse("2028-02-03T09:00:00Z");
        Instant deleted = Instant.parse("2028-05-03T09:00:00Z");

        assertThat(Row.of(life("Active", expires, disabled, deleted)).life()).isEqualTo("Expires on 4 January 2028 "
                + "(recurring billing is off); disabled on 3 February 2028, deleted on 3 May 2028 unless reactivated.");
        Row expired = Row.of(life("Expired", expires, disabled, deleted));
        assertThat(expired.status()).isEqualTo("Expired");
        assertThat(expired.life()).isEqualTo("Expired on 4 January 2028; users keep access; disabled on 3 February 2028, "
                + "deleted on 3 May 2028 unless reactivated.");
        assertThat(Row.of(life("Disabled", expires, disabled, deleted)).life()).isEqualTo("Disabled: users can't use its "
                + "licenses; admins keep the data; deleted on 3 May 2028 unless reactivated.");
        assertThat(Row.of(life("Deleted", expires, disabled, deleted)).life()).isEqualTo("Deleted on 3 May 2028.");
        // one that renews has no end to show
        assertThat(Row.of(life("Active", null, null, null)).life()).isEmpty();
    }

    private static Subscription life(String lifecycleStatus, Instant expires, Instant disabled, Instant deleted) {
        return new Subscription("s", "sku", "SPB", "Microsoft 365 Business Premium", 5, "Enabled", Instant.EPOCH, expires,
                false, "ADMIN", null, null, "SUBSCRIPTION", true, false, true, expires == null, null, lifecycleStatus, expires, disabled,
                deleted);
    }
}
