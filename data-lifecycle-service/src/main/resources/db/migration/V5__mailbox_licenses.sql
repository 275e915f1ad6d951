-- The products (SKU ids) whose Exchange Online plan licenses each mailbox, from LicenseAssigned and LicenseRemoved,
-- so that this service can say what removing some of a user's licenses does to their data (data.WhatHappensToData).
-- A mailbox licensed before this version learns its products from its next LicenseAssigned.
CREATE TABLE mailbox_license (
    user_id UUID NOT NULL REFERENCES mailbox (user_id),
    sku_id  UUID NOT NULL,
    PRIMARY KEY (user_id, sku_id)
);
