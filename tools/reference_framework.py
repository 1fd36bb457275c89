"""The Plan's framework as transcribed from the seeds (used by make_reference_data.py to write data/framework.xlsx).

Sources: the Tower Hamlets Plan 2018-23 (objective, themes), the 2019 Annual Report (boards, priorities), the
2021 Annual Report "Performance - outcomes and measures" diagram (outcomes and the 23 outcome measures) and its
Appendix A (polarities, the 14 output measures), and the 2021-22 Annual Review (boards and 2022-23 priorities,
the wording of its data tables, kept as aliases).
"""

AR2021 = "Tower Hamlets Plan Annual Report 2021, Appendix A"
AR2022 = "Tower Hamlets Plan Annual Review 2021-22, data tables"
BOTH = f"{AR2021}; {AR2022}"

PLAN = [
    ("Objective", "Tackling inequality by building a strong, inclusive and fair borough"),
    ("Plan", "Tower Hamlets Plan 2018-23"),
    ("Baseline", "2017/18"),
    ("Home area", "Tower Hamlets"),
]

THEMES = [
    {
        "id": "children",
        "short_name": "Children and young people",
        "name": "A better deal for children and young people",
        "board": "Children and Families Executive (formerly the Children and Families Partnership Board)",
        "priorities": [
            "Children's mental health and emotional wellbeing",
            "Special Education Needs and Disabilities",
            "Childhood Obesity",
            "Ways of working – including pathways for long term conditions, a shared practice framework, a shared "
            "model of locality and Multi-Disciplinary Team working",
            "Poverty & economic hardship",
        ],
        "description": "Aspiration, education and skills. Priorities for 2022-23 from the Annual Review 2021-22.",
    },
    {
        "id": "jobs",
        "short_name": "Jobs and employment",
        "name": "Good jobs and employment",
        "board": "Growth and Economic Development Partnership Board",
        "priorities": [
            "Re-establish itself as a strategic body focused on the jobs and growth",
            "Host an inward investment focus group, contributing to the council's emerging inward investment "
            "strategy for growth",
            "Refresh of the local economic growth strategy",
        ],
        "description": "Priorities for 2022-23 from the Annual Review 2021-22.",
    },
    {
        "id": "communities",
        "short_name": "Safe communities",
        "name": "Strong, resilient and safe communities",
        "board": "Community Safety Partnership",
        "priorities": [
            "Tackling Neighbourhood Crime and ASB",
            "Tackling drugs and violence",
            "Tackling Hate Crime Community Tensions and Extremism, Violence Reduction",
            "Reduce Re-offending and Tackling the Drivers of Crime",
            "Improving Public Confidence and Trust",
            "Keeping young people safe",
            "A focus on addressing 'hidden harm' crimes such as domestic violence, child sexual exploitation, and "
            "serious organised crime",
        ],
        "description": "Current priorities (2021-22) plus those added for 2022-23, from the Annual Review 2021-22. "
        "Cooperate, the Race Equality Partnership Network and the Tower Hamlets Housing Forum also report here.",
    },
    {
        "id": "health",
        "short_name": "Health and wellbeing",
        "name": "Better health and wellbeing",
        "board": "Health and Wellbeing Board and Tower Hamlets Together",
        "priorities": [
            "Implementing JHWS and development of a locality plan across health and social care",
            "Healthy adults: Living Well",
            "Complex adults: Promoting Independence",
        ],
        "description": "Priorities for 2022-23 from the Annual Review 2021-22.",
    },
]

