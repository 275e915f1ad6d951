package org.licenselifecycle.console.operations;

/** The titles of the bulk operations, the same on their progress page and on the page of a lost one. */
public final class Titles {

    public static final String UNASSIGN_ALL = "Unassign all product licenses";

    private Titles() {
    }

    public static String unassignProduct(String productName) {
        return "Unassign " + productName;
    }

    public static String assignProduct(String productName) {
        return "Assign " + productName;
    }

    public static String keepOnly(String displayName) {
        return "Save changes to " + displayName + "'s licenses";
    }
}
