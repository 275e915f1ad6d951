package org.licenselifecycle.console.offboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.licenselifecycle.console.Confirmation;
import org.licenselifecycle.console.services.DirectoryClient.Offboarding;

/**
 * The admin center's "Remove a former employee" steps, and which of them directory-service's offboarding carries out
 * here (block sign-in, remove licenses, delete the user; OneDrive access for the manager comes with the deletion); the
 * others are named so that the admin knows they remain to be done in the admin center.
 */
public final class FormerEmployeeSteps {

    /** One of the steps: {@code choice} is the form field of a step done here, null for a step done elsewhere. */
    public record Step(int number, String title, String here, String choice) {
    }

    /** The steps of Microsoft's "Remove a former employee", in its order. */
    public static final List<Step> STEPS = List.of(
            new Step(1, "Prevent the former employee from signing in",
                    "Blocks sign-in to the account. Signing them out of sessions already open is done in the admin center.",
                    "blockSignIn"),
            new Step(2, "Save the contents of their mailbox",
                    "Not done here: the answer below says when the mailbox's data is deleted.", null),
            new Step(3, "Wipe and block their mobile device", "Not done here: use the Exchange admin center.", null),
            new Step(4, "Forward their email to another employee or convert the mailbox to a shared mailbox",
                    "Not done here: use the admin center before the license goes.", null),
            new Step(5, "Give another employee access to their OneDrive and Outlook data",
                    "Comes with deleting the account: the answer below names who is given access to their OneDrive.",
                    null),
            new Step(6, "Remove their licenses", "Unassigns their licenses; the answer below says which go.",
                    "unassignLicenses"),
            new Step(7, "Delete their user account",
                    "Deletes the account; the answer below says what happens to its licenses and data, and until when it "
                            + "can be restored.", "deleteUser"));

    private FormerEmployeeSteps() {
    }

    /** The box that asks the admin to confirm the chosen steps for the user. */
    static Confirmation confirmation(String userId, String displayName, Offboarding choices) {
        List<String> chosen = new ArrayList<>();
        if (choices.blockSignIn()) {
            chosen.add("block their sign-in");
        }
        if (choices.unassignLicenses() && !choices.deleteUser()) {
            chosen.add("remove their licenses");
        }
        if (choices.deleteUser()) {
            chosen.add("delete their account");
        }
        String path = "/users/" + userId + "/former-employee";
        return new Confirmation("Remove a former employee", "Remove " + displayName + " as a former employee: "
                + String.join(", ", chosen) + "?", path + "/confirmed", "Remove former employee", path,
                Map.of("blockSignIn", Boolean.toString(choices.blockSignIn()),
                        "unassignLicenses", Boolean.toString(choices.unassignLicenses()),
                        "deleteUser", Boolean.toString(choices.deleteUser())));
    }

    /** Whether the admin chose anything to do here. */
    static boolean anyChosen(Offboarding choices) {
        return choices.blockSignIn() || choices.unassignLicenses() || choices.deleteUser();
    }
}
