"""Fictional employers of the demo region (Leicester, Leicestershire and Rutland).

Every site names a town from ``portal/locations/data/places.csv``; the generator takes the site's
coordinates from that file and adds the small ``offset`` (degrees of latitude, longitude) given here.

``roles`` maps a role code from ``roles.csv`` to a weight: how often the employer advertises it.
``share`` is the employer's weight when the vacancies are shared out.
``apply`` says how people apply: ``nhs_jobs`` (external, NHS Jobs advert), ``own_site`` (external,
the employer's careers site, ``careers_url``) or ``portal``.
"""

EMPLOYERS = [
    {
        "key": "svh",
        "name": "Soar Valley Hospitals NHS Trust",
        "sector": "acute_trust",
        "website": "https://www.soarvalleyhospitals.nhs.uk",
        "about": (
            "Soar Valley Hospitals NHS Trust runs the three acute hospitals serving Leicester, "
            "Leicestershire and Rutland, with an emergency department that sees more than 600 people a "
            "day. We are a **teaching trust** with around 18,000 staff, and we train nurses, doctors and "
            "allied health professionals with the local universities."
        ),
        "sites": [
            {"name": "Leicester Central Hospital", "town": "Leicester", "postcode": "LE1 5QR", "offset": (-0.0020, -0.0010)},
            {"name": "Evington General Hospital", "town": "Leicester", "postcode": "LE5 4PW", "offset": (-0.0110, 0.0580)},
            {"name": "Glenfield Heart and Lung Centre", "town": "Glenfield", "postcode": "LE3 9QE", "offset": (0.0040, 0.0050)},
        ],
        "share": 95,
        "apply": "nhs_jobs",
        "nhs_org": "301",
        "ref_prefix": "SVH",
        "benefits": "nhs",
        "roles": {
            "registered_nurse_adult": 20, "senior_staff_nurse": 6, "ward_sister": 3, "childrens_nurse": 4,
            "midwife": 5, "nursing_associate": 5, "apprentice_nursing_associate": 3, "nurse_degree_apprentice": 2,
            "advanced_clinical_practitioner": 2, "healthcare_support_worker": 18,
            "apprentice_healthcare_support_worker": 4, "maternity_support_worker": 3, "assistant_practitioner": 2,
            "phlebotomist": 3, "therapy_assistant": 2, "physiotherapist": 4, "occupational_therapist": 3,
            "diagnostic_radiographer": 4, "speech_language_therapist": 1, "dietitian": 2,
            "operating_department_practitioner": 3, "biomedical_scientist": 3, "medical_laboratory_assistant": 2,
            "cardiac_physiologist": 2, "consultant": 3, "specialty_doctor": 3, "pharmacist": 2,
            "pharmacy_technician": 2, "pharmacy_assistant": 1, "ward_clerk": 4, "medical_secretary": 3,
            "administrator": 3, "business_admin_apprentice": 2, "hr_advisor": 1, "porter": 5,
            "domestic_assistant": 5, "catering_assistant": 3, "estates_technician": 2,
        },
    },
    {
        "key": "cch",
        "name": "Charnwood Community Health NHS Trust",
        "sector": "community_trust",
        "website": "https://www.charnwoodcommunityhealth.nhs.uk",
        "about": (
            "Charnwood Community Health NHS Trust provides community nursing, therapy and community "
            "hospital care across Leicestershire and Rutland. Our teams care for people at home, in clinics "
            "and on the wards of six community hospitals, helping them stay well and out of hospital."
        ),
        "sites": [
            {"name": "Soar Meadows Community Hospital", "town": "Loughborough", "postcode": "LE11 5JY", "offset": (0.0030, -0.0120)},
            {"name": "Bosworth Community Hospital", "town": "Hinckley", "postcode": "LE10 3BQ", "offset": (-0.0060, 0.0050)},
            {"name": "Wreake Community Hospital", "town": "Melton Mowbray", "postcode": "LE13 0SJ", "offset": (0.0040, -0.0080)},
            {"name": "Catmose Community Hospital", "town": "Oakham", "postcode": "LE15 6NT", "offset": (0.0020, 0.0040)},
            {"name": "Welland Health Centre", "town": "Market Harborough", "postcode": "LE16 7BN", "offset": (0.0030, -0.0020)},
            {"name": "Forest Community Hospital", "town": "Coalville", "postcode": "LE67 4DE", "offset": (-0.0040, 0.0030)},
        ],
        "share": 38,
        "apply": "nhs_jobs",
        "nhs_org": "302",
        "ref_prefix": "CCH",
        "benefits": "nhs",
        "roles": {
            "community_staff_nurse": 6, "district_nurse": 4, "registered_nurse_adult": 5, "nursing_associate": 3,
            "apprentice_nursing_associate": 2, "advanced_clinical_practitioner": 1, "healthcare_support_worker": 6,
            "apprentice_healthcare_support_worker": 2, "physiotherapist": 3, "occupational_therapist": 3,
            "occupational_therapy_apprentice": 1, "speech_language_therapist": 2, "podiatrist": 2, "dietitian": 1,
            "therapy_assistant": 3, "childrens_nurse": 1, "learning_disability_nurse": 1, "administrator": 2,
            "medical_secretary": 1, "domestic_assistant": 2, "catering_assistant": 1,
        },
    },
    {
        "key": "fmh",
        "name": "Fosse Mental Health NHS Foundation Trust",
        "sector": "mental_health_trust",
        "website": "https://www.fossementalhealth.nhs.uk",
        "about": (
            "Fosse Mental Health NHS Foundation Trust provides inpatient and community mental health and "
            "learning disability services for people of all ages in Leicester, Leicestershire and Rutland. "
            "We believe in recovery, in working alongside people with lived experience, and in looking after "
            "the people who do this work."
        ),
        "sites": [
            {"name": "Fosse House Mental Health Unit", "town": "Leicester", "postcode": "LE5 4QF", "offset": (-0.0080, 0.0500)},
            {"name": "Charnwood Wellbeing Centre", "town": "Loughborough", "postcode": "LE11 2TT", "offset": (0.0050, 0.0060)},
            {"name": "Hinckley Community Mental Health Hub", "town": "Hinckley", "postcode": "LE10 0QP", "offset": (0.0030, -0.0040)},
            {"name": "Glen Parva Recovery Centre", "town": "Wigston", "postcode": "LE18 4TA", "offset": (-0.0020, -0.0150)},
        ],
        "share": 36,
        "apply": "nhs_jobs",
        "nhs_org": "303",
        "ref_prefix": "FMH",
        "benefits": "nhs",
        "roles": {
            "mental_health_nurse": 7, "community_mental_health_nurse": 4, "learning_disability_nurse": 2,
            "mental_health_support_worker": 7, "nursing_associate": 2, "apprentice_nursing_associate": 2,
            "occupational_therapist": 2, "psychological_wellbeing_practitioner": 3, "clinical_psychologist": 1,
            "assistant_psychologist": 2, "consultant": 1, "specialty_doctor": 1, "pharmacist": 1,
            "administrator": 2, "medical_secretary": 1, "domestic_assistant": 1,
        },
    },
    {
        "key": "esa",
        "name": "East Shires Ambulance Service NHS Trust",
        "sector": "ambulance_trust",
        "website": "https://www.eastshiresambulance.nhs.uk",
        "about": (
            "East Shires Ambulance Service NHS Trust answers 999 and NHS 111 calls and responds to "
            "emergencies across the East Midlands shires. Our Leicestershire division runs stations in "
            "Leicester, Loughborough, Hinckley and Melton Mowbray and an emergency operations centre at Enderby."
        ),
        "sites": [
            {"name": "Leicester Central Ambulance Station", "town": "Leicester", "postcode": "LE1 3GX", "offset": (0.0060, 0.0020)},
            {"name": "Loughborough Ambulance Station", "town": "Loughborough", "postcode": "LE11 3DY", "offset": (-0.0030, 0.0050)},
            {"name": "Hinckley Ambulance Station", "town": "Hinckley", "postcode": "LE10 1JF", "offset": (0.0020, 0.0060)},
            {"name": "Melton Mowbray Ambulance Station", "town": "Melton Mowbray", "postcode": "LE13 1AF", "offset": (-0.0020, -0.0030)},
            {"name": "Leicestershire Emergency Operations Centre", "town": "Enderby", "postcode": "LE19 1SD", "offset": (0.0030, 0.0040)},
        ],
        "share": 24,
        "apply": "nhs_jobs",
        "nhs_org": "304",
        "ref_prefix": "ESA",
        "benefits": "nhs",
        "roles": {
            "paramedic": 9, "emergency_care_assistant": 6, "emergency_medical_advisor": 5,
            "patient_transport_care_assistant": 3, "advanced_clinical_practitioner": 1, "administrator": 1,
            "estates_technician": 1, "business_admin_apprentice": 1,
        },
    },
    {
        "key": "abbey_park",
        "name": "Abbey Park Medical Practice",
        "sector": "primary_care",
        "website": "https://www.abbeyparkmedicalpractice.co.uk",
        "about": (
            "Abbey Park Medical Practice is a friendly, training GP practice caring for about 14,500 patients "
            "in north Leicester and Birstall. We have six GP partners, a strong nursing team and a rating of "
            "*good* in every area at our last inspection."
        ),
        "sites": [
            {"name": "Abbey Park Medical Practice", "town": "Leicester", "postcode": "LE4 5PQ", "offset": (0.0200, -0.0010)},
            {"name": "Birstall Branch Surgery", "town": "Birstall", "postcode": "LE4 4DX", "offset": (0.0010, -0.0020)},
        ],
        "share": 9,
        "apply": "portal",
        "ref_prefix": "APMP",
        "benefits": "gp",
        "roles": {
            "salaried_gp": 2, "gp_partner": 1, "practice_nurse": 2, "gp_healthcare_assistant": 2,
            "medical_receptionist": 4, "practice_manager": 1,
        },
    },
    {
        "key": "castle_mead",
        "name": "Castle Mead Surgery",
        "sector": "primary_care",
        "website": "https://www.castlemeadsurgery.co.uk",
        "about": (
            "Castle Mead Surgery looks after 9,800 patients in Hinckley and Burbage from a purpose-built "
            "surgery near the town centre and a branch in Burbage. We are a close-knit team that still knows "
            "many of our patients by name."
        ),
        "sites": [
            {"name": "Castle Mead Surgery", "town": "Hinckley", "postcode": "LE10 1EG", "offset": (-0.0010, 0.0030)},
            {"name": "Burbage Branch Surgery", "town": "Burbage", "postcode": "LE10 2FF", "offset": (0.0010, 0.0010)},
        ],
        "share": 8,
        "apply": "portal",
        "ref_prefix": "CMS",
        "benefits": "gp",
        "roles": {
            "salaried_gp": 2, "practice_nurse": 2, "gp_healthcare_assistant": 2, "medical_receptionist": 4,
            "practice_manager": 1,
        },
    },
    {
        "key": "welland_valley",
        "name": "Welland Valley Surgery",
        "sector": "primary_care",
        "website": "https://www.wellandvalleysurgery.co.uk",
        "about": (
            "Welland Valley Surgery is a rural dispensing practice in Uppingham serving 7,200 patients across "
            "south Rutland. Our patients range from pupils at the town's schools to farming families who "
            "have been with us for generations."
        ),
        "sites": [
            {"name": "Welland Valley Surgery", "town": "Uppingham", "postcode": "LE15 9QX", "offset": (0.0010, -0.0020)},
        ],
        "share": 7,
        "apply": "portal",
        "ref_prefix": "WVS",
        "benefits": "gp",
        "roles": {
            "salaried_gp": 1, "gp_partner": 1, "practice_nurse": 1, "medical_receptionist": 3,
            "dispensing_assistant": 2, "gp_healthcare_assistant": 1,
        },
    },
    {
        "key": "soar_wreake_pcn",
        "name": "Soar and Wreake Primary Care Network",
        "sector": "primary_care",
        "website": "https://www.soarwreakepcn.nhs.uk",
        "about": (
            "Soar and Wreake Primary Care Network brings together five GP practices serving 58,000 people "
            "in Syston, Sileby, Quorn and the villages between. Our network team of pharmacists, "
            "physiotherapists, link workers and care coordinators works across all five practices."
        ),
        "sites": [
            {"name": "Syston Health Centre", "town": "Syston", "postcode": "LE7 1GR", "offset": (0.0010, 0.0020)},
            {"name": "Sileby Surgery", "town": "Sileby", "postcode": "LE12 7RQ", "offset": (-0.0010, 0.0010)},
            {"name": "Quorn Medical Centre", "town": "Quorn", "postcode": "LE12 8GN", "offset": (0.0010, -0.0010)},
        ],
        "share": 11,
        "apply": "nhs_jobs",
        "nhs_org": "417",
        "ref_prefix": "SWPCN",
        "benefits": "gp",
        "roles": {
            "clinical_pharmacist": 2, "pharmacy_technician": 2, "social_prescribing_link_worker": 2,
            "care_coordinator": 2, "first_contact_physiotherapist": 1, "advanced_clinical_practitioner": 1,
            "salaried_gp": 1,
        },
    },
    {
        "key": "greenfield_pharmacy",
        "name": "Greenfield Pharmacy Group",
        "sector": "pharmacy",
        "website": "https://www.greenfieldpharmacy.co.uk",
        "about": (
            "Greenfield Pharmacy Group is an independent, family-run chain of four community pharmacies in "
            "Wigston, Oadby, Blaby and Lutterworth. Alongside dispensing we run the NHS Pharmacy First "
            "service, blood pressure checks, flu and COVID-19 vaccination and a free delivery service."
        ),
        "sites": [
            {"name": "Greenfield Pharmacy Wigston", "town": "Wigston", "postcode": "LE18 1PB", "offset": (0.0010, 0.0010)},
            {"name": "Greenfield Pharmacy Oadby", "town": "Oadby", "postcode": "LE2 5BF", "offset": (-0.0010, 0.0010)},
            {"name": "Greenfield Pharmacy Blaby", "town": "Blaby", "postcode": "LE8 4GA", "offset": (0.0005, -0.0010)},
            {"name": "Greenfield Pharmacy Lutterworth", "town": "Lutterworth", "postcode": "LE17 4AQ", "offset": (0.0010, 0.0005)},
        ],
        "share": 10,
        "apply": "portal",
        "ref_prefix": "GPG",
        "benefits": "pharmacy",
        "roles": {
            "community_pharmacist": 2, "community_pharmacy_technician": 2, "dispensing_assistant": 3,
            "pharmacy_counter_assistant": 2, "pharmacy_services_apprentice": 2,
        },
    },
    {
        "key": "rutland_water",
        "name": "Rutland Water Care Home",
        "sector": "residential_care",
        "website": "https://www.rutlandwatercarehome.co.uk",
        "about": (
            "Rutland Water Care Home is a 42-bed residential home on the edge of Oakham, a short walk from "
            "the reservoir. We care for older people, many living with dementia, and we are proud of our "
            "*good* CQC rating and our big garden."
        ),
        "sites": [
            {"name": "Rutland Water Care Home", "town": "Oakham", "postcode": "LE15 6RD", "offset": (-0.0040, 0.0090)},
        ],
        "share": 14,
        "apply": "portal",
        "ref_prefix": "RWCH",
        "benefits": "care",
        "roles": {
            "care_worker": 5, "new_to_care_worker": 2, "senior_care_worker": 3, "care_team_leader": 1,
            "activities_coordinator": 1, "adult_care_apprentice": 1, "lead_adult_care_apprentice": 1,
            "care_home_housekeeper": 1, "care_home_cook": 1, "deputy_manager": 1, "practice_leader": 1,
        },
    },
    {
        "key": "welland_lodge",
        "name": "Welland Lodge Residential Home",
        "sector": "residential_care",
        "website": "https://www.wellandlodge.co.uk",
        "about": (
            "Welland Lodge is a family-owned residential home for 28 older people in a Victorian house in "
            "Market Harborough. Many of our team have been with us for more than ten years, and relatives "
            "tell us it feels like a home, not an institution."
        ),
        "sites": [
            {"name": "Welland Lodge", "town": "Market Harborough", "postcode": "LE16 9HE", "offset": (0.0050, -0.0030)},
        ],
        "share": 11,
        "apply": "portal",
        "ref_prefix": "WLRH",
        "benefits": "care",
        "roles": {
            "care_worker": 5, "new_to_care_worker": 2, "senior_care_worker": 2, "activities_coordinator": 1,
            "adult_care_apprentice": 1, "care_home_housekeeper": 1, "care_home_cook": 1, "registered_manager": 1,
        },
    },
    {
        "key": "bosworth_fields",
        "name": "Bosworth Fields Nursing Home",
        "sector": "nursing_home",
        "website": "https://www.bosworthfieldsnursinghome.co.uk",
        "about": (
            "Bosworth Fields is a 60-bed nursing home in Market Bosworth providing nursing, dementia nursing "
            "and end of life care. Our registered nurses lead care around the clock, with support from GPs, "
            "community matrons and the local hospice."
        ),
        "sites": [
            {"name": "Bosworth Fields Nursing Home", "town": "Market Bosworth", "postcode": "CV13 0LG", "offset": (-0.0030, 0.0040)},
        ],
        "share": 16,
        "apply": "portal",
        "ref_prefix": "BFNH",
        "benefits": "care",
        "roles": {
            "nursing_home_nurse": 5, "care_worker": 5, "new_to_care_worker": 2, "senior_care_worker": 2,
            "care_team_leader": 1, "activities_coordinator": 1, "care_home_housekeeper": 1, "care_home_cook": 1,
            "deputy_manager": 1, "registered_manager": 1, "lead_adult_care_apprentice": 1,
        },
    },
    {
        "key": "belvoir_home_care",
        "name": "Vale of Belvoir Home Care",
        "sector": "home_care",
        "website": "https://www.valeofbelvoirhomecare.co.uk",
        "about": (
            "Vale of Belvoir Home Care is a small, local agency supporting about 90 people to live well in "
            "their own homes around Melton Mowbray and the villages of north-east Leicestershire. We plan "
            "sensible rounds with proper travel time, so our carers never have to rush a visit."
        ),
        "sites": [
            {"name": "Vale of Belvoir Home Care office", "town": "Melton Mowbray", "postcode": "LE13 1XD", "offset": (0.0010, 0.0020)},
        ],
        "areas": ["Melton Mowbray", "Asfordby", "Bottesford", "Syston", "Oakham"],
        "share": 16,
        "apply": "portal",
        "ref_prefix": "VBHC",
        "benefits": "home_care",
        "roles": {
            "home_care_worker": 9, "new_to_care_worker": 2, "senior_care_worker": 2, "care_team_leader": 1,
            "home_care_coordinator": 1, "adult_care_apprentice": 1, "registered_manager": 1,
        },
    },
    {
        "key": "clock_tower_care",
        "name": "Clock Tower Home Care",
        "sector": "home_care",
        "website": "https://www.clocktowerhomecare.co.uk",
        "about": (
            "Clock Tower Home Care provides home care and reablement visits across Leicester, Oadby and "
            "Wigston, in English, Gujarati, Punjabi and Polish. We are a team of 45 carers and we were rated "
            "*good* by the Care Quality Commission."
        ),
        "sites": [
            {"name": "Clock Tower Home Care office", "town": "Leicester", "postcode": "LE1 6RP", "offset": (0.0010, 0.0030)},
        ],
        "areas": ["Leicester", "Oadby", "Wigston", "Thurmaston", "Braunstone Town"],
        "share": 16,
        "apply": "portal",
        "ref_prefix": "CTHC",
        "benefits": "home_care",
        "roles": {
            "home_care_worker": 9, "new_to_care_worker": 2, "senior_care_worker": 2, "care_team_leader": 1,
            "home_care_coordinator": 1, "deputy_manager": 1, "lead_adult_care_apprentice": 1,
        },
    },
    {
        "key": "charnwood_pathways",
        "name": "Charnwood Pathways Supported Living",
        "sector": "supported_living",
        "website": "https://www.charnwoodpathways.org.uk",
        "about": (
            "Charnwood Pathways is a not-for-profit provider supporting 70 adults with learning disabilities, "
            "autism and mental health needs to live in their own homes and flats. We use positive behaviour "
            "support and we match support workers to the people they support by shared interests."
        ),
        "sites": [
            {"name": "Charnwood Pathways - Loughborough services", "town": "Loughborough", "postcode": "LE11 1QH", "offset": (-0.0040, -0.0030)},
            {"name": "Charnwood Pathways - Coalville services", "town": "Coalville", "postcode": "LE67 3FL", "offset": (0.0020, -0.0010)},
            {"name": "Charnwood Pathways - Shepshed house", "town": "Shepshed", "postcode": "LE12 9AA", "offset": (0.0010, 0.0020)},
            {"name": "Charnwood Pathways - Leicester services", "town": "Leicester", "postcode": "LE3 0QE", "offset": (0.0020, -0.0240)},
        ],
        "share": 16,
        "apply": "portal",
        "ref_prefix": "CPSL",
        "benefits": "care",
        "roles": {
            "support_worker_ld": 9, "new_to_care_worker": 2, "senior_care_worker": 2, "care_team_leader": 2,
            "practice_leader": 1, "deputy_manager": 1, "registered_manager": 1, "lead_adult_care_apprentice": 1,
        },
    },
    {
        "key": "hlcc",
        "name": "High Leicestershire County Council",
        "sector": "local_authority",
        "website": "https://www.highleicestershire.gov.uk",
        "about": (
            "High Leicestershire County Council provides adult social care and children's social care for "
            "the county. Our social workers, assessors and reablement teams help people stay independent, "
            "safe and connected to their communities, working closely with the NHS."
        ),
        "sites": [
            {"name": "County Offices", "town": "Glenfield", "postcode": "LE3 8RB", "offset": (-0.0030, 0.0060)},
            {"name": "Loughborough Area Office", "town": "Loughborough", "postcode": "LE11 2TN", "offset": (0.0020, 0.0030)},
            {"name": "Melton Area Office", "town": "Melton Mowbray", "postcode": "LE13 0UL", "offset": (0.0020, 0.0010)},
            {"name": "Hinckley Area Office", "town": "Hinckley", "postcode": "LE10 0FR", "offset": (0.0010, -0.0020)},
            {"name": "Wigston Reablement Hub", "town": "Wigston", "postcode": "LE18 2FU", "offset": (0.0030, 0.0020)},
        ],
        "areas": ["Oadby", "Loughborough", "Market Harborough", "Hinckley", "Coalville", "Lutterworth", "Melton Mowbray"],
        "share": 22,
        "apply": "own_site",
        "careers_url": "https://jobs.highleicestershire.gov.uk/vacancy",
        "ref_prefix": "HLCC",
        "benefits": "council",
        "roles": {
            "social_worker": 5, "senior_social_worker": 2, "amhp": 1, "social_care_assessor": 2,
            "social_work_apprentice": 1, "reablement_worker": 4, "personal_assistant": 4,
        },
    },
    {
        "key": "beacon_hill_hospice",
        "name": "Beacon Hill Hospice",
        "sector": "hospice_charity",
        "website": "https://www.beaconhillhospice.org.uk",
        "about": (
            "Beacon Hill Hospice is the local charity providing specialist palliative and end of life care "
            "for adults in Leicestershire and Rutland, free of charge. We care for people on our in-patient "
            "unit in Groby, at our day hospice in Loughborough and in their own homes, and we rely on more "
            "than 900 volunteers."
        ),
        "sites": [
            {"name": "Beacon Hill Hospice In-patient Unit", "town": "Groby", "postcode": "LE6 0ED", "offset": (-0.0030, 0.0050)},
            {"name": "Beacon Hill Day Hospice and Wellbeing Centre", "town": "Loughborough", "postcode": "LE11 4NA", "offset": (-0.0050, -0.0100)},
            {"name": "Beacon Hill Hospice Shop Oakham", "town": "Oakham", "postcode": "LE15 6AB", "offset": (0.0, 0.0010)},
            {"name": "Beacon Hill Hospice Shop Hinckley", "town": "Hinckley", "postcode": "LE10 0AF", "offset": (0.0010, 0.0)},
        ],
        "share": 24,
        "apply": "own_site",
        "careers_url": "https://www.beaconhillhospice.org.uk/jobs",
        "ref_prefix": "BHH",
        "benefits": "hospice",
        "roles": {
            "volunteer": 20, "registered_nurse_adult": 2, "senior_staff_nurse": 1, "community_staff_nurse": 1,
            "healthcare_support_worker": 2, "occupational_therapist": 1, "charity_shop_assistant": 2,
            "community_fundraiser": 1, "catering_assistant": 1,
        },
    },
]
