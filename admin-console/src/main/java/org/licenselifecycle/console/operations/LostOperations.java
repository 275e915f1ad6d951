package org.licenselifecycle.console.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.ServiceError;

/**
 * The page of an operation this console does not have (it restarted, the operation ran on another replica, or
 * its results are no longer kept): what was requested, read back from the operation's id, and what each user
 * holds now, read from licensing-service with the admin's token, so the admin sees where it stopped and can
 * finish it. The console cannot know whether it ran; it says so.
 */
@ApplicationScoped
public class LostOperations {

    /** A user of the lost operation, as licensing sees them now. */
    public record UserNow(String userId, String displayName, String userPrincipalName, boolean done, String now) {
    }

    /** What the page shows. */
    public record LostOperation(OperationRequest request, String title, boolean expired, List<UserNow> users,
            String productName) {

        public Instant startedAt() {
            return request.startedAt();
        }

        public String doneLink() {
            return request.doneLink();
        }

        /** Licenses page: the users who still hold the product, to open the "Unassign licenses" box for again. */
        public List<UserNow> stillHolding() {
            return request.kind() == OperationRequest.Kind.UNASSIGN_PRODUCT
                    ? users.stream().filter(u -> !u.done() && u.userPrincipalName() != null).toList() : List.of();
        }

        public String skuId() {
            return request.skuIds().isEmpty() ? null : request.skuIds().get(0);
        }
    }

    private final LicensingClient licensing;
    private final Clock clock;

    LostOperations(@RestClient LicensingClient licensing, Clock clock) {
        this.licensing = licensing;
        this.clock = clock;
    }

    public LostOperation of(OperationRequest request, String bearer) {
        boolean oneProduct = request.kind() == OperationRequest.Kind.UNASSIGN_PRODUCT
                || request.kind() == OperationRequest.Kind.ASSIGN_PRODUCT;
        String productName = oneProduct
                ? licensing.products(bearer).stream().filter(p -> p.skuId().equalsIgnoreCase(request.skuIds().get(0)))
                        .map(LicensingClient.Product::productName).findFirst().orElse(request.skuIds().get(0))
                : null;
        List<UserNow> users = request.userIds().stream().map(id -> now(request, id, productName, bearer)).toList();
        String title = switch (request.kind()) {
            case UNASSIGN_PRODUCT -> Titles.unassignProduct(productName);
            case KEEP_ONLY -> Titles.keepOnly(users.get(0).displayName());
            case UNASSIGN_ALL -> Titles.UNASSIGN_ALL;
            case ASSIGN_PRODUCT -> Titles.assignProduct(productName);
        };
        boolean expired = request.startedAt().plus(BulkOperations.KEPT_FOR).isBefore(clock.instant());
        return new LostOperation(request, title, expired, users, productName);
    }

    private UserNow now(OperationRequest request, String userId, String productName, String bearer) {
        LicensingClient.UserLicenses user;
        try {
            user = licensing.licensesOf(bearer, userId);
        } catch (ServiceError e) {
            return new UserNow(userId, userId, null, false, "Could not be read now: " + e.getMessage());
        }
        List<LicensingClient.License> left = user.licenses().stream().filter(l -> switch (request.kind()) {
            case UNASSIGN_PRODUCT -> l.skuId().equalsIgnoreCase(request.skuIds().get(0));
            case KEEP_ONLY -> request.skuIds().stream().noneMatch(kept -> kept.equalsIgnoreCase(l.skuId()));
            // what an admin cannot remove here stays after Unassign all, as it should
            case UNASSIGN_ALL -> l.keptBecause() == null;
            // what an assign leaves to do: the product, if the user does not have it
            case ASSIGN_PRODUCT -> l.skuId().equalsIgnoreCase(request.skuIds().get(0));
        }).toList();
        String names = left.stream().map(LicensingClient.License::productName).collect(Collectors.joining(", "));
        String now = switch (request.kind()) {
            case UNASSIGN_PRODUCT -> left.isEmpty() ? "No longer has " + productName + "." : "Still has " + productName + ".";
            case KEEP_ONLY -> left.isEmpty() ? "Has only the licenses that were to be kept."
                    : "Still has " + names + ", which " + (left.size() == 1 ? "was" : "were") + " to be unassigned.";
            case UNASSIGN_ALL -> left.isEmpty() ? "Has no license." : "Still has " + names + ".";
            case ASSIGN_PRODUCT -> left.isEmpty() ? "Does not have " + productName + "." : "Has " + productName + ".";
        };
        boolean done = request.kind() == OperationRequest.Kind.ASSIGN_PRODUCT ? !left.isEmpty() : left.isEmpty();
        return new UserNow(user.userId(), user.displayName(), user.userPrincipalName(), done, now);
    }
}
