"""Per-role data for the demo adverts: how titles read, where the job is and what it needs.

Title templates may use ``{unit}`` (a ward, team or department from ``UNITS``), ``{site}`` and
``{town}``; a template that needs a unit is skipped when the employer has none for that role.
Flags: ``dbs`` is required, ``drive`` is the chance the advert asks for a driving licence,
``visa`` the chance it offers Skilled Worker sponsorship, ``school`` (suits school leavers) and
``noexp`` (no experience needed).
"""

ANNUAL_RANGES = {
    "consultant": (109725, 145478),
    "specialty_doctor": (64000, 101000),
    "gp_partner": (110000, 150000),
    "salaried_gp": (73113, 110330),
    "practice_nurse": (33000, 43000),
    "practice_manager": (42000, 55000),
    "community_pharmacist": (46000, 60000),
    "home_care_coordinator": (25500, 30000),
    "deputy_manager": (31000, 39000),
    "registered_manager": (40000, 56000),
    "social_worker": (37000, 43000),
    "senior_social_worker": (43500, 49500),
    "amhp": (45000, 52000),
    "social_care_assessor": (27500, 31500),
    "social_work_apprentice": (25000, 28000),
    "community_fundraiser": (25500, 29500),
}

APPRENTICE_ROLES = {
    "apprentice_nursing_associate", "nurse_degree_apprentice", "occupational_therapy_apprentice",
    "business_admin_apprentice", "apprentice_healthcare_support_worker", "pharmacy_services_apprentice",
    "adult_care_apprentice", "lead_adult_care_apprentice", "social_work_apprentice",
}
VOLUNTEER_ROLES = {"volunteer"}

# Roles that never run as bank or fixed-term posts in the demo.
PERMANENT_ONLY = {
    "gp_partner", "registered_manager", "ward_sister", "practice_manager", "clinical_psychologist",
    "consultant",
}

# Roles never advertised as bank posts.
NO_BANK = {
    "charity_shop_assistant", "community_fundraiser", "hr_advisor", "practice_leader", "home_care_coordinator",
    "deputy_manager", "clinical_pharmacist", "care_coordinator", "social_prescribing_link_worker",
}

# Roles that never work nights, and roles whose adverts may be for night shifts only.
NO_NIGHTS = {
    "activities_coordinator", "care_home_cook", "care_home_housekeeper", "catering_assistant", "phlebotomist",
    "ward_clerk", "practice_leader", "deputy_manager", "registered_manager", "home_care_coordinator",
    "dietitian", "podiatrist", "speech_language_therapist", "therapy_assistant", "occupational_therapist",
    "physiotherapist", "assistant_psychologist", "clinical_psychologist", "psychological_wellbeing_practitioner",
    "medical_secretary", "administrator", "hr_advisor", "business_admin_apprentice", "charity_shop_assistant",
    "home_care_worker", "reablement_worker", "occupational_therapy_apprentice", "social_prescribing_link_worker",
}
NIGHTS_ONLY_OK = {
    "registered_nurse_adult", "healthcare_support_worker", "care_worker", "senior_care_worker", "support_worker_ld",
    "mental_health_support_worker", "nursing_home_nurse", "new_to_care_worker", "porter", "nursing_associate",
    "mental_health_nurse", "care_team_leader",
}
# Words in a unit or title that rule out night work.
DAYTIME_WORDS = (
    "Day Case", "Day Surgery", "Day Hospice", "School", "Outpatient", "Patient Access", "Falls Prevention",
    "Memory Assessment", "Talking Therapies", "Leg Ulcer", "Early Starts", "Days", "Early Intervention",
    "Cardiology", "Integrated Rehabilitation", "Neuro Rehabilitation",
)

