-- Several sources of one product (issue 16): the license a user holds turns off only the plans every source turns off
-- (disabled_plans), while a direct assignment keeps its own plans (direct_disabled_plans), shown in its
-- licenseAssignmentState and kept when a group joins or leaves. Until now a direct assignment's plans were the held ones.
ALTER TABLE license_assignment ADD COLUMN direct_disabled_plans UUID[] NOT NULL DEFAULT '{}';
UPDATE license_assignment SET direct_disabled_plans = disabled_plans WHERE direct;