OUTCOMES = [
    ("children-education", "children", "People access high quality education and training"),
    ("children-positive-activities", "children",
     "People are encouraged to participate in positive activities such as sports, arts and volunteering"),
    ("children-valued", "children", "People feel valued and everyone has the opportunity to succeed"),
    ("jobs-good-quality", "jobs", "People are provided with help to find good quality jobs"),
    ("jobs-lifelong-learning", "jobs", "People have access to lifelong learning, employment and opportunity"),
    ("jobs-enterprise", "jobs", "People and businesses are supported to be innovative and enterprising"),
    ("communities-safe", "communities", "People feel safe and live in a cohesive community"),
    ("communities-proud", "communities",
     "People are proud of and want to live, work, study and stay in the borough"),
    ("communities-welcoming", "communities",
     "People live in a friendly and welcoming borough with strong community spirit"),
    ("health-happiness", "health", "People have a good level of happiness and wellbeing"),
    ("health-clean-green", "health", "People live in a borough that is clean and green"),
    ("health-independent", "health",
     "People are supported to achieve independent, healthy, safe and fulfilling lives"),
]  # fmt: skip

H, L, N = "Higher is better", "Lower is better", "No polarity"
OUTPUT_THEME_NOTE = (
    "Appendix A lists output measures without a theme; the theme shown is assigned by subject so that each theme "
    "page shows the outputs that contribute to it."
)