UNITS = {
    "acute_wards": [
        ("Ward 7, Acute Medicine", "Ward 7 is a 28-bed acute medical ward taking patients from the Emergency Department and the Acute Medical Unit"),
        ("Ward 21, Respiratory", "Ward 21 is a 24-bed respiratory ward with a four-bed non-invasive ventilation bay"),
        ("Ward 15, Older People's Medicine", "Ward 15 cares for frail older people, many living with dementia, working closely with therapists and the discharge team"),
        ("Ward 33, Trauma and Orthopaedics", "Ward 33 is a 30-bed trauma ward looking after people with hip fractures and other injuries before and after surgery"),
        ("Ward 4, General Surgery", "Ward 4 is a surgical ward for emergency and planned general surgery patients"),
        ("Coronary Care Unit", "our 12-bed Coronary Care Unit looks after people with heart attacks, arrhythmias and heart failure"),
        ("Ward 17, Stroke", "Ward 17 is the hyperacute and acute stroke unit for the county, with a strong therapy-led rehabilitation culture"),
        ("Ward 9, Renal", "Ward 9 cares for people with kidney disease, including patients on dialysis and after a transplant"),
        ("Ward 36, Haematology and Oncology", "Ward 36 cares for adults with blood cancers and solid tumours receiving chemotherapy and supportive care"),
        ("Ward 12, Gastroenterology", "Ward 12 is a gastroenterology and hepatology ward working closely with the endoscopy unit"),
        ("Emergency Department", "our Emergency Department sees more than 600 patients a day across majors, minors, resus and the urgent treatment centre"),
        ("Acute Medical Unit", "the Acute Medical Unit assesses adults referred by GPs and the Emergency Department, aiming to get people home the same day where it is safe"),
        ("Critical Care Unit", "our 20-bed Critical Care Unit cares for the sickest adults in the hospital, with one-to-one and one-to-two nursing"),
        ("Ward 31, Urology", "Ward 31 is a 22-bed urology ward with a busy planned surgery list"),
        ("Day Surgery Unit", "the Day Surgery Unit treats people who go home the same day, Monday to Saturday"),
    ],
    "paediatrics": [
        ("Children's Ward 11", "Children's Ward 11 is a 26-bed general paediatric ward for children and young people up to 16"),
        ("Children's Emergency Department", "our Children's Emergency Department sees around 90 children and young people a day"),
        ("Neonatal Unit", "our Neonatal Unit cares for premature and sick babies, with intensive care, high dependency and special care cots"),
        ("Paediatric Day Case Unit", "the Paediatric Day Case Unit looks after children having planned surgery and procedures"),
    ],
    "community_children": [
        ("Children's Community Nursing - {town}", "our children's community nurses care for children with complex and long-term conditions at home, at school and in short-break settings"),
        ("School Nursing - {town}", "the school nursing team supports the health of children and young people in {town}'s primary and secondary schools"),
    ],
    "maternity": [
        ("Delivery Suite", "our Delivery Suite supports around 5,500 births a year, including women and birthing people with complex pregnancies"),
        ("Birth Centre", "our midwife-led Birth Centre supports low-risk births in a calm, homely setting with birthing pools in every room"),
        ("Antenatal and Postnatal Ward", "the Antenatal and Postnatal Ward cares for women, birthing people and babies before and after birth"),
        ("Community Midwifery - {town}", "our community midwives provide antenatal and postnatal care in clinics and family homes around {town}"),
    ],
    "theatres": [
        ("Main Theatres", "Main Theatres runs 14 operating theatres covering general, vascular, urology and emergency surgery"),
        ("Orthopaedic Theatres", "our Orthopaedic Theatres carry out planned hip and knee replacements and trauma surgery"),
        ("Obstetric Theatres", "the Obstetric Theatres team supports planned and emergency caesarean births around the clock"),
        ("Day Surgery Theatres", "our Day Surgery Theatres treat people who go home the same day"),
    ],
    "community_wards": [
        ("Community Hospital Ward, {site}", "the inpatient ward at {site} provides step-down rehabilitation for adults who no longer need an acute hospital bed but are not yet ready to go home"),
        ("Intermediate Care Unit, {town}", "the Intermediate Care Unit in {town} helps older people regain their independence after illness or a fall, with daily therapy input"),
    ],
    "community_nursing": [
        ("Community Nursing - {town}", "our {town} community nursing team visits housebound adults at home, providing wound care, end of life care, diabetes care and catheter care"),
        ("Urgent Community Response - {town}", "the Urgent Community Response team sees people at home within two hours of referral to prevent an avoidable hospital admission"),
        ("Leg Ulcer and Wound Care Service", "our Leg Ulcer and Wound Care Service runs nurse-led clinics and home visits across the county"),
        ("Community Nursing Nights Service", "the Community Nursing Nights Service visits people at home overnight, supporting end of life care and urgent needs"),
    ],
    "community_therapy": [
        ("Integrated Rehabilitation Team - {town}", "the Integrated Rehabilitation Team in {town} helps adults regain mobility and independence at home after illness, injury or a stay in hospital"),
        ("Community Neuro Rehabilitation", "our Community Neuro Rehabilitation team supports people with stroke, brain injury and progressive neurological conditions"),
        ("Falls Prevention Service", "the Falls Prevention Service works with older people at risk of falling, in their homes and in community strength and balance groups"),
        ("Community Hospital Therapy, {site}", "our therapy team at {site} works with patients on the community wards to get them safely home"),
    ],
    "acute_therapy": [
        ("Stroke Therapy", "our stroke therapy team works on the hyperacute and acute stroke unit and follows patients into early supported discharge"),
        ("Respiratory Physiotherapy", "the respiratory physiotherapy team covers the wards, critical care and an on-call rota"),
        ("Trauma and Orthopaedics Therapy", "our trauma and orthopaedic therapists get people moving again after fractures and joint replacement"),
        ("Frailty Team", "the Frailty Team assesses older people in the Emergency Department and on the Acute Medical Unit to get them home safely"),
        ("Musculoskeletal Outpatients", "our Musculoskeletal Outpatient service sees adults with back, neck and joint problems referred by GPs"),
    ],
    "imaging": [
        ("General X-ray", "our General X-ray department runs seven rooms across three hospitals, including 24-hour cover for the Emergency Department"),
        ("CT", "the CT department runs four scanners, including a dedicated emergency scanner next to resus"),
        ("MRI", "our MRI department runs three scanners seven days a week"),
        ("Emergency Department Imaging", "the Emergency Department imaging team provides plain film and CT for trauma and majors"),
    ],
    "pathology": [
        ("Blood Sciences", "our Blood Sciences laboratory processes more than 8,000 samples a day in clinical chemistry and haematology"),
        ("Microbiology", "the Microbiology laboratory provides bacteriology, virology and molecular testing for hospitals and GPs"),
        ("Blood Transfusion", "our Blood Transfusion laboratory provides a 24-hour service to theatres, the Emergency Department and maternity"),
        ("Cellular Pathology", "the Cellular Pathology department processes histology and cytology specimens for the whole county"),
    ],
    "cardiac": [
        ("Cardiac Investigations", "our Cardiac Investigations department performs ECGs, echocardiograms, ambulatory monitoring and exercise tests"),
        ("Cardiac Catheter Labs", "the Cardiac Catheter Labs provide a 24-hour primary PCI service for heart attacks"),
    ],
    "mh_wards": [
        ("Ashby Ward, Adult Acute", "Ashby Ward is an 18-bed adult acute mental health ward for men and women"),
        ("Heather Ward, Older People", "Heather Ward is a mixed ward for older adults with functional mental illness and dementia"),
        ("Psychiatric Intensive Care Unit", "our 10-bed Psychiatric Intensive Care Unit cares for adults who are acutely unwell and need a higher level of support"),
        ("Willow Ward, Rehabilitation", "Willow Ward is a 15-bed rehabilitation ward supporting people with long-term mental illness to regain the skills and confidence to live more independently"),
        ("Juniper Unit, Eating Disorders", "the Juniper Unit provides specialist inpatient care for adults with eating disorders"),
    ],
    "mh_community": [
        ("Community Mental Health Team - {town}", "the {town} Community Mental Health Team supports adults with severe and enduring mental illness in the community"),
        ("Crisis Resolution and Home Treatment Team", "our Crisis Resolution and Home Treatment Team offers intensive support at home as an alternative to admission, 24 hours a day"),
        ("Early Intervention in Psychosis", "the Early Intervention in Psychosis service works with young people experiencing a first episode of psychosis"),
        ("Memory Assessment Service", "our Memory Assessment Service diagnoses and supports people with dementia and their carers"),
        ("Mental Health Liaison - Emergency Department", "the Mental Health Liaison team assesses people in crisis in the Emergency Department and on the acute wards"),
    ],
    "ld_services": [
        ("Community Learning Disability Team - {town}", "the Community Learning Disability Team supports adults with learning disabilities and their families to stay healthy and well"),
        ("Hawthorn Unit, Learning Disability Assessment", "the Hawthorn Unit is a small assessment and treatment unit for adults with a learning disability"),
    ],
    "talking_therapies": [
        ("NHS Talking Therapies - {town}", "NHS Talking Therapies in {town} offers evidence-based psychological therapy for common mental health problems such as anxiety and depression"),
    ],
    "hospice": [
        ("In-patient Unit", "our 12-bed In-patient Unit provides specialist symptom control and end of life care"),
        ("Hospice at Home", "Hospice at Home supports people in their last weeks of life to be cared for, and to die, in their own homes"),
        ("Day Hospice and Wellbeing Centre", "the Day Hospice and Wellbeing Centre offers clinics, therapies and support groups for people living with a life-limiting illness"),
    ],
    "hospital_admin": [
        ("Outpatients", "the Outpatients department runs more than 3,000 appointments a week across the three hospitals"),
        ("Patient Access Centre", "the Patient Access Centre books appointments and manages waiting lists for 30 specialties"),
        ("Cardiology", "the Cardiology service covers outpatient clinics, the catheter labs and the Coronary Care Unit"),
        ("Emergency Department", "the Emergency Department reception and clerking team registers more than 600 patients a day"),
        ("Trauma and Orthopaedics", "the Trauma and Orthopaedics service runs clinics and theatre lists for planned and emergency surgery"),
    ],
}

