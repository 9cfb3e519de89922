-- The company-wide quarterly complaint analysis (全公司): a report without a site, over
-- every site. One per quarter: nulls not distinct makes the company's quarter unique
-- like each site's, and keeps the constraint that ON CONFLICT names.
alter table quarterly_analysis alter column site_id drop not null;
alter table quarterly_analysis drop constraint quarterly_analysis_site_id_year_quarter_key;
alter table quarterly_analysis add constraint quarterly_analysis_site_id_year_quarter_key
    unique nulls not distinct (site_id, year, quarter);