MEASURES = [
    # A better deal for children and young people
    dict(id="ks2-progress-reading", name="Pupil progress in reading at the end of Key Stage 2",
         aliases=["Pupil progress in reading for KS2", "Pupil progress score in reading for KS2"],
         theme="children", outcome="children-education", polarity=H, unit="score", period_type="academic",
         definition="Key Stage 2 progress score in reading (0 is the national average progress).", source=BOTH),
    dict(id="ks2-progress-writing", name="Pupil progress in writing at the end of Key Stage 2",
         aliases=["Pupil progress in writing for KS2", "Pupil progress score in writing for KS2"],
         theme="children", outcome="children-education", polarity=H, unit="score", period_type="academic",
         definition="Key Stage 2 progress score in writing (0 is the national average progress).", source=BOTH),
    dict(id="ks2-progress-maths", name="Pupil progress in maths at the end of Key Stage 2",
         aliases=["Pupil progress in maths for KS2", "Pupil progress score in maths for KS2"],
         theme="children", outcome="children-education", polarity=H, unit="score", period_type="academic",
         definition="Key Stage 2 progress score in maths (0 is the national average progress).", source=BOTH),
    dict(id="progress-8", name="Progress 8 score at the end of Key Stage 4",
         aliases=["Progress 8 score at the end of KS4"],
         theme="children", outcome="children-education", polarity=H, unit="score", period_type="academic",
         definition="Progress 8 score (0 is the national average).", source=BOTH),
    dict(id="positive-activities", name="Pupils who participated in positive activities in the past four weeks",
         aliases=["Pupil participation in positive activities",
                  "Pupils have participated in positive activities in the past four weeks",
                  "Percentage of pupils have participated in positive activities in the past four weeks"],
         theme="children", outcome="children-positive-activities", polarity=H, unit="%", period_type="academic",
         source=BOTH),
    dict(id="secondary-future-support",
         name="Secondary school pupils who have enough information and support to plan their future",
         aliases=["Secondary school pupils who feel they have enough information and support to help plan their "
                  "future",
                  "Percentage of secondary school pupils who have enough information and support to help plan their "
                  "future"],
         theme="children", outcome="children-valued", polarity=H, unit="%", period_type="academic", source=BOTH),
    # Good jobs and employment
    dict(id="jobs-growth", name="Jobs growth", aliases=["Job growth"],
         theme="jobs", outcome="jobs-good-quality", polarity=H, unit="%",
         definition="Annual change in the number of jobs in the borough.", source=BOTH),
    dict(id="employment-rate", name="Overall employment rate", aliases=["Employment Rate"],
         theme="jobs", outcome="jobs-good-quality", polarity=H, unit="%",
         definition="Residents aged 16-64 in employment.", source=BOTH),
    dict(id="level-1-qualification", name="Residents with a Level 1 qualification (NVQ1 only, aged 16-64)",
         aliases=["Residents with a Level 1 qualification",
                  "Residents with a Level 1 qualification (% with NVQ1 only - aged 16-64)"],
         theme="jobs", outcome="jobs-lifelong-learning", polarity=H, unit="%",
         definition="Residents aged 16-64 whose highest qualification is NVQ level 1.", source=BOTH),
    dict(id="workpath-sustainable-employment",
         name="Residents supported into sustainable employment through the WorkPath partnership",
         aliases=["Residents supported into sustainable employment through support from the WorkPath partnership",
                  "Number of residents supported into sustainable employment through support from the WorkPath "
                  "partnership"],
         theme="jobs", outcome="jobs-lifelong-learning", polarity=H, unit="count", source=BOTH),
    dict(id="business-survival-1-year", name="New businesses which survive for one year",
         aliases=["Business survival rate (in one year)"],
         theme="jobs", outcome="jobs-enterprise", polarity=H, unit="%", source=BOTH),
    # Strong, resilient and safe communities
    dict(id="feel-safe-during-day", name="Residents who feel safe during the day",
         aliases=["Residents' perception of safety during the day",
                  "Percentage of residents who feel safe during the day"],
         theme="communities", outcome="communities-safe", polarity=H, unit="%",
         definition="Annual Residents Survey.", source=BOTH,
         notes="The 2020/21 survey was by telephone and is not comparable with earlier years."),
    dict(id="partners-deal-with-crime-asb",
         name="Residents who feel partners deal effectively with crime and anti-social behaviour",
         aliases=["Resident's perception of partners dealing effectively with crime and ASB",
                  "Percentage of residents who feel that partners are dealing effectively with crime and anti-social "
                  "behaviour"],
         theme="communities", outcome="communities-safe", polarity=H, unit="%",
         definition="Annual Residents Survey.", source=BOTH),
    dict(id="satisfied-with-area", name="Residents satisfied with the local area as a place to live",
         aliases=["Residents' satisfaction with the local area as a place to live",
                  "Percentage of residents satisfied with their area as a place to live"],
         theme="communities", outcome="communities-proud", polarity=H, unit="%",
         definition="Annual Residents Survey.", source=BOTH),
    dict(id="population-turnover", name="Population turnover rate (per 1,000 population)",
         aliases=["Population turnover"],
         theme="communities", outcome="communities-proud", polarity=N, unit="rate per 1,000",
         definition="People moving into or out of the borough in a year per 1,000 residents.", source=BOTH),
    dict(id="different-backgrounds-get-on",
         name="Residents who feel people from different backgrounds get on well together",
         aliases=["Residents' perception of people from different backgrounds getting on well together",
                  "Percentage of residents who feel that people from different backgrounds get on well together"],
         theme="communities", outcome="communities-welcoming", polarity=H, unit="%",
         definition="Annual Residents Survey.", source=BOTH),
    # Better health and wellbeing
    dict(id="happiness", name="Residents' self-reported level of happiness (score 0 to 10)",
         aliases=["Residents' self-reported level of happiness",
                  "Residents happiness rating compared to London and England (Respondents gave a score of 0 to 10)",
                  "Residents' happiness rating compared to London and England (score 0 to 10)"],
         theme="health", outcome="health-happiness", polarity=H, unit="score",
         definition="Average rating of 'How happy did you feel yesterday?' on a scale of 0 to 10.", source=BOTH),
    dict(id="cyp-timely-mental-health-support",
         name="Children and young people accessing timely mental health support",
         theme="health", outcome="health-happiness", polarity=H, unit="%", source=BOTH),
    dict(id="no2-exposure", name="Residents exposed to NO2 levels that exceed the EU limit",
         aliases=["Percentage residents exposed to N02 levels that exceed the EU limit"],
         theme="health", outcome="health-clean-green", polarity=L, unit="%", source=BOTH),
    dict(id="asthma-admissions-under-19", name="Hospital admissions for asthma for under 19 year olds",
         aliases=["Hospital admissions for asthma for young people aged 19 and under",
                  "Hospital admissions for asthma for young people aged 19 and under. London, (188.1), England, "
                  "(186.4)",
                  "Hospital admissions for asthma for young people aged 19 and under (per 100.000 population)"],
         theme="health", outcome="health-clean-green", polarity=L, unit="rate per 100,000",
         definition="Emergency hospital admissions for asthma, people aged 19 and under, per 100,000.", source=BOTH,
         notes="The 2021 report's measure name quotes London 188.1 and England 186.4, which differ from its "
               "benchmark columns (197.5 and 178.4)."),
    dict(id="healthy-life-expectancy-male", name="Healthy life expectancy for men (at birth)",
         aliases=["Healthy life expectancy years for men (at birth)"],
         theme="health", outcome="health-independent", polarity=H, unit="years",
         definition="Years a man can expect to live in good health; three-year rolling averages.", source=BOTH),
    dict(id="healthy-life-expectancy-female", name="Healthy life expectancy for women (at birth)",
         aliases=["Healthy life expectancy years for women (at birth)"],
         theme="health", outcome="health-independent", polarity=H, unit="years",
         definition="Years a woman can expect to live in good health; three-year rolling averages.", source=BOTH),
    dict(id="year-6-overweight-obese", name="Year 6 prevalence of overweight or obese",
         theme="health", outcome="health-independent", polarity=L, unit="%", period_type="academic",
         definition="Children in Year 6 measured as overweight or obese (National Child Measurement Programme).",
         source=BOTH),
    # Output measures (Appendix A of the 2021 report)
    dict(id="smes-supported", name="SMEs and new enterprises supported through the council's business programmes",
         aliases=["Number of SMEs and new enterprises supported through the council's business programmes"],
         theme="jobs", kind="output", polarity=H, unit="count", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="eet-16-17", name="16-17 year olds in education, employment and training",
         aliases=["Percentage of 16-17 year olds in education, employment and training"],
         theme="children", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="reablement-more-independent",
         name="People who are more independent after being supported through reablement services",
         theme="health", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="looked-after-stable-placements", name="Long term looked after children who are in stable placements",
         theme="children", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="youth-service-recorded-outcome",
         name="Young people engaging with the youth service who receive a recorded outcome",
         theme="children", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="self-directed-support", name="Clients using social care who receive self-directed support",
         aliases=["% of clients using social care who receive self-directed support (up to 2014/15 also included "
                  "carers) - Snapshot"],
         theme="health", kind="output", polarity=H, unit="%", source=AR2021,
         definition="Snapshot; up to 2014/15 also included carers.", notes=OUTPUT_THEME_NOTE),
    dict(id="child-protection-reviews-on-time",
         name="Child protection reviews carried out within statutory timescales",
         aliases=["Percentage of child protection reviews carried out within statutory timescales"],
         theme="children", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="vawg-victims-feel-safe",
         name="Victims of violence against women and girls who feel safe after engaging with victim support",
         theme="communities", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="opiate-users-starting-treatment", name="Opiate users starting treatment (new presentations)",
         aliases=["Number of opiate users starting treatment (new presentations)"],
         theme="communities", kind="output", polarity=H, unit="count", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="opiate-users-completing-treatment",
         name="Drug (opiate) users completing treatment and not re-presenting",
         aliases=["Percentage of all drug (opiate) users completing treatment and not re-presenting"],
         theme="communities", kind="output", polarity=H, unit="%", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="homes-built", name="Homes built", aliases=["Number of homes built"],
         theme="communities", kind="output", polarity=H, unit="count", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="affordable-homes-built", name="Affordable homes built", aliases=["Number of affordable homes built"],
         theme="communities", kind="output", polarity=H, unit="count", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="benefit-maximisation-income",
         name="Average annual income increase for residents receiving benefits maximisation",
         theme="jobs", kind="output", polarity=H, unit="£", source=AR2021, notes=OUTPUT_THEME_NOTE),
    dict(id="lets-to-overcrowded-households", name="Lets to overcrowded households",
         theme="communities", kind="output", polarity=H, unit="count", source=AR2021, notes=OUTPUT_THEME_NOTE),
]  # fmt: skip
