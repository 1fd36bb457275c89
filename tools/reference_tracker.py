"""Reference transcription of seed 004: the Tower Hamlets Together Health and Wellbeing Strategy delivery tracker,
first 6 months (1 April 2017 - 30 September 2017), transcribed by hand from the PDF text extraction
(shared/seeds/004_dd0f8c1e62a0d346.txt; line numbers below refer to that file).

TRACKER describes the document; ITEMS lists its activities and key deliverables in document order, each activity
followed by its deliverables. Keys: priority, type ("Activity" / "Key deliverable"), item, people (Board Champions
for an activity, Lead Officer for a deliverable), deadline ("dd/mm/yy" as written, or ""), status, percent (the
"% Comp" figure as an int, or None), comments. "[...]" marks text the extraction lost and that is not recovered.

Besides whitespace normalisation, dropping the "*" footnote markers, and turning the <ol>/<ul>/<li> lists into
"- " / "  - " lines (with &amp; unescaped), these repairs were made:

- Stray page-header and column-header words are not data: line 3 ("aren ana vvene", "First o months ..."), line 19
  ("Beard Chemoticus", "Doodline", "Ctatus", "Comp. Commonto") and line 20's "Board Champtions", "Deadline",
  "Status", "Comp Comments" prefixes.
- Leading "NN%" in the comment cell taken as the row's percent and removed from the comments: line 5 (50), line 12
  (45), line 14 ("<li>50% DWP's ...", 50), line 16 (40), line 18 (40), line 20 (45).
- Line 7: the redundant "1. " to "4. " inside the numbered <ol> items dropped; "buy- in" -> "buy-in".
- Line 8: "organsiations" -> "organisations".
- Line 10: "Heath & Wellbeing Strategy" -> "Health & Wellbeing Strategy"; "longlife" -> "long life"; missing opening
  quote added in "5. 'I have a positive experience ...'"; "iin my community" -> "in my community".
- Line 12: Board Champion "lan Basnett" -> "Ian Basnett".
- Line 14: "2.reviewing" -> "2. reviewing".
- Line 16 (two interleaved columns): fragments re-joined: "de" + "eveloped requesting baseline" -> "developed
  requesting baseline"; "prog" + "ress has been challenging and" -> "progress has been challenging and";
  "HWB/THT" + "/ Employers Forum. The"; "represented" + "on Health and Wellbeing Board". Gaps marked after
  "and identify [...]" and at the cut end "and for [...]".
- Line 17 (no Lead Officer; two interleaved columns): the right-column fragments re-joined to their lines:
  "a programme of" + "job readiness /employment to a" + "cohort of 110"; "fro" + "m the current 60 people. The";
  "independently a" + "s possible in the community"; "Dec 2017 to" + "obtain sign off for tendering of";
  "individ" + "duals, train and get them job" + "ready" (extraction: "eredy"); "pro" + "gramme; the Lottery Fund
  will" + "pay 25%"; "deli" + "ivered. The investors only pay" + "the money"; "appoint" + "a separate administrator
  to" + "monitor outcomes"; "app" + "proval as it is in developmental" + "stage"; "working with" + "the Council's
  Programme" + "Management Office"; "complement rat" + "per than duplicate in helping" -> "complement rather than
  duplicate in helping". Gaps marked: "learning disability [...] of programmes" (no fragment fits) and "in helping
  [...] people with LD" (a stray "if" there dropped).
- Line 18 (two interleaved columns): the heading "Priority Three - Creating a Healthier Place" removed from the item
  cell. Comment re-joined: "statutory" + "r and non-statutory sectors (228)"; "trained or" + "the half day Mental
  Health" read as "trained on the half day Mental Health"; "Mental Health First Aiders" + ". Additionally another
  100 have" + "so far been trained ..."; "First Aid LITE." + "awareness course.". Gaps marked: "programme [...]
  Education England" (the extraction shows "prograted"; the stray "ted" is dropped), "(228 [...] from voluntary
  sector or other)", "LITE awareness [...] as qualified", and "organisations in TH [...] have a further 100"
  (extraction: "in TH shave").
- Lines 32-33 (Priority Four; cells of several rows overprinted): the deliverable "Develop an engagement and
  communications strategy ... high risk groups" is assembled from line 32 ("around healthy weight ... high risk
  groups *") and line 33 ("engagement and communications strategy ... high"); the opening "Develop an" is not in
  the extraction and is supplied. Its deadline 30/09/17, status Completed and 100% are from line 33; no Lead
  Officer survives (line 33 has only "- , ,"). Its comment (line 33) begins and ends mid-sentence: marked "[...]"
  at both ends; "schools an also" -> "schools and also".
- Line 32 ('Healthy Mile'): "St aviours Primary" -> "St Saviours Primary"; missing spaces added in "Primary. a)"
  and "mid Oct. c)". The comment ends "broken by schools" with no full stop; left as written.
- Lines 32-35 (Priority Five): the tracker shows only the outcome heading "1.4 People are healthy and independent
  for longer"; the priority name "Priority Five - Developing an Integrated System" is supplied from the 2017-20
  strategy. The activity is taken from line 35, the most complete of its four overprinted copies: its numbering
  "2. " dropped, the Board Champions completed as "... (additional membership to be reviewed)" from lines 32-34
  (line 35 cuts off at "to be"), deadline, status, 50% and comment all from line 35.
- Line 37: the comment is cut off at "to ensur"; completed as "to ensure [...]".
- Line 10: "I'm supposed to make healthy choices" -> "I'm supported to make healthy choices" (an extraction slip in
  a list of residents' outcomes); "new Economic Foundation" -> "New Economics Foundation".
"""

