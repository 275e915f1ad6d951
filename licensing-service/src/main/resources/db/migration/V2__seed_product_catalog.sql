-- Microsoft's product and service-plan identifiers, from "Product names and service plan identifiers for
-- licensing" (learn.microsoft.com, entra identity/users/licensing-service-plan-reference, updated
-- 2025-10-29). Each product carries a realistic subset of its plans: every Exchange Online, SharePoint /
-- OneDrive, Microsoft 365 Apps and Teams plan it has, plus some of the others.

INSERT INTO product (sku_id, sku_part_number, product_name) VALUES
    ('cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', 'SPB',            'Microsoft 365 Business Premium'),
    ('6fd2c87f-b296-42f0-b197-1e91e994b900', 'ENTERPRISEPACK', 'Office 365 E3'),
    ('05e9a617-0261-4cee-bb44-138d3ef5d965', 'SPE_E3',         'Microsoft 365 E3'),
    ('cdd28e44-67e3-425e-be4c-737fab2899d3', 'O365_BUSINESS',  'Microsoft 365 Apps for business');

INSERT INTO service_plan (service_plan_id, service_plan_name, friendly_name, workload, exchange_enterprise) VALUES
    -- Exchange Online: Plan 1 (Business Premium) and Plan 2 = Enterprise (the E3s)
    ('9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD',     'Exchange Online (Plan 1)',              'EXCHANGE_ONLINE',     FALSE),
    ('efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE',   'Exchange Online (Plan 2)',              'EXCHANGE_ONLINE',     TRUE),
    -- Exchange add-ons that do not give a mailbox of their own
    ('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION',   'Exchange Foundation',                   'OTHER',               FALSE),
    ('176a09a6-7ec5-4039-ac02-b2791c6ba793', 'EXCHANGE_S_ARCHIVE_ADDON','Exchange Online Archiving',             'OTHER',               FALSE),
    -- SharePoint (which brings OneDrive) and OneDrive on its own
    ('c7699d2e-19aa-44de-8edf-1736da088ca1', 'SHAREPOINTSTANDARD',      'SharePoint (Plan 1)',                   'SHAREPOINT_ONEDRIVE', FALSE),
    ('5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE',    'SharePoint (Plan 2)',                   'SHAREPOINT_ONEDRIVE', FALSE),
    ('13696edf-5a08-49f6-8134-03083ed8ba30', 'ONEDRIVESTANDARD',        'OneDrive for Business (Plan 1)',        'SHAREPOINT_ONEDRIVE', FALSE),
    -- Microsoft 365 Apps (the desktop Office apps)
    ('094e7854-93fc-4d55-b2c0-3ab5369ebdc1', 'OFFICE_BUSINESS',         'Microsoft 365 Apps for business',       'MICROSOFT_365_APPS',  FALSE),
    ('43de0ff5-c92c-492b-9116-175376d08c38', 'OFFICESUBSCRIPTION',      'Microsoft 365 Apps for enterprise',     'MICROSOFT_365_APPS',  FALSE),
    ('57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1',                  'Microsoft Teams',                       'TEAMS',               FALSE),
    ('e95bec33-7c88-4a70-8e19-b10bd9d0c014', 'SHAREPOINTWAC',           'Office for the Web',                    'OTHER',               FALSE),
    ('0feaeb32-d00e-4d66-bd5a-43b5b83db82c', 'MCOSTANDARD',             'Skype for Business Online (Plan 2)',    'OTHER',               FALSE),
    ('159f4cd6-e380-449f-a816-af1a9ef76344', 'FORMS_PLAN_E1',           'Microsoft Forms (Plan E1)',             'OTHER',               FALSE),
    ('2789c901-c14e-48ab-a76a-be334d9d793a', 'FORMS_PLAN_E3',           'Microsoft Forms (Plan E3)',             'OTHER',               FALSE),
    ('b737dad2-2f6c-4c65-90e3-ca563267e8b9', 'PROJECTWORKMANAGEMENT',   'Microsoft Planner',                     'OTHER',               FALSE),
    ('a23b959c-7ce8-4e57-9140-b90eb88a9e97', 'SWAY',                    'Sway',                                  'OTHER',               FALSE),
    ('7547a3fe-08ee-4ccb-b430-5077c5041653', 'YAMMER_ENTERPRISE',       'Yammer Enterprise',                     'OTHER',               FALSE),
    ('9e700747-8b1d-45e5-ab8d-ef187ceec156', 'STREAM_O365_E3',          'Microsoft Stream for Office 365 E3',    'OTHER',               FALSE),
    ('bea4c11e-220a-4e6d-8eb8-8ea15d019f90', 'RMS_S_ENTERPRISE',        'Azure Rights Management',               'OTHER',               FALSE),
    ('6c57d4b6-3b23-47a5-9bc9-69f17b4947b3', 'RMS_S_PREMIUM',           'Azure Information Protection Premium P1', 'OTHER',             FALSE),
    ('c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'INTUNE_A',                'Microsoft Intune Plan 1',               'OTHER',               FALSE),
    ('41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM',             'Microsoft Entra ID P1',                 'OTHER',               FALSE),
    ('8a256a2b-b617-496d-b51b-e76466e88db0', 'MFA_PREMIUM',             'Microsoft Azure Multi-Factor Authentication', 'OTHER',         FALSE),
    ('f20fedf3-f3c3-43c3-8267-2bfdd51c0939', 'ATP_ENTERPRISE',          'Microsoft Defender for Office 365 (Plan 1)', 'OTHER',          FALSE),
    ('bfc1bbd9-981b-4f71-9b82-17c35fd0e2a4', 'MDE_SMB',                 'Microsoft Defender for Business',       'OTHER',               FALSE),
    ('292cc034-7b7c-4950-aaf5-943befd3f1d4', 'MDE_LITE',                'Microsoft Defender for Endpoint Plan 1', 'OTHER',              FALSE),
    ('8e229017-d77b-43d5-9305-903395523b99', 'WINBIZ',                  'Windows 10/11 Business',                'OTHER',               FALSE),
    ('21b439ba-a0ca-424f-a6cc-52f954a5b111', 'WIN10_PRO_ENT_SUB',       'Windows 10/11 Enterprise (Original)',   'OTHER',               FALSE);

-- Microsoft 365 Business Premium (SPB)
INSERT INTO product_service_plan (sku_id, service_plan_id)
SELECT 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', service_plan_id FROM service_plan WHERE service_plan_name IN (
    'EXCHANGE_S_STANDARD', 'EXCHANGE_S_ARCHIVE_ADDON', 'EXCHANGE_S_FOUNDATION', 'SHAREPOINTSTANDARD', 'SHAREPOINTWAC',
    'OFFICE_BUSINESS', 'TEAMS1', 'MCOSTANDARD', 'FORMS_PLAN_E1', 'PROJECTWORKMANAGEMENT', 'SWAY', 'YAMMER_ENTERPRISE',
    'RMS_S_ENTERPRISE', 'RMS_S_PREMIUM', 'INTUNE_A', 'AAD_PREMIUM', 'MFA_PREMIUM', 'ATP_ENTERPRISE', 'MDE_SMB', 'WINBIZ');

