"""A real borough's open-data folder (tests/fixtures/real, see its SOURCES.md): every file either imports with the
figures its cells hold (spot cells read from the files by hand) or is refused, saying why; none is misread."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, do_import, stored_values

REAL = FIXTURES / "real"
TH, ENG, LON = "Tower Hamlets", "England", "London"
_LLW = "%s: Number earning less than London Living Wage (LLW) per hour"
_ONS = "Recent and lapsed internet users and internet non-users%s, uk (%s): %s"
_LWF = "{}: % earning below Living Wage Foundation rates: {}"
_CSEW = (
    "Percentages of adults aged 16 and over/households who were victims of crime ({}cluding fraud and computer "
    "misuse) once or more {}: Personal crime"
)

#: File -> spot cells (measure as named on import, area, period, breakdown, the value in the file).
READS = {
    # DfE open data: periods from time_period and time_identifier, areas from geographic_level.
    "education_headline_figures.csv": [
        ("Child protection plans", ENG, "2015", "", 49690.0),
        ("Completed assessments", ENG, "2013", "", "Not available (x)"),
        ("Children in need per 10000 children", ENG, "2013", "", 330.9)],
    "education_a1_cin_assessments_episodes_referrals_2013_to_2022.csv": [
        ("Number: Children in Need, Episodes of need at any point in the year", ENG, "2022", "", 764150.0),
        ("Percent: Children in Need, Episodes of need at any point in the year", ENG, "2022", "",
         "Not applicable (z)")],
    "education_a3_cin_primary_need_by_age_gender_2018_to_2022.csv": [
        ("CIN At31: Primary need at assessment", ENG, "2022", "", 404310.0)],
    "education_a5_cpp_initial_category_of_abuse_by_gender_age_ethnicity_2018_to_2022.csv": [
        ("CPP At31: Gender", ENG, "2022", "", 50920.0)],
    "education_a7_cin_by_age_gender_ethnicity_2015_to_2022.csv": [
        ("Number: Children in Need at 31 March", ENG, "2022", "", 404310.0)],
    "education_4_early_years_provision_ofsted_ratings_2018_2022.csv": [
        ("Number of 2 year olds: 15-hour entitlement", TH, "2022", "", 815.0),
        ("Percentage of 2 year olds: 15-hour entitlement", TH, "2022", "", "Not applicable (z)")],
    "education_b3_cin_primary_need_2013_to_2022.csv": [
        ("At31 episodes: Primary need at assessment", TH, "2022", "", 2964.0),
        ("At31 episodes: Primary need at assessment", TH, "2021", "", 2928.0),
        ("N1 Abuse or neglect: Primary need at assessment", TH, "2022", "", 1445.0)],
    "education_b5_children_in_need_duration_of_ended_episode_2013_to_2022.csv": [
        ("Ended episodes: Duration of ended episode", TH, "2022", "", 3702.0),
        ("3 months or less percent: Duration of ended episode", TH, "2022", "", 51.9)],
    "education_b7_child_in_need_plans_2022.csv": [("CINPlan start rate: CIN Plans", TH, "2022", "", 183.4)],
    "education_c2_children_in_need_assessments_duration_2014_to_2022.csv": [
        ("Median days: Duration of assessment", TH, "2022", "", 34.0)],
    "education_c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv": [
        ("Section47 rate: Section 47s and Initial Child Protection Conferences", TH, "2022", "", 246.6)],
    "education_c6_children_in_need_referrals_by_month_2013_to_2022.csv": [
        ("Referrals: Month of referral", TH, "2022", "", 5919.0), ("April: Month of referral", TH, "2022", "", 511.0)],
    "education_d2_cpps_starting_by_category_of_abuse_2013_to_2022.csv": [
        ("CPP start: Child Protection Plans by Initial and Latest Category of Abuse", TH, "2022", "", 514.0)],
    "education_d4_cpps_at31march_by_category_of_abuse_2013_to_2022.csv": [
        ("Physical Initial: Child Protection Plans by Initial and Latest Category of Abuse", TH, "2022", "",
         "Confidential (c)")],
    "education_d6_cpps_reviewed_within_timescales_2013_to_2022.csv": [
        ("Reviewed within timescales percent: Child Protection Plans reviewed within timescales", TH, "2022", "",
         94.8)],
    "education_d8_cpps_ending_in_first_6months_by_duration_2013_to_2022.csv": [
        ("3 months or less percent: Child Protection Plans ending during the first six months of the year", TH,
         "2022", "", 48.0)],
    "education_eyfsp_la_1_key_measures_additional_tables_2018_2019.csv": [
        ("Gld percent: Ethnicity", TH, "2018/19", "", 70.0)],
    "education_eyfsp_lad_1_key_measures_additional_tables_2019.csv": [("Gld percent", TH, "2018/19", "", 70.0)],
    "education_eyfsp_lad_pr_additional_tables_2018_2019.csv": [("Gld percent", TH, "2018/19", "", 71.0)],
    "education_eyfsp_national_2_ethnicity_fsm_additional_tables_2018_2019_final.csv": [
        ("Gld percent", ENG, "2018/19", "", 72.0)],
    "education_eyfsp_national_2_ethnicity_sen_fsm_additional_tables_2018_2019.csv": [
        ("Point score", ENG, "2018/19", "", 22088472.0)],
    "education_eyfsp_national_4_elg_additional_tables_2018_2019.csv": [
        ("Expected percent: Listening and attention", ENG, "2018/19", "", 63.0)],
    "education_file1_aps_gld_elg_exp_2013_2019.csv": [
        ("Gld percent", TH, "2018/19", "", 69.9), ("Gld percent", TH, "2018/19", "Girls", 78.0),
        ("Gld percent", TH, "2018/19", "Boys", 62.0)],
    # Single series named only by their file: the home area (said in the preview) unless the file names one.
    "climate_annual_emissions_per_capita_tco2e.csv": [
        ("Climate annual emissions per capita tco2e", TH, "2005", "", 5.7)],
    "climate_of_domestic_buildings_in_the_borough_reaching_epc_c_or_above.csv": [
        ("Climate of domestic buildings in the borough reaching epc c or above", TH, "2022", "", 60.1)],
    "climate_of_transport_journeys_in_lambeth_made_by_walking_cycling_or_public_transport.csv": [
        ("Climate of transport journeys in lambeth made by walking cycling or public transport", "Lambeth", "2019",
         "", 76.0)],
    "climate_annual_emissions_for_commercial_buildings_ktco2e.csv": [
        ("Climate annual emissions for commercial buildings ktco2e", TH, "2005", "", 335.9)],
    "climate_annual_emissions_for_public_sector_buildings_ktco2e.csv": [
        ("Climate annual emissions for public sector buildings ktco2e", TH, "2005", "", 178.3)],
    "climate_annual_emissions_for_the_transport_sector.csv": [
        ("Climate annual emissions for the transport sector", TH, "2005", "", 317.9)],
    "climate_number_of_households_with_solar_panels.csv": [
        ("Climate number of households with solar panels", TH, "2015", "", 458.0)],
    "climate_of_all_vehicles_that_are_plug_in_electric.csv": [
        ("Climate of all vehicles that are plug in electric", TH, "2015", "", 0.200053706)],
    "climate_of_non_household_waste_sent_for_recycling_reuse.csv": [
        ("Climate of non household waste sent for recycling reuse", TH, "2014", "", 2.690159467)],
    "climate_of_residents_who_say_that_climate_change_is_important_to_them.csv": [
        ("Climate of residents who say that climate change is important to them", TH, "2020", "", 87.0)],
    "climate_tonnage_of_household_waste_per_household.csv": [
        ("Climate tonnage of household waste per household", TH, "2010", "", 457.5)],
    "climate_total_non_domestic_gas_consumption_across_borough.csv": [
        ("Climate total non domestic gas consumption across borough", TH, "2015", "", 870.1393367)],
    # NOMIS downloads: areas across, the period and the measure in the rows above the table or the rows.
    "key_demographics_ts031_religion_census_2021.xlsx": [
        ("TS031 - Religion (detailed): Christian", "Lambeth", "2021", "", 43.7),
        ("TS031 - Religion (detailed): Christian", ENG, "2021", "", 46.3)],
    "key_demographics_ts003_household_composition_census_2021.xlsx": [
        ("TS003 - Household composition: One-person household", "Lambeth", "2021", "", 32.0),
        ("TS003 - Household composition: One-person household", ENG, "2021", "", 30.1)],
    "key_demographics_ts005_passports_census_2021.xlsx": [
        ("TS005 - Passports held: Europe: United Kingdom", "Lambeth", "2021", "", 72.0)],
    "key_demographics_ts024_main_language_census_2021.xlsx": [
        ("TS024 - Main language (detailed): English (English or Welsh in Wales)", "Lambeth", "2021", "", 82.2)],
    "key_demographics_ts078_gender_identity_census_2021.xlsx": [
        ("TS078 - Gender identity: Trans woman", "London", "2021", "", 0.2)],
    "community_single_year_age_ts007_18_plus_census_2021.xlsx": [
        ("TS007 - Age by single year: Aged 18 years", "Lambeth", "2021", "", 0.9)],
    "housing_infrastructure_tenure_census_2021_ts054.xlsx": [
        ("TS054 - Tenure: Owned: Owns outright", "Lambeth", "2021", "", 12.0)],
    # NOMIS's tables for one area each (its name in an 'area name' row above), a column per sex
    "key_demographics_ts009_sex_pop_age_census_2021.xlsx": [
        ("TS009 - Sex by single year of age: Aged 10 to 15 years", "Lambeth", "2021", "", 18506.0),
        ("TS009 - Sex by single year of age: Aged 10 to 15 years", "Lambeth", "2021", "Female", 9034.0),
        ("TS009 - Sex by single year of age: Aged 85 years and over", ENG, "2021", "Male", 512234.0),
        ("TS009 - Sex by single year of age: Aged 4 years and under", "London", "2021", "", 528958.0)],
    "businesses_local_units_type_2021_nomis.xlsx": [
        ("UK Business Counts - local units by industry and employment size band: 01110 : Growing of cereals (except "
         "rice), leguminous crops and oil seeds", ENG, "2021", "", 17450.0),
        ("UK Business Counts - local units by industry and employment size band: 01110 : Growing of cereals (except "
         "rice), leguminous crops and oil seeds", "towncity:London", "2021", "", 65.0)],
    "businesses_local_units_type_2022_nomis.xlsx": [
        ("UK Business Counts - local units by industry and employment size band: 01120 : Growing of rice", ENG,
         "2022", "", 10.0)],
    "jobs_claimant_count_18_24_time_nomis.xlsx": [
        ("Jobs claimant count 18 24 time nomis", "Lambeth", "Jan 2013", "", 7.0),
        ("Jobs claimant count 18 24 time nomis", "London", "Jan 2013", "", 5.9)],
    "jobs_claimant_count_25_49_time_nomis.xlsx": [
        ("Jobs claimant count 25 49 time nomis", "Lambeth", "Jan 2013", "", 4.7)],
    "jobs_claimant_count_50_plus_time_nomis.xlsx": [
        ("Jobs claimant count 50 plus time nomis", "Lambeth", "Jan 2013", "", 5.6),
        ("Jobs claimant count 50 plus time nomis", "London", "Jan 2013", "", 3.1)],
    "jobs_claimant_count_sex_2022_nomis.xlsx": [
        ("Claimant count: Male", ENG, "Jun 2022", "", 779500.0),
        ("Claimants as a proportion of residents aged 16-64: Female", "London", "Jun 2022", "", 4.0)],
    "jobs_population_by_age_group_2021.xlsx": [
        ("Population estimates - local authority based by single year of age: Aged 16 to 24", "Lambeth", "2021", "",
         38293.0)],
    "jobs_unemployment_sex_minority_2022_nomis.xlsx": [
        ("annual population survey: Unemployment rate - aged 16+", "Lambeth", "Jul 2021-Jun 2022", "", 3.3)],
    # NOMIS downloads with an area in each row: a category in each column, the units under it.
    "ward_level_ts022_ethnicity_lambeth_ward_census_2021.xlsx": [
        ("TS022 - Ethnic group (detailed): Asian, Asian British or Asian Welsh", "Brixton Acre Lane", "2021", "", 5.0),
        ("TS022 - Ethnic group (detailed): Black, Black British, Black Welsh of African background", "Brixton North",
         "2021", "", 20.5),
        ("TS022 - Ethnic group (detailed): Total: All usual residents", "Lambeth", "2021", "", 100.0)],
    "ward_level_ts004_country_of_birth_lambeth_ward_census_2021.xlsx": [
        ("TS004 - Country of birth: Europe: United Kingdom", "Brixton Acre Lane", "2021", "", 66.9)],
    "ward_level_ts031_religion_lambeth_ward_census_2021.xlsx": [
        ("TS031 - Religion (detailed): Christian", "Brixton Acre Lane", "2021", "", 37.9)],
    "jobs_earnings_by_sex_part_time_nomis_2021.xlsx": [
        ("Weekly pay - gross, Median: Male Part Time Workers", "Lambeth", "2022", "", 229.7),
        ("Weekly pay - gross, Median: Female Part Time Workers", ENG, "2022", "", 232.7)],
    # ONS tables of one workbook, a table per sheet under its title (feedback links above the headings are not a
    # title); a column without a period beside columns of one date takes that date, said as a warning.
    "community_parliamentaryelectorsoverseasanonymousoptoutandeuv2.xlsx": [
        ("Electors opted out of the open register for England and Wales", TH, "2021", "", 155008.0),
        ("Overseas Electoral Registration for England and Wales", "London", "2021", "", 26832.0),
        ("Total electors (includes attainers)", TH, "Dec 2021", "", 201727.0),
        ("EU Citizens - % Total electors", TH, "Dec 2021", "", 14.0085362891)],
    # Sport England's Active Lives: areas under no heading ('England (Nation)', 'Lambeth LA'), survey years
    # written 'Nov 15-16' (the twelve months from November 2015).
    "housing_infrastructure_participated_in_cycling.csv": [
        ("Cycling excluding exercise bike and cycle class", "Lambeth", "Nov 2015-Oct 2016", "", 29.4),
        ("Cycling excluding exercise bike and cycle class", ENG, "Nov 2020-Oct 2021", "", 19.2),
        ("Cycling excluding exercise bike and cycle class", "London AP", "Nov 2019-Oct 2020", "", 25.4)],
    "jobs_total_population_simple_2020.xlsx": [("Total population: All People", "Lambeth", "2020", "", 321800.0)],
    "jobs_total_population_simple_2021.xlsx": [("Total population: Females", "London", "2021", "", 4529100.0)],
    # MOPAC's survey extracts (UTF-16, tab-separated): boroughs across.
    "crime_safety_all_borough_police_contact_ward_officer_june_2022.csv": [
        ("Knows how to contact their local ward officer", TH, "Jun 2022", "", 24.0)],
    "crime_safety_all_borough_police_informed_june_2022.csv": [
        ("Feels well informed about local police activities over the last 12 months", TH, "Jun 2022", "", 36.0)],
    "crime_safety_all_borough_police_things_matter_june_2022.csv": [
        ("Agree the police are dealing with the things that matter to this community", TH, "Jun 2022", "", 58.0)],
    # Tidy tables: a row per measure, period (and area), whatever the value column is called.
    "crime_safety_voice_trend_full_data_data_lambeth.csv": [
        ("Agree the police are dealing with the things that matter to this community", "Lambeth", "Dec 2014", "",
         67.0),
        ("Agree the police are dealing with the things that matter to this community", "Lambeth", "Mar 2015", "",
         70.0)],
    "crime_safety_public_perception_data.csv": [
        ("Agree the police can be relied upon to be there when needed", TH, "Dec 2014", "", 77.0)],
    # LG Inform: areas down, periods across, the measure in the stacked header rows.
    "businesses_non_domestic_rates_collected_lginform_2010_22.csv": [
        ("Non-domestic rates collected financial - quarterly", TH, "2010/11 Q1", "", 80076.0)],
    "businesses_trend_in_council_tax_base_2009_22_lginform.csv": [
        ("Trend of changes in the council tax base", TH, "2010/11", "", 104.96),
        ("Trend of changes in the council tax base", TH, "2013/14", "", 114.2)],
    "jobs_claimant_count_age_ward_2023.xlsx": [
        ("Claimant count", "Bishop's", "Feb 2018", "", 210.0), ("Claimant count", "Lambeth", "Feb 2023", "", 12270.0)],
    # Blocks of periods side by side, each under its name (merged across the block).
    "financial_stability_child_poverty_ahc_estimates_2015_2022_final.xlsx": [
        ("Financial stability child poverty ahc estimates 2015 2022 final: Number", TH, "2014/15", "", 35186.0),
        # the cell holds 0.5299504995346069 formatted 0.0%: shown as 53.0%, stored with its digits
        ("Financial stability child poverty ahc estimates 2015 2022 final: Percentage", TH, "2014/15", "",
         52.9950499535)],
    # ONS house prices: a table per geography and house type, each area's code beside its name (E12000005 is the
    # West Midlands region, E11000005 the county of that name), 'Year ending Dec 1995' as twelve months.
    "housing_infrastructure_hpssadataset9medianpricepaidforadministrativegeographies.xlsx": [
        ("Median price paid", TH, "Jan 1995-Dec 1995", "", 67500.0),
        ("Median price paid", TH, "Jul 2021-Jun 2022", "", 530000.0),
        ("Median price paid", "London", "Jan 1995-Dec 1995", "", 72950.0),
        ("Median price paid", "West Midlands region", "Jan 1995-Dec 1995", "", 49500.0),
        ("Median price paid", "West Midlands", "Jan 1995-Dec 1995", "", 46250.0),
        ("Median price paid for detached houses", TH, "Jul 2021-Jun 2022", "", "Not available (:)"),
        ("Median price paid for flats/maisonettes", TH, "Jan 1995-Dec 1995", "", 64000.0)],
    # ONS and DESNZ tables: areas down with their codes and parent areas beside them, measures across.
    "housing_infrastructure_subnationalhouseholdsbytenure2020.xlsx": [
        ("Owned Outright", TH, "2012", "", 9690.0), ("Total Households", TH, "2020", "", 123259.0),
        ("Social Rent (%)", TH, "2020", "", 36.23)],
    # the period from the title ('..., 2021'); England, regions and authorities written indented in three columns
    "financial_stability_sub_regional_fuel_poverty_2023_tables.xlsx": [
        ("Number of households", TH, "2021", "", 127095.0), ("Number of households in fuel poverty", TH, "2021", "",
         11105.0), ("Proportion of households fuel poor (%)", "London", "2021", "", 11.93863049185)],
    # ASHE by borough: the years in a row above the headings (which name the Living Wage of each year), the block
    # of 95% intervals (+/-) beside the values, a Number and a Percent sheet under one title
    "financial_stability_employees_earning_below_llw_borough.xlsx": [
        (_LLW % "Number", "Barking and Dagenham", "2005", "", 5000.0),
        (_LLW % "Number", "Barking and Dagenham", "2006", "", 6000.0),
        (_LLW % "Percent", "Barking and Dagenham", "2005", "", 10.7)],
    # ASHE's Living Wage tables: areas headed 'Description' beside their codes, three rows of headings over the
    # values, a sheet for each sex and working pattern, the year in the title ('..., 2022'); 'x' a missing value
    **{name: [(_LWF.format("All", "Per cent"), TH, "2022", "", 5.7),
              (_LWF.format("All", "Jobs (thousand)"), TH, "2022", "", 15.0),
              (_LWF.format("Male", "Per cent"), TH, "2022", "", 4.9),
              (_LWF.format("Female Full-Time", "Per cent"), TH, "2022", "", "Not available (x)")]
       for name in ("earnings_prov_work_geography_lwf_table_7_lwf_1a_lwfmgx_2022.xlsx",
                    "earnings_prov_work_geography_lwf_table_7_lwf_1a_lwfmgx_2022_lt500285.xlsx")},
    # ONS's Crime Survey by police force area: 'Estimate' and its confidence limits' columns, the sample size not
    # imported, the year ending September 2022 from the titles; Tables 3a and 3b head different measures ('excluding'
    # and 'including fraud') alike, so each is named by its title; the Met by its code (E12000007) is London
    "crime_safety_crime_survey_sept_2022.xlsx": [
        ("Percentage which AGREE that the police can be relied on when needed", "London", "Oct 2021-Sep 2022", "",
         57.5537126436408),
        ("Percentage of adults aged 16 and over who experienced or witnessed anti-social behaviour in the local area",
         "London", "Oct 2021-Sep 2022", "", 32.3142283111494),
        (_CSEW.format("in", "(prevalence risks)"), "London", "Oct 2021-Sep 2022", "", 11.1722312277427),
        (_CSEW.format("ex", "(prevalence risks), adults aged 16 and over, England and Wales"), "London",
         "Oct 2021-Sep 2022", "", 4.26626661376068)],
    # ONS's business demography: codes and names under no heading, years across, a sheet for 2015-18 and one for
    # each later year, the measure from the title ('TABLE 1.1a - COUNT OF BIRTHS OF NEW ENTERPRISES for 2015 to 2018')
    "businesses_businessdemographyexceltables2020.xlsx": [
        ("Count of births of new enterprises", TH, "2015", "", 3920.0),
        ("Count of births of new enterprises", TH, "2019", "", 3495.0),
        ("Count of births of new enterprises", TH, "2020", "", 2990.0),
        ("Count of active enterprises", TH, "2018", "", 20790.0)],
    # DESNZ's fuel poverty by region, authority, LSOA and constituency: the period after the title's notes
    # ('..., 2020 [Notes 3 and 4]'); a constituency named as a district is ('Amber Valley') is an area of its own,
    # and LSOAs of one name with different codes are named with their codes
    "financial_stability_sub_regional_fuel_poverty_2022_tables.xlsx": [
        ("Number of households", TH, "2020", "", 108845.0),
        ("Number of households", "Amber Valley", "2020", "", 56435.0),
        ("Number of households", "Amber Valley (constituency)", "2020", "", 40570.0),
        ("Number of households in fuel poverty", "Poplar and Limehouse (constituency)", "2020", "", 5528.0),
        ("Number of households", "King's Lynn and West Norfolk 001A (E01033036)", "2020", "", 665.0)],
    # DESNZ's detailed fuel poverty tables: the table by region is read (its 'All households' row is a total, not
    # read); tables by floor area, tenure or rurality have no area in each row and are not
    "financial_stability_2022_fuel_poverty_detailed_tables_lilee_indicator.xlsx": [
        ("Aggregate fuel poverty gap (millions of £)", "London", "2022", "", 105.0),
        ("Proportion of fuel poor households within group (%)", "North East", "2022", "", 13.066)],
    # DESNZ: the same headings on sheets of installations, capacity and generation, a sheet a year (the year in the
    # title, 'as at end of 2021'); the area heading carries references to the notes ('[note 5][note 6]').
    "environment_renewable_electricity_by_local_authority_2014_2021_nov22update.xlsx": [
        ("Sites: Photovoltaics", TH, "2021", "", 692.0), ("Capacity: Photovoltaics", TH, "2021", "", 5.914),
        ("Generation: Photovoltaics", TH, "2021", "", 4449.032),
        ("Generation: Photovoltaics", TH, "2014", "", 891.507),
        ("Sites: Onshore Wind", "Aberdeenshire", "2021", "", 572.0)],
    # Police figures by month: the months as dates on the first of each month under no heading; the table names no
    # area, so the home area (said); a change formatted as a percentage is stored as shown (-9.6 for -0.096)
    "health_and_wellbeing_drug_offences.xlsx": [
        ("Number of offences", TH, "Mar 2022", "", 170.0), ("Rate / 1,000", TH, "Apr 2022", "", 0.4),
        ("12 months ending on date compared to previous 12 months", TH, "Mar 2022", "", -9.6)],
    # TfL's PTAI: the year written on to the heading ('AvPTAI2015'); the PTAL grade beside it ('1b', '2') describes
    # the borough and is not imported
    "housing_infrastructure_borough_avptai2015.csv": [("AvPTAI", "Croydon", "2015", "", 6.757744)],
    # The GLA's air quality workbook (LAEI): 'LAEI 2016' headings are the periods; a table of boroughs beside
    # another under two rows of headings ('All Population Age Groups' over 'Total | Exceeding | % Exceeding'); zones
    # across with the periods under each ('Central' over 'LAEI 2016 | LAEI 2019 | Change'), the zones read as the
    # parts of London the product knows them by (said); the tables of charging zones below are not read (said)
    "environment_20211209_aqexceedingpop_roadstats_laei2019.xlsx": [
        ("Annual Average NO2 Concentration ug/m3 (Population Weighted)", TH, "2016", "", 42.9765147151236),
        ("Annual Average PM10 Concentration ug/m3 (Population Weighted)", LON, "2019", "", 16.7499961960495),
        ("Population_NO2: All Population Age Groups: % Exceeding", TH, "2016", "", 76.23),
        ("Population_NO2: All Population Age Groups: Exceeding", TH, "2019", "", 23900.0),
        ("Population_PM25: All Population Age Groups: % Exceeding", LON, "2019", "", 87.67),
        ("Borough summary of percentage of road lengths exceeding 40ug/m3: >40", "Central London", "2016", "", 100.0),
        ("Borough summary of percentage of road lengths exceeding 40ug/m3: >40", LON, "2019", "", 15.9357101293)],
    # ONS's internet users release: the UK's figures by category (the place the titles name; sections and two label
    # columns of breakdowns), blocks of years under each measure's name, NUTS areas with their codes (Tower Hamlets
    # is UKI42), the same tables in thousands and in per cent (the unit above each sheet's table tells them apart),
    # estimates between their limits, and two tables of areas side by side on one sheet
    "community_internetusers2020.xlsx": [
        (_ONS % ("", "Thousands", "Used in the last 3 months"), "UK", "2013", "", 42243.0),
        (_ONS % ("", "%", "Used in the last 3 months"), "UK", "2020", "16-24", 99.5),
        (_ONS % (", by age group (years) and sex", "Thousands", "Used in the last 3 months"), "UK", "2013",
         "Male, 16-24", 3593.0),
        (_ONS % (", by ethnic group", "Thousands", "Never used"), "UK", "2020", "Ethnic group: Bangladeshi", 40.0),
        (_ONS % (", by economic activity", "Thousands", "Used over 3 months ago/Never used"), "UK", "2020",
         "Economic activity: Retired", 3278.0),
        (_ONS % (", by low level geographical location", "Thousands", "Used in the last 3 months"), TH, "2020", "",
         222.0),
        (_ONS % (", by low level geographical location", "%", "Used in the last 3 months"), TH, "2016", "",
         "Not stated (-)"),
        (_ONS % (", by low level geographical location", "%", "Used over 3 months ago/Never used"), TH, "2020", "",
         8.7)],
    # Fingertips extracts.
    "health_and_wellbeing_hlemale.csv": [
        ("A01a - Healthy life expectancy at birth (Male)", "Lambeth", "2009-11", "Male, All ages", 60.5403)],
}  # fmt: skip

_OCCUPATION = "Jobs employment by occupation 2022: "
_DEPRIVATION = "Household deprivation (6 categories): "
_SAFE = (
    "To what extent would you say you are, or would be, safe from crime when walking in your local area...? - {}: {}"
)
#: Files that name no period anywhere (not in a heading, a row, a title or a sheet's name): refused saying so, and
#: read with the period the officer gives on upload -> (that period, spot cells as in READS).
GIVEN = {
    # A government return published as one CSV: field names as headings, '--' for no figure, an old-style code
    # ('E5020') beside each name and a total row ('England Total').
    "businesses_nndr1_2022_23_consolidated_table_ecomms.csv": ("2022/23", [
        ("netcollect_tot_1", TH, "2022/23", "", 417225377.0), ("costcoll_form", ENG, "2022/23", "", 83999997.0),
        ("3yr_currentshare_ba_p4", "North Norfolk", "2022/23", "", "Not stated (--)")]),
    "businesses_openings_vs_closings_in_ward.csv": ("2022", [
        ("Opened", "Oval", "2022", "", 13.0), ("Closed", "Herne Hill", "2022", "", 7.0)]),
    # NOMIS: numbers and percentages of one area side by side, a count and its rate
    "jobs_employment_by_occupation_2022.xlsx": ("Jul 2021-Jun 2022", [
        (_OCCUPATION + "1 Managers, Directors And Senior Officials", "Lambeth", "Jul 2021-Jun 2022", "", 16.5),
        (_OCCUPATION + "1 Managers, Directors And Senior Officials", ENG, "Jul 2021-Jun 2022", "", 10.6),
        (_OCCUPATION + "5 Skilled Trades Occupations", "Lambeth", "Jul 2021-Jun 2022", "", "Not available (#)")]),
    # Ward profile exports: 'Dataset name' heads the column of areas, the measure the other (a column without a
    # heading beside it is listed as not imported).
    "health_and_wellbeing_deaths_under_75_lambeth.csv": ("2020", [
        ("Deaths (u75) all causes", "Brixton Acre Lane", "2020", "", 109.4)]),
    "health_and_wellbeing_efdi_score_20200101.csv": ("2020", [
        ("E-food Desert Index (EFDI) score", "Brixton North", "2020", "", 17.36)]),
    "health_and_wellbeing_hosp_stays_alcohol_rel_harm_static_rate_20130101.csv": ("2013", [
        ("Alcohol-related hospitalisations", "Clapham East", "2013", "", 116.5)]),
    "health_and_wellbeing_covid19_atrisk_employ_dr_20210930.csv": ("Sep 2021", [
        ("At risk employees (due to COVID-19)", "Brixton Acre Lane", "Sep 2021", "", 8.4)]),
    # ONS field names ('lsoa_cd', 'lsoa_nm', the parent 'la_nm'); a number written as Excel does in a CSV file
    # ('1.43E+07')
    "environment_gla_canopy_lsoas.csv": ("2020", [
        ("canopy_per", "City of London 001A", "2020", "", 5.774),
        ("lsoa_kmsq", "Enfield 004C", "2020", "", 14300000.0)]),
    # The census's custom datasets: a row per area (beside its ONS code) and category, the Observation its figure.
    "financial_stability_census_deprivation_london_las.csv": ("2021", [
        (_DEPRIVATION + "Household is deprived in one dimension", TH, "2021", "", 38337.0),
        (_DEPRIVATION + "Does not apply", TH, "2021", "", 0.0)]),
    "financial_stability_census_deprivation_lambeth_lsoas.csv": ("2021", [
        (_DEPRIVATION + "Household is deprived in one dimension", "Lambeth 036A", "2021", "", 205.0)]),
    # its variable's codes in a column headed 'Code' with no column of names beside them: a category of its own
    # The English Indices of Deprivation: the period is the release's (2019), named only in its notes; the
    # population columns name their own year ('mid 2015') and keep it.
    "jobs_localincomedeprivationdata.xlsx": ("2019", [
        ("Overall Index of Multiple Deprivation (IMD) Score", "Tower Hamlets 002A", "2019", "", 27.495),
        ("Total population (excluding prisoners)", "Tower Hamlets 002A", "2015", "", 2919.0),
        ("Income deprivation- Average score", TH, "2019", "", 0.192),
        ("Income - Rank of proportion of LSOAs in most deprived 10% nationally", TH, "2019", "", 55.0)]),
    # A residents' survey exported by survey software: a question to a sheet, each answer's share of the
    # respondents (a proportion, 'Cell content: Column%') with its count under it; the year only in the file's name.
    # The question's part and the answer name the measure, not the question's code, which changes each year.
    "res_survey_res_survey_2020_filt.xlsx": ("2020", [
        (_SAFE.format("During the day", "Very safe"), TH, "2020", "", 55.6663418356),
        (_SAFE.format("In the evening", "Not safe at all"), TH, "2020", "", 4.84902864156),
        ("How anxious did you feel yesterday?: Average", TH, "2020", "", 2.7)]),
    "res_survey_res_survey_2021_filt.xlsx": ("2021", [
        (_SAFE.format("During the day", "Very safe"), TH, "2021", "", 47.6656162563)]),
    # a filter other than all respondents names another population: part of the name
    "res_survey_res_survey_2022_filt.xlsx": ("2022", [
        ("Overall, how satisfied or dissatisfied are you with your local area as a place to live? (All valid "
         "responses from group A or earlier version (excluding DK)): Very satisfied", TH, "2022", "", 22.5694698475),
        ("Overall, how satisfied or dissatisfied are you with your local area as a place to live? (All valid "
         "responses from group A or earlier version (excluding DK)): Average", TH, "2022", "", 3.7)]),
    "data_deprivation_census.csv": ("2021", [
        ("Household deprived in the education dimension (3 categories) Code: Not Deprived, Attribute: Health",
         "Brixton Acre Lane", "2021", "", 4981.0)]),
}  # fmt: skip
#: Files whose cells contradict each other: refused, naming both cells (a wrong value is worse than a refusal)
#: -> (the period an officer gives, if the file names none; what the refusal says).
CONTRADICTIONS = {
    # Scotland's and Wales's figures are swapped between the country and the region sheets
    "environment_osprivateoutdoorspacereferencetables.xlsx": (
        "2020",
        "'Property type: Houses: Address count' has two different values for Scotland, 2020: 1213838 in sheet "
        "'Country gardens' cell C5 and 1608777 here",
    ),
}
#: Files whose columns do not line up: refused, saying so (which date a value is for cannot be known).
MISALIGNED = {
    # London's column runs 19 rows past the last date
    "covid_combined_cases_rate.xlsx": "19 rows of the table hold values but no period, from row 418",
}
#: Files with no indicator data: refused, saying so.
NO_DATA = {
    "climate_chart_database.csv": "a list of the climate dashboard's charts",
    "climate_charts_database.csv": "a list of the climate dashboard's charts",
    "health_and_wellbeing_indicator_links.xlsx": "a list of links to indicators",
    # every row's County is London: where the shops are, not an area per row
    "businesses_area_retailer_export_lambeth_october_2020_20210616_093644.xlsx": "a list of shops and their floorspace",
}
#: What else a file's values carry (count, 95% interval), as the file gives them.
DETAILS = [
    (
        "community_internetusers2020.xlsx",
        "Lapsed internet users and internet non-users: 95% confidence intervals by low level geographical location, uk"
        " (Thousands): Used over 3 months ago/Never used",
        TH,
        "2020",
        {"value": 21.0, "lower_ci": 7.0, "upper_ci": 35.0},
    ),
    (
        "crime_safety_crime_survey_sept_2022.xlsx",
        "Percentage which AGREE that the police can be relied on when needed",
        "London",
        "Oct 2021-Sep 2022",
        {"lower_ci": 54.5884659998935, "upper_ci": 60.5189592873881},
    ),
    (
        "financial_stability_employees_earning_below_llw_borough.xlsx",
        _LLW % "Percent",
        "Barking and Dagenham",
        "2005",
        {"lower_ci": 7.3, "upper_ci": 14.1},
    ),
    (
        "key_demographics_ts031_religion_census_2021.xlsx",
        "TS031 - Religion (detailed): Christian",
        "Lambeth",
        "2021",
        {"count": 138714.0},
    ),
    (
        "jobs_unemployment_sex_minority_2022_nomis.xlsx",
        "annual population survey: Unemployment rate - aged 16+",
        ENG,
        "Jul 2021-Jun 2022",
        {"count": 1107600.0, "denominator": 28677500.0, "lower_ci": 3.8, "upper_ci": 4.0},
    ),
    (
        "jobs_unemployment_sex_minority_2022_nomis.xlsx",
        "annual population survey: Unemployment rate - aged 16+",
        "Lambeth",
        "Jul 2021-Jun 2022",
        {"count": 7500.0, "lower_ci": None, "upper_ci": None},
    ),
    (
        "housing_infrastructure_subnationalhouseholdsbytenure2020.xlsx",
        "Owned Outright",
        TH,
        "2012",
        {"lower_ci": 7577.0, "upper_ci": 11803.0},
    ),
    (
        "jobs_claimant_count_18_24_time_nomis.xlsx",
        "Jobs claimant count 18 24 time nomis",
        "Lambeth",
        "Jan 2013",
        {"count": 2000.0},
    ),
]
#: The folder's other Fingertips extracts (the Fingertips reader is checked against their own columns in
#: test_fingertips and test_samples): each imports values.
FINGERTIPS = sorted(
    p.name for p in REAL.glob("*.csv") if p.name not in READS and b'"Indicator ID"' in p.read_bytes()[:200]
)


def _names() -> set[str]:
    return {p.name for p in REAL.iterdir() if p.name != "SOURCES.md"}


def _holds(stored: dict[tuple[str, str, str, str], object], spots: list[tuple[str, str, str, str, object]]) -> None:
    for measure, area, period, breakdown, expected in spots:
        assert stored.get((measure, area, period, breakdown)) == expected, (measure, area, period, breakdown)


def test_every_file_of_the_folder_is_checked():
    """Every file is in a list that says what it holds and how it is checked: none is left out."""
    checked = [READS, GIVEN, CONTRADICTIONS, MISALIGNED, NO_DATA, FINGERTIPS]
    assert set().union(*checked) == _names() and sum(map(len, checked)) == len(_names()), "each file once"


@pytest.mark.parametrize("name", sorted(READS))
def test_a_file_imports_with_the_figures_its_cells_hold(make_store, name):
    store = make_store()
    result = do_import(store, REAL / name)
    assert not result.rejected, result.errors
    _holds(stored_values(store, result), READS[name])


@pytest.mark.parametrize("name", sorted(GIVEN))
def test_a_file_that_names_no_period_is_refused_saying_so_and_read_with_the_period_given(make_store, name):
    refused = do_import(make_store(), REAL / name)
    assert refused.rejected and refused.period_needed, refused.errors
    store = make_store(name="given.duckdb")
    period, spots = GIVEN[name]
    result = do_import(store, REAL / name, period=period)
    assert not result.rejected, result.errors
    _holds(stored_values(store, result), spots)
    assert any(p.code == "given-period" for p in result.warnings)


@pytest.mark.parametrize("name", sorted(CONTRADICTIONS))
def test_a_file_that_contradicts_itself_is_refused_naming_both_cells(make_store, name):
    period, said = CONTRADICTIONS[name]
    result = do_import(make_store(), REAL / name, period=period)
    assert result.rejected and any(said in e.message for e in result.errors), result.errors[:3]


@pytest.mark.parametrize("name", sorted(MISALIGNED))
def test_a_file_whose_columns_do_not_line_up_is_refused_saying_so(make_store, name):
    result = do_import(make_store(), REAL / name)
    assert result.rejected and any(MISALIGNED[name] in e.message for e in result.errors), result.errors[:3]


@pytest.mark.parametrize(("name", "measure", "area", "period", "expected"), DETAILS)
def test_a_value_keeps_the_count_and_interval_its_file_gives(make_store, name, measure, area, period, expected):
    store = make_store()
    result = do_import(store, REAL / name)
    [found] = [o for o in store.observations([result.matched[measure]]) if (o.area, o.period.label) == (area, period)]
    assert {k: pytest.approx(v) if v is not None else None for k, v in expected.items()} == {
        k: getattr(found, k) for k in expected
    }


@pytest.mark.parametrize("name", FINGERTIPS)
def test_a_fingertips_extract_of_the_folder_imports(make_store, name):
    result = do_import(make_store(), REAL / name)
    assert not result.rejected and result.diff.count("observations", "new") > 0, result.errors


@pytest.mark.parametrize("name", sorted(NO_DATA))
def test_a_file_without_indicator_data_is_refused(make_store, name):
    result = do_import(make_store(), REAL / name)
    assert result.rejected and "No table we can read was found" in result.errors[-1].message
