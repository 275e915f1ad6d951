-- Graph's licenseAssignmentState ActiveWithError: the member holds the product through the group, but the group's last
-- processing of them failed (another of its products could not be given, or it turns off a plan another license
-- still needs). Active alone goes with error None.
ALTER TABLE inherited_license
    DROP CONSTRAINT inherited_license_state_check,
    ADD CONSTRAINT inherited_license_state_check CHECK (state IN ('Active', 'ActiveWithError', 'Error'));
