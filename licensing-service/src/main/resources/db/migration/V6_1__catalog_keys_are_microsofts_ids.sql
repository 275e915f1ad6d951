-- The catalog now holds the whole of Microsoft's reference (db.migration.R__Product_catalog), in which a few
-- part numbers and plan names are given to more than one GUID (MCOPSTN5; PROJECT_ESSENTIALS). Products and
-- plans are identified by their GUIDs, as in Graph; their names need not be unique.
ALTER TABLE product DROP CONSTRAINT product_sku_part_number_key;
ALTER TABLE service_plan DROP CONSTRAINT service_plan_service_plan_name_key;