# Which units each sector uses when a role names none.
SECTOR_UNITS = {
    "acute_trust": "acute_wards",
    "community_trust": "community_wards",
    "mental_health_trust": "mh_wards",
    "hospice_charity": "hospice",
}

# role_code -> data. ``units`` overrides SECTOR_UNITS per sector (None: no unit).
ROLES = {
    # Nursing and midwifery
    "registered_nurse_adult": {
        "noun": "registered nurse", "profile": "ward_nursing", "reg": "nmc_adult",
        "titles": ["Staff Nurse - {unit}", "Registered Nurse - {unit}", "Band 5 Staff Nurse - {unit}",
                   "Staff Nurse (Newly Qualified Welcome) - {unit}", "Registered Nurse (Adult) - {site}"],
        "titles_by_sector": {"hospice_charity": ["Staff Nurse - {unit}", "Registered Nurse - {unit}"]},
        "visa": 0.3, "drive": 0.0,
    },
    "senior_staff_nurse": {
        "noun": "senior staff nurse", "profile": "ward_nursing", "reg": "nmc_adult",
        "titles": ["Senior Staff Nurse - {unit}", "Deputy Sister / Charge Nurse - {unit}", "Band 6 Junior Sister - {unit}"],
        "titles_by_sector": {"hospice_charity": ["Senior Staff Nurse - {unit}", "Clinical Nurse Specialist - Palliative Care"]},
        "visa": 0.15,
    },
    "ward_sister": {
        "noun": "ward sister or charge nurse", "profile": "ward_nursing", "reg": "nmc_adult",
        "titles": ["Ward Sister / Charge Nurse - {unit}", "Ward Manager - {unit}", "Senior Sister - {unit}"],
    },
    "mental_health_nurse": {
        "noun": "mental health nurse", "profile": "mental_health", "reg": "nmc_mental_health",
        "titles": ["Staff Nurse (RMN) - {unit}", "Registered Mental Health Nurse - {unit}",
                   "Mental Health Nurse - {unit}", "Band 5 RMN - {unit}"],
        "visa": 0.3,
    },
    "community_mental_health_nurse": {
        "noun": "community mental health nurse", "profile": "mental_health", "reg": "nmc_mental_health",
        "titles": ["Community Mental Health Nurse - {unit}", "Community Psychiatric Nurse - {unit}",
                   "Band 6 Care Coordinator (RMN) - {unit}"],
        "units": {"mental_health_trust": "mh_community"}, "drive": 0.9, "visa": 0.1,
        "patterns": (0.2, 0.05, 0.3, 0.2),
    },
    "learning_disability_nurse": {
        "noun": "learning disability nurse", "profile": "mental_health", "reg": "nmc_learning_disability",
        "titles": ["Learning Disability Nurse - {unit}", "Registered Nurse (Learning Disabilities) - {unit}"],
        "units": {"mental_health_trust": "ld_services", "community_trust": "ld_services"}, "drive": 0.5, "visa": 0.1,
        "patterns": (0.4, 0.2, 0.4, 0.2),
    },
    "childrens_nurse": {
        "noun": "children's nurse", "profile": "ward_nursing", "reg": "nmc_children",
        "titles": ["Children's Nurse - {unit}", "Staff Nurse (RN Child) - {unit}", "Paediatric Staff Nurse - {unit}"],
        "units": {"acute_trust": "paediatrics", "community_trust": "community_children"}, "visa": 0.2,
    },
    "community_staff_nurse": {
        "noun": "community staff nurse", "profile": "community_nursing", "reg": "nmc_adult",
        "titles": ["Community Staff Nurse - {unit}", "Registered Nurse - {unit}", "Community Nurse - {town}"],
        "titles_by_sector": {"hospice_charity": ["Hospice at Home Nurse", "Community Staff Nurse - Hospice at Home"]},
        "units": {"community_trust": "community_nursing", "hospice_charity": None}, "drive": 1.0, "visa": 0.15,
    },
    "district_nurse": {
        "noun": "district nurse", "profile": "community_nursing", "reg": "nmc_adult",
        "titles": ["District Nurse - {unit}", "Community Nurse Team Leader - {unit}", "Band 6 District Nurse - {town}"],
        "units": {"community_trust": "community_nursing"}, "drive": 1.0,
    },
    "midwife": {
        "noun": "midwife", "profile": "maternity", "reg": "nmc_midwife",
        "titles": ["Midwife - {unit}", "Registered Midwife - {unit}", "Rotational Midwife",
                   "Newly Qualified Midwife - {unit}"],
        "units": {"acute_trust": "maternity"}, "visa": 0.2,
    },
    "nursing_associate": {
        "noun": "nursing associate", "profile": "ward_nursing", "reg": "nmc_na",
        "titles": ["Nursing Associate - {unit}", "Registered Nursing Associate - {unit}", "Nursing Associate - {site}"],
        "units": {"mental_health_trust": "mh_wards"},
    },
    "apprentice_nursing_associate": {
        "noun": "trainee nursing associate", "profile": "apprentice_clinical",
        "titles": ["Apprentice Nursing Associate (Level 5)", "Trainee Nursing Associate Apprenticeship - {unit}",
                   "Trainee Nursing Associate (Foundation Degree Apprenticeship)"],
        "school": True, "noexp": False,
    },
    "nurse_degree_apprentice": {
        "noun": "registered nurse degree apprentice", "profile": "apprentice_clinical",
        "school": False,
        "titles": ["Registered Nurse Degree Apprenticeship (Level 6)", "Nursing Degree Apprentice - Adult Nursing",
                   "Registered Nurse Degree Apprentice (Top-up from Nursing Associate)"],
    },
    "advanced_clinical_practitioner": {
        "noun": "advanced clinical practitioner", "profile": "advanced_practice", "reg": "nmc_or_hcpc",
        "titles": ["Advanced Clinical Practitioner - {unit}", "Advanced Clinical Practitioner"],
        "titles_by_sector": {
            "ambulance_trust": ["Advanced Paramedic Practitioner - Urgent Care", "Specialist Paramedic - Urgent and Emergency Care"],
            "primary_care": ["Advanced Clinical Practitioner - Same Day Access Hub", "Advanced Nurse Practitioner (PCN)"],
        },
        "units": {"community_trust": "community_nursing"}, "drive": 0.2,
    },
    "nursing_home_nurse": {
        "noun": "registered nurse", "profile": "care_home_nursing", "reg": "nmc_adult",
        "titles": ["Registered Nurse - Days", "Registered Nurse (RGN/RMN)", "Staff Nurse - Dementia Nursing Unit",
                   "Nurse in Charge - Nights", "Registered General Nurse"],
        "visa": 0.35,
    },
    # Allied health
    "paramedic": {
        "noun": "paramedic", "profile": "ambulance", "reg": "hcpc_paramedic",
        "titles": ["Paramedic - {site}", "Newly Qualified Paramedic - {town}", "Paramedic (Band 6) - Leicestershire Division",
                   "Paramedic - Clinical Assessment Service"],
        "drive": 1.0, "visa": 0.05,
    },
    "physiotherapist": {
        "noun": "physiotherapist", "profile": "therapy", "reg": "hcpc_physio",
        "titles": ["Physiotherapist - {unit}", "Band 5 Rotational Physiotherapist", "Physiotherapist - {site}"],
        "units": {"acute_trust": "acute_therapy", "community_trust": "community_therapy"}, "visa": 0.1,
    },
    "first_contact_physiotherapist": {
        "noun": "first contact physiotherapist", "profile": "therapy", "reg": "hcpc_physio",
        "titles": ["First Contact Physiotherapist", "First Contact Practitioner (MSK Physiotherapy)"],
        "units": None, "drive": 0.6,
    },
    "occupational_therapist": {
        "noun": "occupational therapist", "profile": "therapy", "reg": "hcpc_ot",
        "titles": ["Occupational Therapist - {unit}", "Band 5 Rotational Occupational Therapist", "Occupational Therapist - {site}"],
        "units": {"acute_trust": "acute_therapy", "community_trust": "community_therapy",
                  "mental_health_trust": "mh_wards", "hospice_charity": "hospice"},
        "visa": 0.1,
    },
    "occupational_therapy_apprentice": {
        "noun": "occupational therapy degree apprentice", "profile": "apprentice_clinical",
        "titles": ["Occupational Therapy Degree Apprenticeship (Level 6)", "Apprentice Occupational Therapist - {unit}"],
        "units": {"community_trust": "community_therapy"},
    },
    "diagnostic_radiographer": {
        "noun": "diagnostic radiographer", "profile": "diagnostics", "reg": "hcpc_radiographer",
        "titles": ["Diagnostic Radiographer - {unit}", "Band 5 Diagnostic Radiographer", "Radiographer - {site}"],
        "units": {"acute_trust": "imaging"}, "visa": 0.3,
    },
    "speech_language_therapist": {
        "noun": "speech and language therapist", "profile": "therapy", "reg": "hcpc_slt",
        "titles": ["Speech and Language Therapist - {unit}", "Speech and Language Therapist (Adult Dysphagia)",
                   "Speech and Language Therapist - {site}"],
        "units": {"acute_trust": "acute_therapy", "community_trust": "community_therapy"},
    },
    "dietitian": {
        "noun": "dietitian", "profile": "therapy", "reg": "hcpc_dietitian",
        "titles": ["Dietitian - {unit}", "Band 5 Rotational Dietitian", "Community Dietitian - {town}"],
        "units": {"acute_trust": "acute_wards", "community_trust": "community_therapy"},
    },
    "podiatrist": {
        "noun": "podiatrist", "profile": "therapy", "reg": "hcpc_podiatrist",
        "titles": ["Podiatrist - {town}", "Community Podiatrist", "Podiatrist (Diabetic Foot) - {site}"],
        "units": None, "drive": 0.7,
    },
    "operating_department_practitioner": {
        "noun": "operating department practitioner", "profile": "theatres", "reg": "hcpc_odp",
        "titles": ["Operating Department Practitioner - {unit}", "ODP / Theatre Practitioner - {unit}",
                   "Anaesthetic Practitioner (ODP) - {unit}"],
        "units": {"acute_trust": "theatres"}, "visa": 0.2,
    },
    # Healthcare science
    "biomedical_scientist": {
        "noun": "biomedical scientist", "profile": "diagnostics", "reg": "hcpc_bms",
        "titles": ["Biomedical Scientist - {unit}", "Band 5 Biomedical Scientist - {unit}", "Biomedical Scientist (Rotational)"],
        "units": {"acute_trust": "pathology"}, "visa": 0.2,
    },
    "medical_laboratory_assistant": {
        "noun": "medical laboratory assistant", "profile": "diagnostics",
        "titles": ["Medical Laboratory Assistant - {unit}", "Laboratory Assistant - Specimen Reception"],
        "units": {"acute_trust": "pathology"}, "school": True, "noexp": True,
    },
    "cardiac_physiologist": {
        "noun": "cardiac physiologist", "profile": "diagnostics", "reg": "rccp",
        "titles": ["Cardiac Physiologist - {unit}", "Healthcare Scientist (Cardiac Physiology) - {unit}"],
        "units": {"acute_trust": "cardiac"},
    },
    # Medical
    "consultant": {
        "noun": "consultant", "profile": "medical", "reg": "gmc_specialist",
        "titles": ["Consultant in Acute Medicine", "Consultant Geriatrician", "Consultant in Emergency Medicine",
                   "Consultant Respiratory Physician", "Consultant Anaesthetist", "Consultant Physician - Stroke Medicine"],
        "titles_by_sector": {"mental_health_trust": ["Consultant Psychiatrist - General Adult",
                                                     "Consultant Psychiatrist - Older Adults",
                                                     "Consultant Psychiatrist - Crisis Resolution and Home Treatment"]},
        "units": None, "visa": 0.4,
    },
    "specialty_doctor": {
        "noun": "specialty doctor", "profile": "medical", "reg": "gmc",
        "titles": ["Specialty Doctor - Emergency Medicine", "Specialty Doctor - Acute Medicine",
                   "Specialty Doctor - Trauma and Orthopaedics", "Specialty Doctor - Obstetrics and Gynaecology"],
        "titles_by_sector": {"mental_health_trust": ["Specialty Doctor - Adult Psychiatry",
                                                     "Specialty Doctor - Older People's Mental Health"]},
        "units": None, "visa": 0.5,
    },
    # Administrative and clerical
    "ward_clerk": {
        "noun": "ward clerk", "profile": "admin",
        "titles": ["Ward Clerk - {unit}", "Ward Receptionist - {unit}", "Ward Clerk / Receptionist - {site}"],
        "dbs": True, "school": True, "noexp": True,
    },
    "medical_secretary": {
        "noun": "medical secretary", "profile": "admin",
        "titles": ["Medical Secretary - {unit}", "Medical Secretary", "Team Secretary - {unit}"],
        "units": {"acute_trust": "hospital_admin", "mental_health_trust": "mh_community", "community_trust": "community_therapy"},
        "dbs": False,
    },
    "administrator": {
        "noun": "administrator", "profile": "admin",
        "titles": ["Administrator - {unit}", "Administrative Assistant - {unit}", "Team Administrator - {unit}",
                   "Receptionist / Administrator - {site}", "Booking Coordinator - {unit}"],
        "titles_by_sector": {"ambulance_trust": ["Administrator - Leicestershire Division", "Rota and Resource Administrator"]},
        "units": {"acute_trust": "hospital_admin", "mental_health_trust": "mh_community",
                  "community_trust": "community_nursing"},
        "dbs": False, "school": True, "noexp": True,
    },
    "emergency_medical_advisor": {
        "noun": "emergency medical advisor", "profile": "call_handling",
        "titles": ["Emergency Medical Advisor (999 Call Handler)", "Emergency Call Handler - Emergency Operations Centre",
                   "999 Emergency Medical Advisor - Nights"],
        "dbs": True, "school": True, "noexp": True,
    },
    "hr_advisor": {
        "noun": "HR advisor", "profile": "admin",
        "titles": ["HR Advisor", "Medical Staffing Advisor", "Recruitment Advisor - International Nursing"],
        "units": None, "dbs": False,
    },
    "business_admin_apprentice": {
        "noun": "business administration apprentice", "profile": "apprentice_admin",
        "titles": ["Business Administration Apprentice (Level 3)", "Apprentice Administrator - {unit}",
                   "Business Administration Apprenticeship - {site}"],
        "units": {"acute_trust": "hospital_admin"}, "dbs": False,
    },
    # Estates and ancillary
    "porter": {
        "noun": "porter", "profile": "facilities",
        "titles": ["Porter - {site}", "Hospital Porter", "General Porter - Nights", "Porter (Emergency Department)"],
        "units": None, "school": True, "noexp": True,
    },
    "domestic_assistant": {
        "noun": "domestic assistant", "profile": "facilities",
        "titles": ["Domestic Assistant - {site}", "Ward Domestic - {unit}", "Domestic Assistant (Part Time)"],
        "school": True, "noexp": True,
    },
    "catering_assistant": {
        "noun": "catering assistant", "profile": "facilities",
        "titles": ["Catering Assistant - {site}", "Ward Hostess / Host - {unit}", "Catering Assistant (Restaurant)"],
        "titles_by_sector": {"hospice_charity": ["Catering Assistant - Hospice Kitchen", "Kitchen Assistant - {site}"]},
        "units": {"hospice_charity": None}, "school": True, "noexp": True,
    },
    "estates_technician": {
        "noun": "maintenance technician", "profile": "facilities",
        "titles": ["Estates Maintenance Technician (Electrical)", "Estates Technician - Mechanical", "Multi-skilled Maintenance Technician"],
        "titles_by_sector": {"ambulance_trust": ["Fleet Technician - Vehicle Workshop", "Ambulance Fleet Mechanic"]},
        "units": None, "dbs": False, "drive": 0.3, "patterns": (0.4, 0.1, 0.3, 0.1),
    },
    "care_home_housekeeper": {
        "noun": "housekeeper", "profile": "facilities",
        "titles": ["Housekeeper", "Domestic / Housekeeper", "Housekeeping Assistant", "Laundry Assistant"],
        "school": True, "noexp": True,
    },
    "care_home_cook": {
        "noun": "cook", "profile": "facilities",
        "titles": ["Cook", "Care Home Cook", "Second Cook / Kitchen Assistant", "Head Cook"],
        "noexp": False,
    },
    # Additional clinical services
    "healthcare_support_worker": {
        "noun": "healthcare support worker", "profile": "ward_support",
        "titles": ["Healthcare Support Worker - {unit}", "Healthcare Assistant - {unit}", "Band 3 Healthcare Support Worker - {unit}",
                   "Healthcare Support Worker - {site}"],
        "titles_by_sector": {"hospice_charity": ["Healthcare Assistant - {unit}", "Hospice Healthcare Assistant - {unit}"]},
        "school": True, "noexp": True,
    },
    "apprentice_healthcare_support_worker": {
        "noun": "apprentice healthcare support worker", "profile": "apprentice_clinical",
        "titles": ["Apprentice Healthcare Support Worker (Level 2)", "Healthcare Support Worker Apprentice - {unit}",
                   "Foundation Apprenticeship - Health and Social Care (Level 2)"],
        "school": True, "noexp": True,
    },
    "assistant_practitioner": {
        "noun": "assistant practitioner", "profile": "ward_support",
        "titles": ["Assistant Practitioner - {unit}", "Senior Healthcare Support Worker (Assistant Practitioner) - {unit}"],
    },
    "maternity_support_worker": {
        "noun": "maternity support worker", "profile": "maternity",
        "titles": ["Maternity Support Worker - {unit}", "Maternity Care Assistant - {unit}"],
        "units": {"acute_trust": "maternity"}, "school": True, "noexp": True,
    },
    "phlebotomist": {
        "noun": "phlebotomist", "profile": "ward_support",
        "titles": ["Phlebotomist - {site}", "Phlebotomist (Outpatients)", "Ward Phlebotomist - Early Starts"],
        "units": None, "school": True, "noexp": True,
    },
    "mental_health_support_worker": {
        "noun": "mental health support worker", "profile": "mental_health",
        "titles": ["Healthcare Support Worker - {unit}", "Mental Health Support Worker - {unit}",
                   "Support Time and Recovery Worker - {unit}"],
        "units": {"mental_health_trust": "mh_wards"}, "school": True, "noexp": True,
    },
    "therapy_assistant": {
        "noun": "therapy assistant", "profile": "therapy_support",
        "titles": ["Therapy Assistant - {unit}", "Rehabilitation Assistant - {unit}", "Physiotherapy Assistant - {unit}"],
        "units": {"acute_trust": "acute_therapy", "community_trust": "community_therapy"}, "noexp": True,
        "drive": 0.4,
    },
    "emergency_care_assistant": {
        "noun": "emergency care assistant", "profile": "ambulance",
        "titles": ["Emergency Care Assistant - {town}", "Emergency Care Support Worker - {site}",
                   "Ambulance Care Assistant (Emergency) - Leicestershire"],
        "drive": 1.0, "noexp": True,
    },
    "patient_transport_care_assistant": {
        "noun": "patient transport care assistant", "profile": "ambulance",
        "titles": ["Patient Transport Service Care Assistant - {town}", "Non-emergency Patient Transport Driver",
                   "Ambulance Care Assistant (Patient Transport)"],
        "drive": 1.0, "noexp": True,
    },
    # Additional professional, scientific and technical
    "pharmacist": {
        "noun": "pharmacist", "profile": "pharmacy", "reg": "gphc_pharmacist",
        "titles": ["Rotational Pharmacist", "Band 6 Pharmacist - {site}", "Pharmacist - Medicines Optimisation"],
        "units": None, "visa": 0.15, "patterns": (0.3, 0.05, 0.4, 0.2),
    },
    "clinical_pharmacist": {
        "noun": "clinical pharmacist", "profile": "pharmacy", "reg": "gphc_pharmacist",
        "titles": ["Clinical Pharmacist (PCN)", "Practice-based Clinical Pharmacist", "Clinical Pharmacist - Care Homes"],
        "units": None,
    },
    "pharmacy_technician": {
        "noun": "pharmacy technician", "profile": "pharmacy", "reg": "gphc_technician",
        "titles": ["Pharmacy Technician - {site}", "Medicines Management Technician", "Pharmacy Technician - Aseptic Unit"],
        "titles_by_sector": {"primary_care": ["Pharmacy Technician (PCN)", "Medicines Optimisation Pharmacy Technician"]},
        "units": None,
    },
    "pharmacy_assistant": {
        "noun": "pharmacy assistant", "profile": "pharmacy",
        "titles": ["Pharmacy Assistant - Dispensary", "Pharmacy Support Worker - {site}"],
        "units": None, "school": True, "noexp": True,
    },
    "psychological_wellbeing_practitioner": {
        "noun": "psychological wellbeing practitioner", "profile": "psychology",
        "titles": ["Psychological Wellbeing Practitioner - {unit}", "Qualified PWP - {unit}", "Psychological Wellbeing Practitioner - Step 2"],
        "units": {"mental_health_trust": "talking_therapies"},
    },
    "assistant_psychologist": {
        "noun": "assistant psychologist", "profile": "psychology",
        "titles": ["Assistant Psychologist - {unit}", "Assistant Psychologist"],
        "units": {"mental_health_trust": "mh_community"},
    },
    "clinical_psychologist": {
        "noun": "clinical psychologist", "profile": "psychology", "reg": "hcpc_psychologist",
        "titles": ["Clinical Psychologist - {unit}", "Clinical Psychologist (Band 8a)"],
        "units": {"mental_health_trust": "mh_community"},
    },
    # Primary care and community pharmacy
    "gp_partner": {
        "noun": "GP partner", "profile": "medical", "reg": "gmc_gp",
        "titles": ["GP Partner", "GP Partner (6-8 sessions)", "GP Partner - Training Practice"],
    },
    "salaried_gp": {
        "noun": "salaried GP", "profile": "medical", "reg": "gmc_gp",
        "titles": ["Salaried GP", "Salaried GP (4-8 sessions)", "Salaried GP - {site}", "Salaried GP (Newly Qualified Welcome)"],
        "visa": 0.1,
    },
    "practice_nurse": {
        "noun": "practice nurse", "profile": "primary_clinical", "reg": "nmc_adult",
        "titles": ["Practice Nurse", "Practice Nurse - {site}", "Senior Practice Nurse (Long-term Conditions)",
                   "General Practice Nurse (New to Practice Welcome)"],
    },
    "gp_healthcare_assistant": {
        "noun": "healthcare assistant", "profile": "primary_clinical",
        "titles": ["Healthcare Assistant", "Healthcare Assistant / Phlebotomist", "Healthcare Assistant - {site}"],
        "noexp": True,
    },
    "medical_receptionist": {
        "noun": "medical receptionist", "profile": "reception",
        "titles": ["Medical Receptionist", "Receptionist / Care Navigator", "Medical Receptionist - {site}",
                   "Patient Services Receptionist (Part Time)"],
        "dbs": True, "school": True, "noexp": True,
    },
    "practice_manager": {
        "noun": "practice manager", "profile": "management",
        "titles": ["Practice Manager", "Practice Business Manager", "Operations and Practice Manager"],
        "dbs": False,
    },
    "social_prescribing_link_worker": {
        "noun": "social prescribing link worker", "profile": "primary_clinical",
        "titles": ["Social Prescribing Link Worker", "Social Prescriber - {town}", "Health and Wellbeing Coach"],
        "drive": 0.6, "noexp": False,
    },
    "care_coordinator": {
        "noun": "care coordinator", "profile": "primary_clinical",
        "titles": ["Care Coordinator (PCN)", "Care Coordinator - Frailty and Care Homes", "Personalised Care Coordinator"],
        "noexp": True,
    },
    "community_pharmacist": {
        "noun": "pharmacist", "profile": "pharmacy", "reg": "gphc_pharmacist",
        "titles": ["Pharmacist Manager - {site}", "Community Pharmacist", "Relief Pharmacist",
                   "Pharmacist (Independent Prescriber)"],
        "visa": 0.1,
    },
    "community_pharmacy_technician": {
        "noun": "pharmacy technician", "profile": "pharmacy", "reg": "gphc_technician",
        "titles": ["Accuracy Checking Pharmacy Technician", "Pharmacy Technician - {site}"],
    },
    "dispensing_assistant": {
        "noun": "dispensing assistant", "profile": "pharmacy",
        "titles": ["Dispensing Assistant - {site}", "Dispenser", "Pharmacy Dispenser (Part Time)"],
        "titles_by_sector": {"primary_care": ["GP Dispenser", "Dispensary Assistant - {site}"]},
        "school": True, "noexp": True, "dbs": False,
    },
    "pharmacy_counter_assistant": {
        "noun": "medicines counter assistant", "profile": "pharmacy",
        "titles": ["Medicines Counter Assistant - {site}", "Pharmacy Counter Assistant (Saturdays)", "Healthcare Counter Assistant"],
        "school": True, "noexp": True, "dbs": False,
    },
    "pharmacy_services_apprentice": {
        "noun": "apprentice pharmacy services assistant", "profile": "apprentice_pharmacy",
        "titles": ["Apprentice Pharmacy Services Assistant (Level 2)", "Pharmacy Apprentice - {site}"],
        "school": True, "noexp": True, "dbs": False,
    },
    # Adult social care
    "new_to_care_worker": {
        "noun": "care assistant", "profile": "care_home",
        "titles": ["Care Assistant - No Experience Needed", "Trainee Care Assistant", "Care Assistant (New to Care)",
                   "Care Assistant - Full Training Given"],
        "titles_by_sector": {
            "home_care": ["Trainee Home Carer - {town}", "Home Carer - No Experience Needed ({town})"],
            "supported_living": ["Trainee Support Worker - {town}", "Support Worker - No Experience Needed"],
        },
        "school": True, "noexp": True,
    },
    "care_worker": {
        "noun": "care worker", "profile": "care_home",
        "titles": ["Care Assistant", "Care Assistant - Days", "Night Care Assistant", "Care Worker - Dementia Unit",
                   "Healthcare Assistant", "Care Worker - Weekends"],
        "noexp": True, "school": True,
    },
    "home_care_worker": {
        "noun": "home care worker", "profile": "home_care",
        "titles": ["Home Care Worker - {town} (Driver)", "Home Carer - {town}", "Domiciliary Care Worker - {town}",
                   "Community Carer - {town} (Driver)", "Home Care Worker - {town} (Walker)", "Weekend Home Carer - {town}"],
        "drive": 0.75, "noexp": True, "school": True,
    },
    "support_worker_ld": {
        "noun": "support worker", "profile": "supported_living",
        "titles": ["Support Worker - Learning Disabilities ({town})", "Support Worker - Autism", "Waking Night Support Worker - {town}",
                   "Support Worker - Supported Living ({town})", "Sleep-in Support Worker"],
        "drive": 0.35, "noexp": True, "school": True,
    },
    "senior_care_worker": {
        "noun": "senior care worker", "profile": "care_home",
        "titles": ["Senior Care Assistant", "Senior Carer - Days", "Senior Care Worker - Nights", "Medication Senior"],
        "titles_by_sector": {
            "home_care": ["Senior Home Carer - {town}", "Senior Care Worker (Spot Checks and Training)"],
            "supported_living": ["Senior Support Worker - {town}", "Senior Support Worker (Autism)"],
            "nursing_home": ["Senior Healthcare Assistant", "Senior Care Assistant - Nursing Unit"],
        },
        "visa": 0.2,
    },
    "personal_assistant": {
        "noun": "personal assistant", "profile": "personal_assistant",
        "titles": ["Personal Assistant - {town}", "Personal Assistant for a young man in {town}",
                   "Personal Assistant for an older lady in {town}", "Personal Assistant (Direct Payments) - {town}"],
        "drive": 0.5, "noexp": True,
    },
    "care_team_leader": {
        "noun": "team leader", "profile": "care_home",
        "titles": ["Team Leader", "Care Team Leader - Nights", "Unit Lead - Dementia Care", "Care Supervisor"],
        "titles_by_sector": {
            "home_care": ["Field Care Supervisor", "Care Supervisor - {town}"],
            "supported_living": ["Team Leader - Supported Living ({town})", "Service Team Leader"],
        },
    },
    "practice_leader": {
        "noun": "practice leader", "profile": "care_home",
        "titles": ["Dementia Lead", "Practice Lead - Care Quality and Training", "Clinical Lead (Care)"],
        "titles_by_sector": {"supported_living": ["Positive Behaviour Support Practitioner", "Practice Lead - Autism"]},
    },
    "activities_coordinator": {
        "noun": "activities coordinator", "profile": "care_home",
        "titles": ["Activities Coordinator", "Wellbeing and Activities Coordinator", "Lifestyle Coordinator (Part Time)"],
        "noexp": True, "school": True,
    },
    "reablement_worker": {
        "noun": "reablement support worker", "profile": "reablement",
        "titles": ["Reablement Support Worker - {town}", "Home First Reablement Worker", "Community Reablement Assistant - {town}"],
        "drive": 1.0, "noexp": True,
    },
    "home_care_coordinator": {
        "noun": "care coordinator", "profile": "management",
        "titles": ["Care Coordinator", "Care Scheduler / Coordinator", "Office-based Care Coordinator"],
        "drive": 0.5,
    },
    "deputy_manager": {
        "noun": "deputy manager", "profile": "management",
        "titles": ["Deputy Manager", "Deputy Care Home Manager", "Assistant Home Manager"],
        "titles_by_sector": {
            "nursing_home": ["Clinical Deputy Manager", "Deputy Manager (RGN)"],
            "home_care": ["Deputy Branch Manager", "Deputy Registered Manager"],
            "supported_living": ["Deputy Service Manager - {town}", "Assistant Service Manager"],
        },
        "drive": 0.2,
    },
    "registered_manager": {
        "noun": "registered manager", "profile": "management",
        "titles": ["Registered Manager", "Home Manager", "Care Home Manager"],
        "titles_by_sector": {
            "home_care": ["Registered Branch Manager", "Registered Manager - Home Care"],
            "supported_living": ["Registered Manager - Supported Living", "Locality Manager (Registered Manager)"],
        },
        "drive": 0.3,
    },
    "adult_care_apprentice": {
        "noun": "apprentice care worker", "profile": "apprentice_care",
        "titles": ["Apprentice Care Assistant (Level 2)", "Adult Care Worker Apprenticeship (Level 2)",
                   "Foundation Apprenticeship - Health and Social Care (Level 2)"],
        "titles_by_sector": {"home_care": ["Apprentice Home Carer (Level 2) - {town}"]},
        "school": True, "noexp": True,
    },
    "lead_adult_care_apprentice": {
        "noun": "apprentice lead care worker", "profile": "apprentice_care",
        "school": False,
        "titles": ["Lead Adult Care Worker Apprenticeship (Level 3)", "Senior Carer Apprentice (Level 3)"],
        "titles_by_sector": {"supported_living": ["Lead Support Worker Apprenticeship (Level 3)"]},
    },
    # Social work
    "social_worker": {
        "noun": "social worker", "profile": "social_work", "reg": "swe",
        "titles": ["Social Worker - Adult Social Care ({town})", "Social Worker - Hospital Discharge Team",
                   "Social Worker - Children's Safeguarding ({town})", "Newly Qualified Social Worker (ASYE) - Adults",
                   "Social Worker - Learning Disabilities"],
        "drive": 0.7,
    },
    "senior_social_worker": {
        "noun": "senior practitioner", "profile": "social_work", "reg": "swe",
        "titles": ["Senior Practitioner - Adult Social Care", "Senior Social Worker - Safeguarding Adults",
                   "Senior Practitioner - Children in Care"],
        "drive": 0.7,
    },
    "amhp": {
        "noun": "approved mental health professional", "profile": "social_work", "reg": "swe_amhp",
        "titles": ["Approved Mental Health Professional (AMHP)", "AMHP - Out of Hours Service"],
        "drive": 1.0,
    },
    "social_care_assessor": {
        "noun": "social care assessor", "profile": "social_work",
        "titles": ["Community Care Assessor - {town}", "Social Care Assessor - Hospital Discharge",
                   "Occupational Therapy Assessor - Equipment and Adaptations"],
        "drive": 0.8,
    },
    "social_work_apprentice": {
        "noun": "social worker degree apprentice", "profile": "apprentice_social_work",
        "school": False,
        "titles": ["Social Worker Degree Apprenticeship (Level 6)", "Trainee Social Worker (Apprenticeship)"],
    },
    # Charity and volunteering
    "volunteer": {
        "noun": "volunteer", "profile": "volunteering",
        "titles": ["Volunteer - In-patient Unit Ward Companion", "Volunteer Driver", "Volunteer Befriender - Compassionate Neighbours",
                   "Volunteer Gardener", "Volunteer Receptionist", "Volunteer Shop Assistant - {site}",
                   "Volunteer Complementary Therapist", "Volunteer Day Hospice Helper", "Volunteer Bereavement Support Worker"],
        "school": True, "noexp": True,
    },
    "charity_shop_assistant": {
        "noun": "shop assistant", "profile": "volunteering",
        "titles": ["Retail Assistant - {site}", "Assistant Shop Manager - {town}", "Donations Sorter / Retail Assistant"],
        "dbs": False, "school": True, "noexp": True,
    },
    "community_fundraiser": {
        "noun": "community fundraiser", "profile": "volunteering",
        "titles": ["Community Fundraiser", "Events Fundraising Officer"],
        "dbs": False, "drive": 0.8,
    },
}