TRACKER = {
    "title": (
        "Tower Hamlets Together - Health and Wellbeing Strategy : First 6 months 1st April 2017-30th September 2017"
    ),
    "period_start": "2017-04-01",
    "period_end": "2017-09-30",
    "as_at": "2017-09-30",
    "theme": "health",
}

ITEMS = [
    {
        "priority": "Priority One - Communities Driving Change",
        "type": "Activity",
        "item": "Support communities to drive change in health and wellbeing",
        "people": "Gemma Cossins, Charlotte Ladyman/Dianne Barham - (further group membership to be reviewed)",
        "deadline": "",
        "status": "On Track",
        "percent": 50,
        "comments": (
            "A progress update by the Board Champion Group for the Communities Driving Change priority of the Health "
            "& Wellbeing Strategy 2017-20 was presented to the HWB on 5th September 2017. This activity is on track. "
            "The overall outcome for this Activity is empower local communities to drive change in their daily habits "
            "to improve health and wellbeing of local residents."
        ),
    },
    {
        "priority": "Priority One - Communities Driving Change",
        "type": "Key deliverable",
        "item": (
            "Develop and Implement a 'Health Creation' programme with residents to identify issues impacting on "
            "health and wellbeing, and develop and lead new ways to improve health and wellbeing locally"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "- The locality based Healthy Communities Programme, commissioned by the PH service, is at an award stage "
            "and on track to start in October 2017;\n"
            "- The Social Movement for Life programme, a THT Vanguard pilot has progressed to four local coproduction "
            "initiatives (Isle of Dogs, Chicksand Estate, Bow & Watney Market);\n"
            "- The Community Insights Network programme - another THT Vanguard pilot- will develop and train "
            "researchers from the community, and review options for embedding participatory research across the "
            "partnership;\n"
            "- A partnership task group (NHS, voluntary sector, Healthwatch) are reviewing options using Healthwatch "
            "as the main repository for insights into health and care.\n"
            "- This work will inform the following outcomes/achievements:\n"
            "  - a) THT Communities Programme in place which seeks buy-in from residents;\n"
            "  - b) existing initiatives for capturing better insights in a joined up manner;\n"
            "  - c) clear pathways for residents to get involved established;\n"
            "  - d) process for feeding back to residents established.\n"
            "- This will be demonstrated in the form of a) Locality based coproduced delivery plans, b) evaluation of "
            "the Social Movement programme to identify successes and improvements c) a single place for insights on "
            "community insights on health and wellbeing, including Member Enquiries."
        ),
    },
    {
        "priority": "Priority One - Communities Driving Change",
        "type": "Key deliverable",
        "item": (
            "Develop and Implement a 'Health Creation' programme across the partnership to promote a culture in "
            "organisations that empowers people to be in control and informed about how to improve their health"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "- The Tower Hamlets Together User and Stakeholder Focus workstream has brought together partner "
            "engagement and involvement leads, Healthwatch, voluntary and community sector representatives and "
            "residents.\n"
            "- Over the last six months, the workstream has focussed on the delivery of the new community health "
            "services contract, admission avoidance, reablement and rapid response, integrated personal "
            "commissioning, the whole systems dataset project and the local implications of the East London Health "
            "and Care Partnership.\n"
            "- The overall outcome for this work is to encourage partner organisations (P.O) to pledge to support "
            "'Communities Driving Change'\n"
            "- PO's clearly promote ways that residents can drive change\n"
            "- PO's regularly feedback to residents on how residents have driven change\n"
            "- PO's support delivery of initiatives that empower people to improve their health: e.g Making Every "
            "Contact Count and Integrated Personal Commissioning."
        ),
    },
    {
        "priority": "Priority One - Communities Driving Change",
        "type": "Key deliverable",
        "item": (
            "Connect the residents with the priorities of the Health and Wellbeing Board by holding four engagement "
            "events undertaking a social media campaign"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "Public Health commissioned an engagement exercise during summer 2017 undertaken by the New Economics "
            "Foundation. The aim was to coproduce a shared outcomes framework around the Health & Wellbeing Strategy "
            "with residents. Residents identified 15 primary outcomes they aspire to. This is captured under THT. "
            "These include: 1. 'I am able to breathe cleaner air where I live'; 2. 'I'm satisfied with my home'; 3. "
            "'It's likely I'll live a long life'; 4. 'I'm supported to make healthy choices'; 5. 'I have a positive "
            "experience of the services I use'; 6. 'My children get the best possible start in life'; 7. 'I feel my "
            "care is provided safely'; 8. 'I want to see the best value/quality of local services'; 9. 'I'm able to "
            "access the services I need'; 10. 'I've a good level of happiness & wellbeing'; 11. 'I'm able to support "
            "myself and my family financially'; 12. 'I play an active part in my community'; 13. 'I feel safe from "
            "harm in my community'; 14. 'I have a sense of control over my life'; 15. 'I'm confident that those "
            "providing my care are skilled and motivated in their work'. A community engagement event was held on 9th "
            "August at Victoria Park. The Community Insight Network is also progressing and the first newsletter has "
            "been issued. A survey of stakeholders is in progress."
        ),
    },
    {
        "priority": "Priority Two - Employment and Health",
        "type": "Activity",
        "item": "Tackle health-related employment issues",
        "people": "Ian Basnett, Jackie Sullivan, Somen Banerjee (further membership to be reviewed)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 45,
        "comments": (
            "This Activity is on track. A progress update by the Board Champion Group for the Employment and Health "
            "priority of the Health & Wellbeing Strategy 2017-20 was presented to the Health & Wellbeing Board on 5 "
            "September 2017. The overall outcome for this Activity is to empower local communities to drive change in "
            "their daily habits to improve health and wellbeing of local residents."
        ),
    },
    {
        "priority": "Priority Two - Employment and Health",
        "type": "Key deliverable",
        "item": (
            "Strengthen the integration between health and employment services by using 'social prescribing' as a "
            "lever to improve links and shape an effective local delivery of DWP's Work and Health programme."
        ),
        "people": "Somen Banerjee (HAC) / Andy Scott (Place)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 50,
        "comments": (
            "- DWP's Work & Health Programme: TH is part of a 12 borough partnership in central London working to "
            "help people into employment. The aim is to strengthen the integration between health and employment "
            "services by: 1. using social prescribing as a lever to strengthen links between health & employment "
            "services; 2. reviewing best practice elsewhere; 3. shaping the effective delivery of DWP's Work & Health "
            "programme.\n"
            "- Central Govt has devolved the Work & Health programme to London (and Manchester). There are 4 "
            "sub-regions within London who are leading the procurement and management of the programme. This "
            "programme is intended to support people with mental and physical health issues into employment. Economic "
            "Development & Public Health are working jointly to identify cohorts. The programme will run for 5 years "
            "and seeks to support around 20,000 people across Central London with employment.\n"
            "- So far, PH has: 1. conducted a baseline survey of training needs of social prescribers with regards to "
            "council provision of Employment support; 2. training session for 'social prescribers' is planned, "
            "focusing on the council provision of employment support, in particular Work Path (content of training "
            "session to be guided by the results for the survey); 3. Social Prescribers have been linked into Content "
            "Referral Management development being conducted at the council (in order to facilitate referrals).\n"
            "- This project aims to help people with disability, on JSA/ESA benefit, long term unemployed of more "
            "than 2 years, care leavers, ex-offenders, ex-carers, refugees, ex-armed forces personnel – to be "
            "referred on a voluntary basis. Claimants will spend 15 months on the programme and tracked for a further "
            "6 months to capture any job outcomes. Analysis is being undertaken to analyse profile of relevant cohort."
        ),
    },
    {
        "priority": "Priority Two - Employment and Health",
        "type": "Key deliverable",
        "item": (
            "Deliver on a set of project actions to achieve the London Healthy Workplace Charter 'Achievement' Status "
            "that will have positive health & work benefits for staff"
        ),
        "people": "Somen Banerjee (HAC) / Gill Forward (RES)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 40,
        "comments": (
            "The actions include undertaking a self-assessment, and identify [...] improve the level of healthy "
            "improvement. A survey has been developed requesting baseline information on sign up to the London "
            "Charter, areas where progress has been challenging and examples of good practice. This will be "
            "distributed to HWB/THT / Employers Forum. The outcome for end of year is to have all organisations "
            "represented on Health and Wellbeing Board to have conducted a self-assessment against the Charter and "
            "for [...]"
        ),
    },
    {
        "priority": "Priority Two - Employment and Health",
        "type": "Key deliverable",
        "item": (
            "Increase the proportion of adults with a learning disability or mental health issue in employment by "
            "delivering a preapprenticeship programme of paid work experience"
        ),
        "people": "",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "Skillsmatch have employed 17 adults with a learning disability [...] of programmes since April 2017. The "
            "Adults' Social Impact Bond aims to deliver a programme of job readiness/employment to a cohort of 110 "
            "people with a Learning Disability – an increase from the current 60 people. The aim is to help these "
            "vulnerable people to live as independently as possible in the community and be integrated into society. "
            "A report to Cabinet is scheduled to be presented in Dec 2017 to obtain sign off for tendering of a "
            "provider to deliver the programme. They will identify the individuals, train and get them job ready. The "
            "SIB mechanism is that an investor invests in the programme; the Lottery Fund will pay 25%, and the "
            "council pays 75% only if the outcomes are delivered. The investors only pay the money when the outcome "
            "is delivered. As part of a special purpose vehicle, the provider has to appoint a separate administrator "
            "to monitor outcomes. The frequency of this is subject to further approval as it is in developmental "
            "stage. Skillsmatch (Employment and Enterprise) is working with the Council's Programme Management Office "
            "to develop a service which complement rather than duplicate in helping [...] people with LD into "
            "employment/jobs."
        ),
    },
    {
        "priority": "Priority Two - Employment and Health",
        "type": "Key deliverable",
        "item": (
            "Tackle mental health stigma by increasing the number of employers taking up the Time to Change pledge"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 40,
        "comments": (
            "Over the last 8 months, through a local capability building programme [...] Education England, over 300 "
            "Tower Hamlets staff from statutory and non-statutory sectors (228 [...] from voluntary sector or other) "
            "have been so far been trained on the half day Mental Health First Aid LITE awareness [...] as qualified "
            "Mental Health First Aiders. Additionally another 100 have so far been trained on the half day Mental "
            "Health First Aid LITE awareness course. The outcome is to increase the number of organisations in TH "
            "[...] have a further 100 people trained as MH first aiders."
        ),
    },
    {
        "priority": "Priority Three - Creating a Healthier Place",
        "type": "Activity",
        "item": "Create a healthier place",
        "people": "Councillor David Edgar, Councillor Danny Hassell (further members to be reviewed)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 45,
        "comments": "This activity is on track and work is in progress.",
    },
    {
        "priority": "Priority Three - Creating a Healthier Place",
        "type": "Key deliverable",
        "item": (
            "Identify three areas in the borough where there is particular need to improve the physical environment "
            "(e.g. lack of green space, population growth) and engage with residents and local organisations on "
            "priorities for improvement to benefit health and wellbeing"
        ),
        "people": "Somen Banerjee (HAC) / Judith St. John (CS)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "Through the Whitechapel Vision programme, we have identified three areas for community engagement "
            "focused on physical environment development: Collingwood Estate, Chicksand Estate and Sydney Estate. A "
            "comprehensive programme of further development sites for improved open spaces is being developed."
        ),
    },
    {
        "priority": "Priority Three - Creating a Healthier Place",
        "type": "Key deliverable",
        "item": "Integrate health impact assessment into planning and policy",
        "people": "Somen Banerjee (HAC) / Owen Whalley (PLACE)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "As part of the wider work overseen by the Tower Hamlets Steering Group, health impact assessments "
            "considerations are now factored into planning and policy regeneration work. Health Impact Assessment "
            "(HIA) Policy has been included in the Regulation 19 Draft Local Plan which requires development "
            "proposals to undertake and submit an HIA alongside their planning application. A report -'Tower Hamlets "
            "Local Plan 2031' - was presented to Cabinet on 19th Sept 2017 for approval and as a submission version "
            "to the Inspectorate. It is anticipated that the Plan will be adopted in 2018. An SLA has been agreed "
            "with Public Health, to support activities to expand the 'food for health' award scheme, targeting "
            "businesses. Assessments will be carried out at the end of the year. The expected impact is to encourage "
            "food operators to provide a variety of options, including healthier options to local people leading to a "
            "greater general health and well being."
        ),
    },
    {
        "priority": "Priority Four - Healthy Weight and Nutrition in Children",
        "type": "Activity",
        "item": "Improve children's weight and nutrition",
        "people": "Councillor Amy Whitelock Gibbs, Sam Everington, Debbie Jones",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "A progress update by the Board Champion Group for the Children: Healthy Weight and Nutrition priority of "
            "the Health & Wellbeing Strategy 2017-20 was presented to the HWB on 5th September 2017. This activity is "
            "on track. The overall outcome for this activity is to improve the health and nutrition and reduce "
            "obesity/overweight in local children."
        ),
    },
    {
        "priority": "Priority Four - Healthy Weight and Nutrition in Children",
        "type": "Key deliverable",
        "item": (
            "Identify and support health representatives on school governing bodies to raise the profile of health "
            "issues and improving health of school children at the school governing bodies meetings"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "A draft action plan was presented to the Health & Wellbeing Board on 18th April 2017. The next step is "
            "to recruit a pool of people with health backgrounds interested in becoming a school governor through "
            "local health organisations (e.g. CCG, NHS Trusts, primary care and public health). Also recruit through "
            "corporate social responsibility channels and match the 'health representatives' to schools working with "
            "LBTH Governors' services."
        ),
    },
    {
        "priority": "Priority Four - Healthy Weight and Nutrition in Children",
        "type": "Key deliverable",
        "item": (
            "Provide better information to parents on how schools support health and wellbeing so that parents are "
            "better equipped to contribute to improving the health of their child"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "30/09/17",
        "status": "Completed",
        "percent": None,
        "comments": (
            "This aims to build on existing communications to provide more information to parents e.g. about the "
            "schools Healthy School status, provide more comparative health information for Head Teachers and develop "
            "a school health report. School health (Compass Wellbeing) have already sent out letters to "
            "parents/carers giving the results of from the National Child Measurement Programme (NCMP). The overall "
            "outcome of this work is to help parents make informed choices and decisions to improve the health of "
            "their children."
        ),
    },
    {
        "priority": "Priority Four - Healthy Weight and Nutrition in Children",
        "type": "Key deliverable",
        "item": (
            "Develop an engagement and communications strategy around healthy weight and nutrition in children, with "
            "particular emphasis on high risk groups"
        ),
        "people": "",
        "deadline": "30/09/17",
        "status": "Completed",
        "percent": 100,
        "comments": (
            "[...] measures, with a dashboard to measure progress. This could build on the two-way service agreements "
            "that School Health (Compass Wellbeing) are currently negotiating with schools and also the Healthy "
            "London Partnership Healthy Schools standards. A Healthy Schools summit is planned for autumn term. The "
            "aim is to engage parents and schools around healthy weight management and nutrition, especially "
            "targeting high risk groups - these include pupils from the most deprived areas of the borough and groups "
            "identified with health inequalities related to [...]"
        ),
    },
    {
        "priority": "Priority Four - Healthy Weight and Nutrition in Children",
        "type": "Key deliverable",
        "item": (
            "Implement the 'Healthy Mile' programme in schools, to tackle obesity in school children to at least 16 "
            "schools by March 2018"
        ),
        "people": "Somen Banerjee (HAC)",
        "deadline": "30/09/17",
        "status": "Completed",
        "percent": None,
        "comments": (
            "The 'Healthy Mile' has already been introduced to 10 Tower Hamlets schools so far with support from "
            "Healthy Lives Team and 10 additional schools have shown interest and Healthy Lives Team will support "
            "them to start the programme in September 2017. 20 Schools participating include: Bangabandhu Primary; "
            "Blue Gate Fields Juniors; Bygrove Primary; Clara Grant Primary; Columbia Primary; Cyril Jackson Primary; "
            "Cubitt Town Juniors; English Martyrs Primary; Halley Primary; Ian Mikardo School; John Scurr Primary; "
            "Mowlem Primary; St John's Primary; St Lukes Primary; St Peters London Docks Primary; St Saviours "
            "Primary; Stewart Headlam Primary; Thomas Buxton Primary; Wellington Primary; William Davis Primary. a) "
            "More schools have shown interest in starting up the Daily Mile this term and meetings have been "
            "organised to support the schools. Once confirmed they will be added to the list above. b) Schools "
            "receiving grants for Pupil Led Projects around healthy eating/physical activity in 17/18 will also run "
            "the Daily Mile in their schools. Numbers to be confirmed mid Oct. c) Schools that are doing the Daily "
            "Mile as part of a Healthy Schools London Silver/Gold Award are looking to increase pupils fitness "
            "through regular physical activity – the Healthy Lives team conducts fitness tests twice a term with "
            "pupils, ideally a minimum of 6 times over a year, to see whether fitness levels have increased. d) In "
            "terms of nutrition the Healthy Lives team is supporting schools to run the Lunchtime Experience project, "
            "which focusses on trying to ensure that children have as healthy a lunch as possible and encouraging "
            "uptake of salad, fruit and vegetables at lunchtime. Training is also provided by the team to school "
            "staff around healthy eating and workshop for parents. The Healthy Lives team are also working with "
            "Public Health to remove cake from primary school menus and just have the focus on healthy foods. Obesity "
            "and overweight is measured for all 10-11 year olds annually and broken by schools"
        ),
    },
    {
        "priority": "Priority Five - Developing an Integrated System",
        "type": "Activity",
        "item": "Develop an integrated health and social care system",
        "people": "Denise Radley, Simon Hall (additional membership to be reviewed)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": 50,
        "comments": (
            "This work is proceeding well. The council and the CCG have increased the value of resources pooled "
            "through the Better Care Fund by over 100% since last year, to cover over £45m of activity, in 2017-18, "
            "and will review the suitability of a number of other functions for potential pooling in the course of "
            "2017-18. Together with its healthcare partners, it is planning to streamline the borough's health and "
            "social care partnership system to make it more effective. In addition, it is taking steps to create a "
            "number of joint senior management posts with the CCG, as an essential first step to integrating further "
            "the commissioning functions of the two organisations, prior to the eventual colocation of the council "
            "and the CCG on the new Civic Centre Whitechapel site in 2022."
        ),
    },
    {
        "priority": "Priority Five - Developing an Integrated System",
        "type": "Key deliverable",
        "item": "Develop a plan for a fully integrated system by 2020",
        "people": "Denise Radley (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "In 2015, Tower Hamlets was awarded NHS England New Care Model Vanguard status through the Tower Hamlets "
            "Integrated Provider Partnership (now Tower Hamlets Together). This has facilitated a wide range of "
            "initiatives designed to improve the integration of health and social care services. In particular, the "
            "council is currently reviewing its adult social care operational functions, with a view to aligning them "
            "more closely to community health services and other NHS provision in the borough, prior to fuller "
            "integration. This might involve more joint management arrangements, the co-location of staff and more "
            "integrated care pathways. In addition, in its daily work, the council has re-orientated the work of a "
            "number of its services, through the resources provided via the Better Care Fund. This includes the "
            "deployment of a number of council services to facilitate the earliest practicable discharge of patients "
            "from hospital, by ensuring that they are given appropriate support in the community. Examples include "
            "placing social work staff in the Royal London Hospital; the opening of the community equipment service "
            "on a seven-day basis; a specialist team of social workers which supports people with high levels of "
            "health care needs, and the refocussing of the Reablement service on patients suitable for discharge from "
            "hospital. This work, together with the development of the borough's partnership system are covered in "
            "the Better Care Fund plan for 2017-19, which was submitted to NHS England in September 2017. In the "
            "course of 2017, steps will be taken to improve the performance management of the health and social care "
            "interface, not least through the development of a joint outcomes framework and performance management "
            "system. So, for example, work will be undertaken to ensure that the action plan for the new Carers' "
            "Strategy covers all partner organisations, and not just the council. Similarly, other strategies, such "
            "as the Ageing Well Strategy and the Autism Strategy, are being driven by multi-agency partnerships to "
            "ensure [...]"
        ),
    },
    {
        "priority": "Priority Five - Developing an Integrated System",
        "type": "Key deliverable",
        "item": (
            "Develop stronger partnership and planning arrangements, centred on Tower Hamlets Together and the Joint "
            "Commissioning Executive"
        ),
        "people": "Denise Radley (HAC)",
        "deadline": "31/03/18",
        "status": "On Track",
        "percent": None,
        "comments": (
            "The council and its health partners are engaged in a whole system review of partnership arrangements in "
            "the borough. Having established a Joint Commissioning Executive with the CCG, in 2016, and participated "
            "in Tower Hamlets Together and CCG partnership boards and sub-groups, it is now appropriate to take stock "
            "of what has been achieved and identify ways in which partnership bodies can be streamlined and made more "
            "effective. It is envisaged that the Health and Well-Being Board will become the overarching body "
            "responsible for all health and social care provision in the borough. In addition, Tower Hamlets Together "
            "will become the main delivery partnership at the borough level, while the Joint Commissioning Executive "
            "will continue to shape the strategic direction of provision. These borough-level developments will take "
            "place alongside the development of the East London Health and Care Partnership (Sustainability and "
            "Transformation Partnership for East London). Although the final structure of the partnership system has "
            "not yet been agreed, there is enthusiasm across all partner organisations to move the borough's health "
            "and social care partnerships to a new level. An update will be provided at the Board on the 7th November."
        ),
    },
]