-- Office 365 E3 (ENTERPRISEPACK)
INSERT INTO product_service_plan (sku_id, service_plan_id)
SELECT '6fd2c87f-b296-42f0-b197-1e91e994b900', service_plan_id FROM service_plan WHERE service_plan_name IN (
    'EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'SHAREPOINTWAC', 'OFFICESUBSCRIPTION', 'TEAMS1', 'MCOSTANDARD',
    'FORMS_PLAN_E3', 'PROJECTWORKMANAGEMENT', 'STREAM_O365_E3', 'SWAY', 'YAMMER_ENTERPRISE', 'RMS_S_ENTERPRISE');

-- Microsoft 365 E3 (SPE_E3): Office 365 E3's workloads plus Entra ID, Intune, Windows and Defender
INSERT INTO product_service_plan (sku_id, service_plan_id)
SELECT '05e9a617-0261-4cee-bb44-138d3ef5d965', service_plan_id FROM service_plan WHERE service_plan_name IN (
    'EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'SHAREPOINTWAC', 'OFFICESUBSCRIPTION', 'TEAMS1', 'MCOSTANDARD',
    'FORMS_PLAN_E3', 'PROJECTWORKMANAGEMENT', 'STREAM_O365_E3', 'SWAY', 'YAMMER_ENTERPRISE', 'RMS_S_ENTERPRISE',
    'RMS_S_PREMIUM', 'INTUNE_A', 'AAD_PREMIUM', 'MFA_PREMIUM', 'MDE_LITE', 'WIN10_PRO_ENT_SUB');

-- Microsoft 365 Apps for business (O365_BUSINESS): all of its plans; no Exchange Online, so no mailbox
INSERT INTO product_service_plan (sku_id, service_plan_id)
SELECT 'cdd28e44-67e3-425e-be4c-737fab2899d3', service_plan_id FROM service_plan WHERE service_plan_name IN (
    'FORMS_PLAN_E1', 'OFFICE_BUSINESS', 'ONEDRIVESTANDARD', 'SHAREPOINTWAC', 'SWAY');
