"""Text fragments the demo adverts are assembled from.

Placeholders: {noun} (the job, e.g. "staff nurse"), {a_noun} (the job with "a" or "an"), {employer}, {site},
{town}, {unit} (ward or team), {Unit_phrase} (a sentence about the ward or team), {hours}.
"""

HEADINGS_ROLE = ["About the role", "The role", "Job summary", "What the job involves"]
HEADINGS_DUTIES = ["What you'll do", "Main duties", "Your day-to-day", "Key responsibilities"]
HEADINGS_US = ["About us", "Why join us?", "Working for {employer}", "Who we are"]

OPENINGS_UNIT = [
    "{Unit_phrase}. We're looking for {a_noun} to join the team.",
    "{Unit_phrase}. We now have an opportunity for {a_noun} to join us.",
    "Are you looking for your next step? {Unit_phrase}, and we'd love to hear from you if you want to join us as {a_noun}.",
    "{Unit_phrase}. It's a busy, friendly team, and we're recruiting {a_noun} who shares our values.",
]
OPENINGS_SITE = [
    "{employer} is looking for {a_noun} to join the team at {site} in {site_town}.",
    "We have an exciting opportunity for {a_noun} to join {employer}, based at {site}.",
    "Could you be our next {noun}? {employer} is recruiting in {town}.",
    "Join {employer} as {a_noun} and make a real difference to people's lives in and around {town}.",
]
OPENINGS_VOLUNTEER = [
    "Could you give a few hours a week to help people at the most important time of their lives? {employer} is looking for {a_noun} based at {site}.",
    "Our volunteers are at the heart of everything we do. We're looking for a friendly, reliable {noun} to join us at {site}.",
    "Volunteering at {employer} is a chance to meet new people, learn new skills and give something back to your community in {town}.",
]

OPENINGS_PA = [
    "A person living in {town} who arranges their own support with a direct payment is looking for {a_noun}. The council's PA support team is helping them recruit.",
    "Could you support someone to live their life their way? An individual employer in {town} is looking for {a_noun}, advertised with help from {employer}'s PA support team.",
]
SUMMARIES_PA = [
    "An individual employer in {town} is looking for {a_noun} to support them at home and in the community.",
    "Support one person in {town} as their {noun}, employed directly by them through a council direct payment.",
]

SUMMARIES = [
    "{employer} is recruiting {a_noun} to join {team_or_site}.",
    "Join our team at {site} as {a_noun}.",
    "An opportunity for {a_noun} to join {team_or_site}.",
    "We're looking for a caring, committed {noun} to join {team_or_site}.",
]

CLOSINGS = [
    "For an informal chat or to arrange a visit, contact {contact_name}, {contact_role}, on {phone}.",
    "We welcome informal visits. Please contact {contact_name}, {contact_role}, on {phone} or at {email}.",
    "If you have any questions about the role, {contact_name} ({contact_role}) will be happy to talk to you on {phone}.",
]
CLOSINGS_EXTRA = [
    "We may close this advert early if we receive a high number of applications, so please apply soon.",
    "We welcome applications from everyone and particularly from people from Black, Asian and minority ethnic communities, disabled people and LGBTQ+ people, who are under-represented in our senior roles.",
    "We are a Disability Confident employer and we will offer an interview to disabled applicants who meet the essential criteria.",
    "Interviews are planned for two weeks after the closing date.",
    "We are happy to talk about flexible working, including part-time hours and term-time working.",
    "Please tell us on your application if you need any adjustments to take part in the interview.",
]
CLOSINGS_VOLUNTEER = [
    "If you'd like to find out more before you apply, call our volunteering team on {phone} - we'd love to hear from you.",
    "There's no closing date pressure: we'll invite you for an informal chat, then a taster session, before you start.",
]

CONTACT_FIRST = ["Sarah", "James", "Priya", "Mohammed", "Emma", "Daniel", "Aisha", "Claire", "Tomasz", "Helen",
                 "Rajesh", "Joanne", "Mark", "Nisha", "Rebecca", "Anil", "Gemma", "Kelly", "Oluwaseun", "Rachel",
                 "Imran", "Lucy", "Paul", "Harpreet", "Agnieszka", "Stuart", "Fatima", "Nicola", "Dev", "Karen"]
CONTACT_LAST = ["Patel", "Smith", "Mistry", "Khan", "Brown", "Johnson", "Kaur", "Wilson", "Chauhan", "Taylor",
                "Lewandowski", "Singh", "Walker", "Parmar", "Hughes", "Begum", "Clarke", "Adeyemi", "Shah", "Turner",
                "Mahmood", "Robinson", "Lakhani", "Wright", "Green", "Sharma", "Hall", "Okafor", "Baker", "Evans"]

CONTACT_ROLES = {
    "ward_nursing": ["Ward Manager", "Matron", "Senior Sister"],
    "community_nursing": ["Community Nursing Team Lead", "Community Matron", "Service Manager"],
    "mental_health": ["Ward Manager", "Team Manager", "Modern Matron"],
    "maternity": ["Midwifery Matron", "Delivery Suite Manager", "Recruitment and Retention Midwife"],
    "ward_support": ["Ward Manager", "Matron", "Senior Sister"],
    "therapy": ["Therapy Lead", "Clinical Specialist", "Head of Therapies"],
    "therapy_support": ["Therapy Lead", "Clinical Specialist"],
    "diagnostics": ["Department Manager", "Laboratory Manager", "Training Lead"],
    "theatres": ["Theatre Manager", "Practice Educator"],
    "medical": ["Clinical Director", "Medical Director", "Clinical Lead"],
    "ambulance": ["Operations Manager", "Recruitment Team", "Station Manager"],
    "call_handling": ["EOC Manager", "Recruitment Team"],
    "pharmacy": ["Chief Pharmacist", "Pharmacy Manager", "Lead Pharmacist"],
    "psychology": ["Lead Psychologist", "Service Manager"],
    "admin": ["Office Manager", "Service Manager", "Administration Lead"],
    "apprentice_admin": ["Apprenticeship Lead", "Office Manager"],
    "facilities": ["Facilities Supervisor", "Hotel Services Manager", "Home Manager"],
    "primary_clinical": ["Practice Manager", "Lead Nurse", "PCN Manager"],
    "reception": ["Practice Manager", "Reception Manager"],
    "care_home": ["Home Manager", "Deputy Manager"],
    "care_home_nursing": ["Home Manager", "Clinical Lead"],
    "home_care": ["Registered Manager", "Care Coordinator"],
    "supported_living": ["Service Manager", "Recruitment Coordinator"],
    "management": ["Operations Director", "Managing Director", "Lead Partner"],
    "social_work": ["Team Manager", "Principal Social Worker"],
    "reablement": ["Reablement Team Manager", "Service Manager"],
    "personal_assistant": ["Direct Payments Support Officer", "PA Support Team"],
    "apprentice_clinical": ["Apprenticeship Lead", "Practice Education Facilitator"],
    "apprentice_care": ["Home Manager", "Training Coordinator"],
    "apprentice_pharmacy": ["Pharmacy Manager"],
    "apprentice_social_work": ["Principal Social Worker", "Workforce Development Officer"],
    "volunteering": ["Volunteer Services Manager", "Volunteer Coordinator", "Shop Manager"],
    "advanced_practice": ["Lead for Advanced Practice", "Clinical Director"],
}

# Profiles: how a family of similar jobs is described.
PROFILES = {
    "ward_nursing": {
        "about": [
            "As {a_noun} you'll plan and deliver safe, compassionate, evidence-based care for a group of patients, working alongside healthcare support workers, doctors, therapists and pharmacists.",
            "You'll be part of a supportive team that takes pride in good basic care and in learning together. We have a practice development nurse on the ward and protected time for training.",
            "This is a great role for a newly qualified nurse or an experienced nurse looking for a new challenge. You'll have a structured preceptorship or induction, a named mentor and regular clinical supervision.",
            "Our nurses tell us they stay because the team looks after each other. You'll be encouraged to develop special interests, such as tissue viability, infection prevention or end of life care.",
        ],
        "duties": [
            "Assess, plan, deliver and evaluate care for a group of patients, keeping accurate electronic records",
            "Give medicines safely, including intravenous medicines once you have completed the training",
            "Recognise the deteriorating patient using NEWS2 and escalate promptly",
            "Work with patients, families and carers to plan a safe discharge from the day of admission",
            "Support and supervise healthcare support workers, nursing associates and students",
            "Take part in ward rounds and safety huddles, and speak up for your patients",
            "Lead a shift when you feel ready, with support from the senior team",
            "Contribute to audits and quality improvement projects on the ward",
        ],
        "essential": [
            "Evidence of continuing professional development",
            "Good communication skills, in person and in writing",
            "Able to prioritise a busy workload and work as part of a team",
            "Commitment to compassionate, person-centred care",
        ],
        "desirable": [
            "Experience in a hospital ward setting (placements count)",
            "Intravenous drug administration and cannulation competencies",
            "Mentoring or practice supervisor training",
        ],
        "hooks": [
            "Preceptorship and a rotation programme are available for newly qualified nurses.",
            "Flexible rostering with self-rostering options.",
            "Full induction and a supportive, friendly team.",
        ],
    },
    "community_nursing": {
        "about": [
            "As {a_noun} you'll visit patients in their own homes and in community clinics, managing your own caseload with support from a close-knit team.",
            "Community nursing gives you the time and autonomy to build relationships with patients and families and to make a real difference to how people live with long-term conditions.",
            "You'll have a full induction, a preceptor if you're new to community, and a pool car or mileage allowance for your visits.",
        ],
        "duties": [
            "Assess patients at home and plan care, including wound care, leg ulcer management and catheter care",
            "Provide palliative and end of life care alongside GPs and the hospice",
            "Administer medicines, including insulin and subcutaneous infusions via syringe driver",
            "Use the electronic patient record on a tablet to record visits and plan care",
            "Teach patients and carers to manage their own conditions where they can",
            "Work closely with GP practices, social care and community therapists",
            "Lead the team for the shift and allocate visits when required",
        ],
        "essential": [
            "Able to work independently and manage a caseload",
            "Good IT skills and confidence using mobile devices",
            "Experience of wound care or an interest in developing it",
        ],
        "desirable": [
            "Community nursing experience",
            "Specialist Practitioner Qualification (District Nursing) or working towards it",
            "Independent or supplementary prescribing (V150/V300)",
        ],
        "hooks": [
            "Mileage paid and a pool car available for visits.",
            "Care for people at home and see the difference you make.",
        ],
    },
    "mental_health": {
        "about": [
            "As {a_noun} you'll help people through some of the hardest times of their lives, building therapeutic relationships based on hope and recovery.",
            "You'll work in a multidisciplinary team with psychiatrists, psychologists, occupational therapists, peer support workers and social workers.",
            "We use a trauma-informed approach, we involve people and their families in every decision about their care, and we offer regular reflective practice and clinical supervision.",
        ],
        "duties": [
            "Build therapeutic relationships with the people we support and their families",
            "Assess and manage risk, contributing to safety plans and care plans",
            "Take part in therapeutic and recreational activities on the ward or in the community",
            "Support people with their physical health, including observations and healthy lifestyle advice",
            "Use de-escalation skills to keep people safe, with restrictive practice as a last resort",
            "Keep accurate records on the electronic patient record",
            "Work within the Mental Health Act and the Mental Capacity Act",
        ],
        "essential": [
            "Understanding of mental health and recovery-focused care",
            "Calm, resilient and able to work in a sometimes challenging environment",
            "Good communication and listening skills",
        ],
        "desirable": [
            "Experience in a mental health or learning disability setting",
            "Experience of supporting people with their physical health",
            "Lived experience of mental health services (personally or as a carer)",
        ],
        "hooks": [
            "Reflective practice, clinical supervision and a real focus on staff wellbeing.",
            "Join a recovery-focused multidisciplinary team.",
        ],
    },
    "maternity": {
        "about": [
            "As {a_noun} you'll support women, birthing people and families through pregnancy, birth and the first weeks of their baby's life.",
            "Our maternity service is committed to continuity of carer, personalised care and safety. You'll have access to regular skills drills (PROMPT), a professional midwifery advocate and a strong preceptorship programme.",
            "You'll be part of a team that values kindness and teamwork, with rotation between the Delivery Suite, Birth Centre, wards and community to build your experience.",
        ],
        "duties": [
            "Provide care in labour and birth, including in the birthing pool on the Birth Centre",
            "Carry out antenatal and postnatal checks and newborn observations",
            "Support infant feeding, including breastfeeding, in line with UNICEF Baby Friendly standards",
            "Recognise complications and escalate to the obstetric team",
            "Complete accurate records on the maternity information system",
            "Safeguard vulnerable families, working with health visitors and social care",
        ],
        "essential": [
            "Excellent communication and emotional resilience",
            "Committed to personalised, safe care",
            "Able to work across a 24-hour service",
        ],
        "desirable": [
            "Newborn and Infant Physical Examination (NIPE) trained",
            "Experience of caring for women and birthing people with complex needs",
        ],
        "hooks": [
            "Rotation across the Delivery Suite, Birth Centre, wards and community.",
            "Preceptorship and a professional midwifery advocate to support you.",
        ],
    },
    "ward_support": {
        "about": [
            "As {a_noun} you'll work alongside nurses and doctors to give patients the help they need with everyday care, making sure they are comfortable, safe and treated with dignity.",
            "No previous experience in care? That's fine. You'll complete a two-week induction, the Care Certificate and on-the-job training, with a buddy for your first shifts.",
            "Support workers are the backbone of our wards. You'll be encouraged to develop, with routes into senior support worker, nursing associate and nurse degree apprenticeships.",
        ],
        "duties": [
            "Help patients with washing, dressing, eating, drinking and moving around",
            "Take and record observations such as blood pressure, pulse, temperature and blood glucose",
            "Report any changes in a patient's condition to the nurse in charge",
            "Support patients living with dementia or a learning disability, and their families",
            "Keep the bed area clean and well stocked, following infection prevention procedures",
            "Help with admissions and discharges, and keep accurate records",
            "Take blood samples and record ECGs once trained",
        ],
        "essential": [
            "Kind, patient and able to treat everyone with dignity and respect",
            "Good written and spoken English and basic numeracy",
            "Able to work as part of a team and follow instructions",
            "Willing to complete the Care Certificate within 12 weeks",
        ],
        "desirable": [
            "Experience of caring for people, paid, voluntary or with a family member",
            "Level 2 or 3 qualification in health and social care",
        ],
        "hooks": [
            "No experience needed - full training and the Care Certificate provided.",
            "A route into nursing associate and nursing apprenticeships.",
        ],
    },
    "therapy": {
        "about": [
            "As {a_noun} you'll help people regain their independence and get back to the things that matter to them.",
            "You'll work within a friendly multidisciplinary team, with weekly in-service training, monthly clinical supervision and a clear development pathway.",
            "We run a rotation programme so you can build experience across different specialties, and we support staff to take on further study and research.",
        ],
        "duties": [
            "Assess patients and plan treatment, setting goals with them and their families",
            "Deliver individual and group treatment and review progress",
            "Provide equipment and advice to make daily activities safer at home",
            "Take part in discharge planning with the wider team",
            "Supervise therapy assistants and students on placement",
            "Keep accurate, timely clinical records",
        ],
        "essential": [
            "Good communication and problem-solving skills",
            "Able to manage a caseload and prioritise",
            "Commitment to continuing professional development",
        ],
        "desirable": [
            "Experience in the specialty, including as a student on placement",
            "Experience of supervising others",
        ],
        "hooks": [
            "Rotational posts with protected CPD time.",
            "Join a supportive, multidisciplinary therapy team.",
        ],
    },
    "therapy_support": {
        "about": [
            "As {a_noun} you'll work alongside physiotherapists and occupational therapists, helping people regain their strength, confidence and independence.",
            "You don't need a therapy background: you'll have a full induction, competency training and regular supervision, and we support assistants who want to train as therapists through an apprenticeship.",
            "Therapy assistants are a valued part of our multidisciplinary team, and you'll see the difference you make as people get back on their feet.",
        ],
        "duties": [
            "Carry out exercise and mobility programmes set by the therapists",
            "Practise daily living tasks, such as washing, dressing and making a drink, with patients",
            "Measure for, deliver and demonstrate equipment such as walking aids and toilet frames",
            "Run group sessions such as strength and balance classes",
            "Record treatment and report progress to the therapist",
            "Keep therapy areas and equipment clean, safe and stocked",
        ],
        "essential": [
            "Good communication and a caring, encouraging approach",
            "Able to follow instructions and work as part of a team",
            "GCSE English and Maths at grade 4 (C) or above, or equivalent",
        ],
        "desirable": [
            "Experience in a health or care setting",
            "Interest in exercise, sport or rehabilitation",
        ],
        "hooks": ["Full training given and a route into therapy apprenticeships."],
    },
    "diagnostics": {
        "about": [
            "As {a_noun} you'll play a vital part in diagnosis: most clinical decisions in the hospital rely on our work.",
            "We're a friendly department with a strong training culture, modern equipment and a clear pathway for career progression.",
            "You'll have a comprehensive induction and a training plan, with support to complete further qualifications.",
        ],
        "duties": [
            "Carry out investigations and tests to the department's quality standards",
            "Check patient and sample identification carefully at every step",
            "Operate and maintain equipment, running quality control checks",
            "Take part in the extended-day, weekend and on-call rota",
            "Support the training of students, apprentices and new staff",
            "Work within health and safety and radiation protection or laboratory safety rules",
        ],
        "essential": [
            "Attention to detail and accuracy",
            "Able to work under pressure and to deadlines",
            "Good IT skills",
        ],
        "desirable": [
            "Experience in an NHS or accredited setting",
            "Experience of a laboratory information system or PACS",
        ],
        "hooks": [
            "Modern equipment and a clear training and progression pathway.",
            "Join a department at the heart of diagnosis and treatment.",
        ],
    },
    "theatres": {
        "about": [
            "As {a_noun} you'll care for patients through their anaesthetic, surgery and recovery, working across anaesthetics, scrub and recovery.",
            "Our theatres run planned and emergency lists, and you'll be supported by a practice educator and a structured competency programme.",
        ],
        "duties": [
            "Prepare the theatre and equipment for anaesthesia and surgery",
            "Assist the anaesthetist and monitor the patient throughout the procedure",
            "Scrub for procedures and manage instruments and swabs safely",
            "Care for patients in recovery until they are ready to go back to the ward",
            "Follow the WHO Surgical Safety Checklist and local safety standards",
        ],
        "essential": [
            "Calm, organised and safety-focused",
            "Good teamwork and communication skills",
        ],
        "desirable": [
            "Experience in anaesthetics, scrub or recovery",
            "Practice supervisor training",
        ],
        "hooks": ["Structured competency programme and practice educator support."],
    },
    "advanced_practice": {
        "about": [
            "As {a_noun} you'll assess, diagnose and treat patients with undifferentiated and complex needs, working at an advanced level across the four pillars of clinical practice, leadership, education and research.",
            "You'll have dedicated supervision from a consultant or senior clinician and protected time for continuing development.",
        ],
        "duties": [
            "Take histories, examine patients and request and interpret investigations",
            "Diagnose and manage acute and long-term conditions within your scope of practice",
            "Prescribe medicines as an independent prescriber",
            "Teach and support the wider team",
            "Take part in audit, service improvement and research",
        ],
        "essential": [
            "MSc in Advanced Clinical Practice (or working towards it for trainee posts)",
            "Independent prescriber (or willing to qualify)",
            "Extensive clinical experience at a senior level",
        ],
        "desirable": ["Experience of teaching and of leading improvement projects"],
        "hooks": ["Protected supervision and study time."],
    },
    "medical": {
        "about": [
            "We're looking for {a_noun} to join a supportive and forward-thinking team. You'll have a job plan agreed with you, with time for supporting professional activities.",
            "We can be flexible about sessions and working patterns, and we welcome applications from doctors who want to work less than full time.",
            "You'll have a mentor in your first year and support for continuing professional development, appraisal and revalidation.",
        ],
        "duties": [
            "Assess and manage patients, making clinical decisions and leading care",
            "Supervise and teach resident doctors, students and advanced practitioners",
            "Take part in audit, quality improvement and governance",
            "Work with colleagues across primary, community and social care",
            "Contribute to the on-call rota where applicable",
        ],
        "essential": [
            "Excellent clinical and communication skills",
            "Commitment to teaching and team working",
        ],
        "desirable": [
            "Experience in a leadership or educational role",
            "Special interest that adds to the service",
        ],
        "hooks": [
            "Flexible sessions and a supportive team.",
            "Mentoring, protected CPD time and help with relocation.",
        ],
    },
    "ambulance": {
        "about": [
            "As {a_noun} you'll respond to people in the community who need urgent or emergency care, or transport to and from hospital.",
            "Every shift is different. You'll work with a crewmate and be supported by clinical team mentors, the Emergency Operations Centre and our wellbeing team.",
            "You'll complete a full training course, including emergency driving (blue light) where needed, before going on the road.",
        ],
        "duties": [
            "Respond to emergency and urgent calls across Leicestershire and Rutland",
            "Assess patients and give treatment within your scope of practice",
            "Drive ambulance vehicles safely, including on blue lights once trained",
            "Move patients safely using carry chairs, stretchers and lifting equipment",
            "Complete electronic patient care records accurately",
            "Check, clean and restock the vehicle at the start and end of each shift",
        ],
        "essential": [
            "Full UK manual driving licence with no more than three penalty points",
            "C1 entitlement on your licence (or willing to gain it before starting)",
            "Good physical fitness",
            "Able to stay calm and communicate clearly under pressure",
        ],
        "desirable": [
            "Experience of working with the public in a caring role",
            "First aid or first person on scene qualification",
        ],
        "hooks": [
            "Full training provided, including emergency driving.",
            "Unsocial hours enhancements and a 24/7 wellbeing service.",
        ],
    },
    "call_handling": {
        "about": [
            "As {a_noun} you'll be the first voice people hear when they call 999. Using NHS Pathways, you'll assess each call and make sure the right help goes to the right person.",
            "You don't need a clinical background: you'll complete a paid six-week training course, followed by mentored shifts on the floor.",
        ],
        "duties": [
            "Answer 999 calls and gather information quickly and calmly",
            "Use the NHS Pathways clinical decision support system to triage calls",
            "Give life-saving instructions over the phone, such as CPR, until the crew arrives",
            "Keep accurate records and pass calls to dispatchers and clinicians",
            "Support callers who are distressed, frightened or angry",
        ],
        "essential": [
            "Good keyboard skills (at least 25 words per minute)",
            "Calm, clear communicator",
            "Able to work a 24/7 rota",
        ],
        "desirable": ["Experience in a contact centre or customer service role"],
        "hooks": ["Paid training - no clinical experience needed."],
    },
    "pharmacy": {
        "about": [
            "As {a_noun} you'll help make sure people get the most from their medicines, safely.",
            "You'll be part of a friendly, supportive pharmacy team with a strong focus on training and development.",
            "We invest in our people: you'll have a full induction and support to complete further qualifications.",
        ],
        "duties": [
            "Dispense and check prescriptions accurately, following standard operating procedures",
            "Give advice to patients about their medicines and self-care",
            "Carry out medicines reconciliation and medication reviews within your role",
            "Manage stock, orders and controlled drugs records",
            "Support clinical services such as Pharmacy First, blood pressure checks and vaccinations",
            "Train and support colleagues and students",
        ],
        "essential": [
            "Accuracy and attention to detail",
            "Good communication and customer service skills",
            "Able to work well in a team and on your own initiative",
        ],
        "desirable": [
            "Experience in a community, hospital or primary care pharmacy",
            "Independent prescribing qualification (pharmacist roles)",
        ],
        "hooks": [
            "Training and development to help you progress.",
            "Friendly, patient-focused pharmacy team.",
        ],
    },
    "psychology": {
        "about": [
            "As {a_noun} you'll deliver evidence-based psychological assessment and interventions, as part of a multidisciplinary service.",
            "We offer high-quality supervision, a strong reflective practice culture and support for continuing development.",
        ],
        "duties": [
            "Carry out psychological assessments and deliver interventions, individually and in groups",
            "Use routine outcome measures and review progress",
            "Receive and, where appropriate, provide clinical supervision",
            "Contribute to service evaluation and audit",
            "Work within clinical governance and risk management procedures",
        ],
        "essential": [
            "Relevant qualification for the post, as described in the person specification",
            "Good understanding of evidence-based psychological approaches",
        ],
        "desirable": ["Experience in an NHS mental health service"],
        "hooks": ["Excellent supervision and training."],
    },
    "admin": {
        "about": [
            "As {a_noun} you'll keep the service running smoothly, supporting clinical colleagues and giving patients a warm, professional welcome.",
            "You'll be part of a friendly administration team with a full induction and training on our systems.",
            "This is a great role if you're organised, you like people and you want to be part of the NHS without a clinical role.",
        ],
        "duties": [
            "Answer the phone and respond to enquiries from patients, families and colleagues",
            "Book appointments and manage waiting lists on the patient administration system",
            "Type letters and reports, including from digital dictation",
            "Keep records accurate, confidential and up to date",
            "Order stock and stationery and keep the office running",
            "Take minutes at meetings and support the team with general administration",
        ],
        "essential": [
            "Good IT skills, including Microsoft Word, Outlook and Excel",
            "GCSE English and Maths at grade 4 (C) or above, or equivalent",
            "Friendly, organised and able to keep information confidential",
        ],
        "desirable": [
            "Experience in an NHS or healthcare office",
            "Knowledge of medical terminology",
        ],
        "hooks": ["Join our friendly admin team - full training on our systems."],
    },
    "apprentice_admin": {
        "about": [
            "This apprenticeship combines paid work in one of our busy departments with a nationally recognised Level 3 Business Administrator qualification, delivered with a local college.",
            "You'll have a workplace mentor, protected study time and a real job, not just making tea. Many of our apprentices go on to permanent roles.",
        ],
        "duties": [
            "Answer the phone and deal with enquiries",
            "Book appointments and keep records up to date",
            "Prepare documents and take notes at meetings",
            "Complete your apprenticeship coursework and attend college sessions",
        ],
        "essential": [
            "GCSE English and Maths at grade 4 (C) or above, or Functional Skills Level 2 (or willing to achieve them)",
            "Keen to learn and reliable",
            "Basic IT skills",
        ],
        "desirable": ["Experience of customer service, including part-time or voluntary work"],
        "hooks": ["Earn while you learn - a paid apprenticeship with a recognised qualification."],
    },
    "facilities": {
        "about": [
            "As {a_noun} you'll play a vital part in keeping patients and staff safe and comfortable, and you'll be part of a friendly, hard-working team.",
            "No experience is needed for most of our facilities roles: we provide full training, uniform and support.",
            "You'll meet people every day and see how your work helps the whole organisation.",
        ],
        "duties": [
            "Follow cleaning, food hygiene or handling procedures and schedules",
            "Work safely with equipment and chemicals, following COSHH guidance",
            "Keep records of tasks completed",
            "Report maintenance problems and hazards to your supervisor",
            "Treat patients, residents and visitors with courtesy and respect",
        ],
        "essential": [
            "Reliable, friendly and willing to learn",
            "Able to work as part of a team and follow instructions",
            "Physically active role: able to stand, walk and lift for much of the shift",
        ],
        "desirable": [
            "Experience in cleaning, catering, portering or a similar role",
            "Food hygiene certificate (catering roles)",
        ],
        "hooks": [
            "No experience needed - full training given.",
            "A friendly team and a role where every day is different.",
        ],
    },
    "primary_clinical": {
        "about": [
            "As {a_noun} you'll be part of a friendly general practice team looking after patients from birth to old age.",
            "You'll have protected learning time, regular clinical supervision and a supportive team of GPs, nurses and pharmacists.",
            "We are a forward-thinking practice and network, keen to develop our team and to try new ways of working.",
        ],
        "duties": [
            "Run clinics and appointments for patients within your role",
            "Support patients with long-term conditions such as diabetes, asthma and COPD",
            "Work with the wider primary care network team and local community services",
            "Record consultations accurately on SystmOne or EMIS",
            "Take part in practice meetings and quality improvement",
            "Help patients find local support, groups and services",
        ],
        "essential": [
            "Good communication and organisational skills",
            "Able to work on your own and as part of a team",
        ],
        "desirable": [
            "Experience in general practice",
            "Experience of SystmOne or EMIS Web",
        ],
        "hooks": [
            "Friendly practice team with protected learning time.",
            "Monday to Friday - no nights.",
        ],
    },
    "reception": {
        "about": [
            "As {a_noun} you'll be the first point of contact for our patients, on the phone and at the front desk, helping them to the right appointment or service.",
            "We'll give you full training in our systems and in care navigation, so you can help every patient to the right person first time.",
        ],
        "duties": [
            "Answer the phone and greet patients at the front desk",
            "Book appointments and direct patients to the right service (care navigation)",
            "Process repeat prescription requests",
            "Scan and code incoming letters and update records",
            "Keep the waiting room welcoming and tidy",
        ],
        "essential": [
            "Friendly, patient and calm under pressure",
            "Good IT and keyboard skills",
            "Able to keep information confidential",
        ],
        "desirable": [
            "Customer service experience",
            "Experience of SystmOne or EMIS Web",
        ],
        "hooks": [
            "Full training given - customer service experience welcome.",
            "Daytime hours, Monday to Friday.",
        ],
    },
    "care_home": {
        "about": [
            "As {a_noun} you'll help our residents live well, with care that fits around their routines, their choices and what matters to them.",
            "Full training is provided, including the Care Certificate, moving and handling and dementia awareness. We'll also support you to complete a Level 2 or Level 3 Diploma in Adult Care.",
            "We are a small, friendly team and we take time to get to know our residents and their families. Every member of staff, from the kitchen to the manager, spends time with residents.",
        ],
        "duties": [
            "Help residents with personal care, washing, dressing and continence care, with dignity",
            "Support residents at mealtimes and with drinks, recording food and fluid intake",
            "Chat with residents and join in activities, outings and celebrations",
            "Give medicines safely once trained and assessed as competent",
            "Record care on our digital care planning system",
            "Notice changes in a resident's health or mood and report them",
            "Support families and visitors and make them feel welcome",
        ],
        "essential": [
            "Kind, patient and respectful",
            "Good spoken English and willing to learn",
            "Able to work shifts, including some weekends",
        ],
        "desirable": [
            "Care experience, paid or looking after a family member",
            "Level 2 or 3 Diploma in Adult Care",
            "Medication training",
        ],
        "hooks": [
            "Full paid training and a funded Diploma in Adult Care.",
            "Weekly pay, free meals on shift and free parking.",
        ],
    },
    "care_home_nursing": {
        "about": [
            "As {a_noun} you'll lead the care of our residents on your shift, supported by a team of senior carers and care assistants.",
            "You'll have time to get to know your residents, and you'll work closely with GPs, the community matron, the hospice and families.",
            "We offer a full induction, clinical supervision and support to keep your revalidation up to date.",
        ],
        "duties": [
            "Assess, plan and review the nursing care of residents",
            "Give medicines, including controlled drugs and syringe drivers",
            "Manage wound care, catheters and enteral feeding",
            "Lead the shift and support care staff",
            "Provide compassionate end of life care alongside families",
            "Keep care plans up to date on our digital care planning system",
        ],
        "essential": [
            "Good clinical skills and judgement",
            "Able to lead a team on shift",
        ],
        "desirable": [
            "Experience in a nursing home or older people's ward",
            "Verification of expected death training",
        ],
        "hooks": [
            "Competitive hourly rate with enhancements for nights and weekends.",
            "Clinical supervision and revalidation support.",
        ],
    },
    "home_care": {
        "about": [
            "As {a_noun} you'll visit people in their own homes, helping them with everyday tasks so they can stay independent where they want to be.",
            "We plan our rounds carefully, with realistic travel time, so you never have to rush a visit. You'll usually see the same people, so you really get to know them.",
            "No experience? That's fine. We provide paid training including the Care Certificate, and you'll shadow an experienced carer before working on your own.",
        ],
        "duties": [
            "Help people with personal care, washing and dressing",
            "Prepare meals and drinks and encourage people to eat well",
            "Prompt or give medicines as set out in the care plan",
            "Help with light housework, shopping and getting out and about",
            "Record each visit on our care app",
            "Report any concerns about the person's health or safety to the office",
        ],
        "essential": [
            "Caring, reliable and respectful",
            "Able to work some weekends (usually alternate)",
            "Able to travel between calls",
        ],
        "desirable": [
            "Experience of caring, paid or for a family member",
            "Level 2 Diploma in Adult Care",
        ],
        "hooks": [
            "Paid travel time and mileage between calls.",
            "Choose your hours - mornings, evenings or weekends.",
            "Full paid training - no experience needed.",
        ],
    },
    "supported_living": {
        "about": [
            "As {a_noun} you'll support adults with learning disabilities and autistic people to live the lives they choose in their own homes.",
            "Our support is person-centred and built on positive behaviour support. We match you to the people you support by shared interests, so whether you love football, music, cooking or walking, we want to hear from you.",
            "You'll have paid training, including the Oliver McGowan Mandatory Training on learning disability and autism, and regular supervision.",
        ],
        "duties": [
            "Support people with everyday living skills, cooking, cleaning and budgeting",
            "Help people take part in hobbies, work, college and their local community",
            "Support people with their health, including appointments and medicines",
            "Follow support plans and positive behaviour support plans",
            "Record support and outcomes accurately",
            "Work as part of a small team, including some sleep-in or waking night shifts",
        ],
        "essential": [
            "Positive, patient and respectful",
            "Able to work shifts including weekends",
        ],
        "desirable": [
            "Experience of supporting people with learning disabilities or autism",
            "Level 2 or 3 Diploma in Adult Care",
        ],
        "hooks": [
            "Matched to the people you support by shared interests.",
            "Paid training and a Level 2 or 3 Diploma in Adult Care.",
        ],
    },
    "management": {
        "about": [
            "As our {noun} you'll lead a dedicated team and make sure the service is safe, effective, caring, responsive and well-led.",
            "You'll have the support of an experienced owner or directors, a quality lead and a strong peer network across the region.",
            "We are looking for someone who leads by example, knows the people we support, and develops their team.",
        ],
        "duties": [
            "Lead, supervise and develop the team, including rotas, supervisions and appraisals",
            "Make sure care and support meet CQC standards and our own values",
            "Manage budgets, occupancy or contracts",
            "Handle complaints, safeguarding concerns and incidents openly",
            "Build good relationships with families, commissioners and health partners",
            "Lead audits and quality improvement",
        ],
        "essential": [
            "Leadership experience in health or social care",
            "Good knowledge of CQC regulations and safeguarding",
            "Level 5 Diploma in Leadership for Health and Social Care (or working towards it)",
        ],
        "desirable": [
            "Experience as a registered or deputy manager",
            "Clinical background (nursing services)",
        ],
        "hooks": [
            "Lead a committed team in a well-regarded service.",
            "Performance bonus and professional development.",
        ],
    },
    "social_work": {
        "about": [
            "As {a_noun} you'll work with adults, children and families to keep people safe and help them live the lives they want, building on their strengths.",
            "We offer manageable caseloads, good supervision and a strong learning culture, with a clear progression pathway from newly qualified to senior practitioner.",
            "Our teams work in a hybrid way, with touchdown bases across the county and agile IT.",
        ],
        "duties": [
            "Carry out strengths-based assessments and support planning under the Care Act 2014 or the Children Act 1989",
            "Lead safeguarding enquiries and work with partners to reduce risk",
            "Apply the Mental Capacity Act in your practice",
            "Write clear, timely records and reports, including for court where needed",
            "Work with NHS colleagues, housing and the voluntary sector",
            "Take part in duty rotas",
        ],
        "essential": [
            "Social work degree or equivalent (for qualified roles)",
            "Good knowledge of relevant legislation",
            "Good written and spoken communication",
        ],
        "desirable": [
            "Experience in a statutory setting",
            "Practice educator qualification",
        ],
        "hooks": [
            "Manageable caseloads and excellent supervision.",
            "Hybrid working and a clear progression pathway.",
        ],
    },
    "reablement": {
        "about": [
            "As {a_noun} you'll help people regain their confidence and independence at home after a hospital stay or illness, usually over up to six weeks.",
            "Reablement is about doing with, not doing for. You'll work alongside occupational therapists and social workers to help people set and reach their own goals.",
        ],
        "duties": [
            "Support people to relearn everyday tasks such as washing, dressing and making meals",
            "Follow and review reablement plans with the therapy team",
            "Encourage people to use equipment and adaptations safely",
            "Record progress on a mobile device",
            "Travel between visits across your patch",
        ],
        "essential": [
            "Positive and encouraging",
            "Able to travel between calls",
        ],
        "desirable": ["Care experience"],
        "hooks": ["Council terms and conditions, with a local government pension."],
    },
    "personal_assistant": {
        "about": [
            "This is a personal assistant role with an individual employer who receives a direct payment from the council. You'll support one person, at home and out in the community, in the way they choose.",
            "PA work is flexible and personal: you'll agree your hours, tasks and ways of working with your employer. The council's PA support team will help with training and advice.",
        ],
        "duties": [
            "Support with personal care, meals and medication as agreed",
            "Go out and about together: shopping, appointments, hobbies and social events",
            "Help with light housework and running the home",
            "Respect your employer's choices, privacy and routines",
        ],
        "essential": [
            "Reliable, respectful and flexible",
            "Good communication skills",
        ],
        "desirable": ["Experience as a PA or care worker"],
        "hooks": ["Flexible hours supporting one person in the way they choose."],
    },
    "apprentice_clinical": {
        "about": [
            "This is a paid apprenticeship: you'll work as part of the team while studying for a recognised qualification with our university or college partner, with protected study time.",
            "You'll have a practice assessor and practice supervisor to support you, placements across different settings, and a guaranteed job interview when you qualify.",
            "Apprenticeships are a great way into healthcare whether you're leaving school or college, changing career, or already working with us as a support worker.",
        ],
        "duties": [
            "Work as part of the clinical team, providing care under supervision",
            "Attend university or college study days and complete assignments",
            "Complete placements in other settings to broaden your experience",
            "Build a portfolio of evidence and meet with your assessor regularly",
        ],
        "essential": [
            "GCSE English and Maths at grade 4 (C) or above, or Functional Skills Level 2",
            "Commitment to completing the apprenticeship",
            "Caring and keen to learn",
        ],
        "desirable": ["Experience of caring, paid or voluntary"],
        "hooks": [
            "Earn while you learn, with your course fees paid.",
            "A guaranteed job interview when you qualify.",
        ],
    },
    "apprentice_care": {
        "about": [
            "This apprenticeship is a great way to start a career in care: you'll earn a wage, get hands-on experience and gain a nationally recognised qualification.",
            "You'll work alongside experienced carers, with a training provider visiting you at work and an off-the-job training plan.",
        ],
        "duties": [
            "Help the people we support with personal care, meals and daily activities",
            "Get to know people's life stories and what matters to them",
            "Record care accurately",
            "Complete your apprenticeship learning and assessments",
        ],
        "essential": [
            "Caring, reliable and keen to learn",
            "Willing to work some weekends",
        ],
        "desirable": ["Any experience of caring, including for family"],
        "hooks": ["Earn while you learn and gain a recognised care qualification."],
    },
    "apprentice_pharmacy": {
        "about": [
            "This apprenticeship is a great first job in healthcare: you'll learn to work in the dispensary and on the counter while studying for the Level 2 Pharmacy Services Assistant qualification.",
            "You'll be paid the apprentice wage in your first year, rising to the National Minimum or Living Wage for your age after that, with study time built into your week.",
        ],
        "duties": [
            "Serve customers and give advice under the pharmacist's supervision",
            "Help with dispensing and putting stock away",
            "Complete your apprenticeship learning and assessments",
        ],
        "essential": ["Friendly, reliable and keen to learn"],
        "desirable": ["Retail or customer service experience"],
        "hooks": ["A first step into a career in pharmacy."],
    },
    "apprentice_social_work": {
        "about": [
            "Our social work degree apprenticeship lets you qualify as a social worker in three years while staying in paid work, with your university fees paid.",
            "It's open to current staff in social care roles who want to progress; you'll keep your salary and have protected study time.",
        ],
        "duties": [
            "Work within a social care team, building your practice under supervision",
            "Attend university and complete assignments",
            "Complete statutory placements in adults' and children's services",
        ],
        "essential": [
            "Level 3 qualification (or equivalent) and GCSE English and Maths at grade 4 (C) or above",
            "Experience of working in social care",
        ],
        "desirable": ["Experience in a statutory social care setting"],
        "hooks": ["Qualify as a social worker with your degree paid for."],
    },
    "volunteering": {
        "about": [
            "Our volunteers help in every part of the hospice, from the ward and the day hospice to our shops and gardens. There's a role for everyone, whatever your age or background.",
            "You'll have a full induction and training, a named coordinator and regular catch-ups. Volunteering can also be a great first step towards a career in health and care.",
            "We're flexible: most volunteers give three or four hours a week, and you can choose a regular slot that fits around your life.",
        ],
        "duties": [
            "Welcome patients, families and visitors",
            "Offer refreshments and a friendly chat",
            "Help the team with practical tasks",
            "Follow our policies on confidentiality and safeguarding",
        ],
        "essential": [
            "Friendly, reliable and a good listener",
            "Able to commit to a regular slot for at least six months",
        ],
        "desirable": ["Previous volunteering or customer service experience"],
        "hooks": [
            "Flexible volunteering, with full training and travel expenses paid.",
            "Meet new people and gain experience of working in care.",
        ],
    },
}

# Extra duties for a single role, listed before the profile's general duties.
ROLE_DUTIES = {
    "ward_sister": ["Lead the ward team day to day, including rotas, appraisals and sickness management",
                    "Hold the ward budget and monitor quality and safety dashboards"],
    "senior_staff_nurse": ["Take charge of the ward in the ward sister's absence",
                           "Support the development of junior staff and preceptees"],
    "nursing_associate": ["Work within the scope of the nursing associate role, with registered nurses leading care planning"],
    "childrens_nurse": ["Care for children and young people alongside their parents and carers, using family-centred care"],
    "district_nurse": ["Lead a team of community nurses and healthcare support workers, allocating visits fairly"],
    "community_mental_health_nurse": ["Act as care coordinator for a caseload under the Community Mental Health Framework"],
    "learning_disability_nurse": ["Make reasonable adjustments so people with a learning disability get equal access to healthcare"],
    "phlebotomist": ["Take blood samples from adults and children on the wards and in outpatient clinics, labelling samples accurately"],
    "assistant_practitioner": ["Carry out delegated clinical tasks such as wound care, catheterisation and venepuncture"],
    "maternity_support_worker": ["Support new parents with infant feeding and caring for their baby"],
    "therapy_assistant": ["Carry out exercise programmes and practise daily living tasks with patients, as delegated by the therapists"],
    "paramedic": ["Lead the clinical care of patients, deciding whether to treat at home, refer or convey to hospital"],
    "emergency_care_assistant": ["Support the paramedic with patient care, including basic life support and observations"],
    "patient_transport_care_assistant": ["Take patients to and from outpatient appointments, dialysis and discharge safely and on time"],
    "diagnostic_radiographer": ["Perform plain film imaging across the Emergency Department, wards, theatres and outpatients"],
    "biomedical_scientist": ["Analyse and validate results, reporting critical results to clinicians promptly"],
    "medical_laboratory_assistant": ["Receive, sort and book in samples, and prepare them for analysis"],
    "cardiac_physiologist": ["Perform ECGs, echocardiograms and ambulatory monitoring and write factual reports"],
    "porter": ["Move patients, specimens, equipment and post safely around the hospital"],
    "domestic_assistant": ["Clean wards and departments to national standards of healthcare cleanliness"],
    "catering_assistant": ["Serve meals and drinks to patients, helping them choose from the menu"],
    "estates_technician": ["Carry out planned and reactive maintenance on building services and equipment"],
    "care_home_housekeeper": ["Keep residents' rooms and communal areas clean, fresh and homely, and manage the laundry"],
    "care_home_cook": ["Plan and cook nutritious, home-made meals, including modified textures and special diets"],
    "salaried_gp": ["Run face-to-face and remote surgeries, with home visits and care home reviews"],
    "gp_partner": ["Share in the leadership and business of the practice with the other partners"],
    "practice_nurse": ["Run clinics for long-term conditions, cervical screening, immunisations and travel health"],
    "gp_healthcare_assistant": ["Carry out health checks, blood tests, ECGs, blood pressure reviews and vaccinations"],
    "social_prescribing_link_worker": ["Meet people referred by their GP, find out what matters to them, and connect them with local groups and services"],
    "care_coordinator": ["Coordinate personalised care and support plans for people with complex needs"],
    "clinical_pharmacist": ["Carry out structured medication reviews and manage long-term conditions clinics"],
    "first_contact_physiotherapist": ["See patients with musculoskeletal problems directly, without a GP appointment first"],
    "community_pharmacist": ["Take responsibility as responsible pharmacist and deliver Pharmacy First consultations"],
    "dispensing_assistant": ["Label and assemble prescriptions, ready for the pharmacist's final check"],
    "pharmacy_counter_assistant": ["Sell medicines safely, using the WWHAM questions and referring to the pharmacist"],
    "senior_care_worker": ["Lead the care team on shift, give medicines and supervise care staff"],
    "care_team_leader": ["Lead shifts, complete supervisions and help keep care plans up to date"],
    "practice_leader": ["Role-model best practice and coach colleagues in person-centred care"],
    "activities_coordinator": ["Plan a varied programme of activities, outings and events with residents, including one-to-one time for people who stay in their rooms"],
    "new_to_care_worker": ["Shadow experienced colleagues until you feel confident"],
    "deputy_manager": ["Deputise for the registered manager and lead in their absence"],
    "registered_manager": ["Act as the registered manager with the Care Quality Commission"],
    "home_care_coordinator": ["Plan rotas and rounds on our scheduling system and match carers to the people they support"],
    "social_care_assessor": ["Carry out Care Act assessments and reviews for people with less complex needs"],
    "amhp": ["Coordinate Mental Health Act assessments and make applications for detention where necessary"],
    "senior_social_worker": ["Lead complex cases and supervise newly qualified social workers"],
    "psychological_wellbeing_practitioner": ["Deliver guided self-help and psychoeducational groups for people with anxiety and depression"],
    "charity_shop_assistant": ["Sort, price and display donations and serve customers at the till"],
    "community_fundraiser": ["Support local fundraising groups, schools and businesses, and organise events"],
}

REGISTRATION = {
    "nmc_adult": "Current registration with the Nursing and Midwifery Council (NMC) as a Registered Nurse (Adult), or expecting to register within six months",
    "nmc_mental_health": "Registered Mental Health Nurse with current NMC registration (students expecting to qualify within six months are welcome to apply)",
    "nmc_learning_disability": "Current NMC registration as a Registered Nurse (Learning Disabilities)",
    "nmc_children": "Current NMC registration as a Registered Nurse (Child), or expecting to register within six months",
    "nmc_midwife": "Current NMC registration as a Midwife, or due to qualify within six months",
    "nmc_na": "Registered Nursing Associate on the NMC register",
    "nmc_or_hcpc": "Registration with the NMC or HCPC",
    "hcpc_paramedic": "Registration with the Health and Care Professions Council (HCPC) as a Paramedic",
    "hcpc_physio": "HCPC registration as a Physiotherapist",
    "hcpc_ot": "HCPC registration as an Occupational Therapist",
    "hcpc_radiographer": "HCPC registration as a Diagnostic Radiographer",
    "hcpc_slt": "HCPC registration as a Speech and Language Therapist",
    "hcpc_dietitian": "HCPC registration as a Dietitian",
    "hcpc_podiatrist": "HCPC registration as a Podiatrist",
    "hcpc_odp": "HCPC registration as an Operating Department Practitioner (or a registered nurse with theatre experience)",
    "hcpc_bms": "HCPC registration as a Biomedical Scientist",
    "hcpc_psychologist": "HCPC registration as a Practitioner Psychologist (Clinical)",
    "rccp": "Registration with the Registration Council for Clinical Physiologists (RCCP), or eligible to register",
    "gmc": "Full registration with the General Medical Council (GMC) with a licence to practise",
    "gmc_specialist": "Full GMC registration with a licence to practise and entry on the Specialist Register (or within six months of CCT)",
    "gmc_gp": "Full GMC registration, entry on the GP Register and the National Medical Performers List",
    "gphc_pharmacist": "Registration with the General Pharmaceutical Council (GPhC) as a Pharmacist",
    "gphc_technician": "Registration with the General Pharmaceutical Council (GPhC) as a Pharmacy Technician",
    "swe": "Registration with Social Work England",
    "swe_amhp": "Registration with Social Work England, the NMC or the HCPC, and a current AMHP warrant (or the AMHP qualification)",
}

DBS_LINES = {
    "enhanced": "An enhanced DBS check with barred list checks, which we will arrange and pay for",
    "standard": "A satisfactory DBS check, which we will arrange",
}
DRIVING_LINES = [
    "A full UK driving licence and access to a car for work (business insurance needed)",
    "A full UK driving licence and your own car, or the ability to travel independently across the area",
]
WALKER_LINE = "Able to travel between visits on foot or by public transport (our walking rounds are close together)"
VISA_LINES = [
    "We can offer Skilled Worker visa sponsorship for this role to applicants who meet the Home Office requirements",
    "Skilled Worker visa sponsorship is available for suitably qualified applicants",
]
VISA_LINES_CARE = [
    "We can consider Skilled Worker sponsorship for applicants already in the UK who are switching from another care provider's sponsorship",
]
RIGHT_TO_WORK = "The right to work in the UK (we are not able to offer visa sponsorship for this role)"

BENEFITS = {
    "nhs": [
        "NHS Pension Scheme, with a generous employer contribution",
        "27 days' annual leave plus bank holidays, rising to 29 days after five years and 33 days after ten (pro rata)",
        "Blue Light Card and NHS staff discounts",
        "Salary sacrifice schemes for cars, bikes and home electronics",
        "Free health and wellbeing support, including counselling and staff physiotherapy",
        "Flexible working, including self-rostering, term-time and compressed hours where possible",
        "Funded learning and development, including apprenticeships and study leave",
        "Onsite staff restaurant and staff car parking (charges apply on some sites)",
        "Recognition of previous NHS service for annual leave and sick pay",
        "Staff networks, including race equality, disability, LGBTQ+ and armed forces networks",
    ],
    "nhs_unsocial": "Unsocial hours enhancements for nights, weekends and bank holidays",
    "nhs_preceptorship": "A 12-month preceptorship programme for newly qualified staff",
    "care": [
        "Paid training, including the Care Certificate and a funded Level 2 or 3 Diploma in Adult Care",
        "Paid DBS check and free uniform",
        "Free meals and drinks on shift",
        "Free on-site parking",
        "28 days' holiday including bank holidays (pro rata)",
        "Workplace pension with employer contributions",
        "Blue Light Card eligibility",
        "Employee assistance programme, with free confidential counselling",
        "Refer a friend bonus of \u00a3250",
        "Early access to earned pay",
        "Paid breaks",
        "Employee of the month awards and annual staff party",
    ],
    "care_unsocial": [
        "Enhanced pay for weekends (\u00a31.00 an hour extra) and time and a half on bank holidays",
        "Night enhancement of \u00a31.25 an hour",
    ],
    "home_care": [
        "Paid travel time between calls",
        "Mileage paid at 30p a mile between calls",
        "Guaranteed hours contracts available, or flexible hours if you prefer",
        "Company phone with our care planning app",
        "Paid induction, shadow shifts and the Care Certificate",
        "Weekend enhancement of \u00a31.00 an hour and double time on Christmas Day and New Year's Day",
        "Workplace pension and 28 days' holiday (pro rata)",
        "Blue Light Card eligibility",
        "Free uniform and personal protective equipment",
        "Refer a friend bonus of \u00a3300",
    ],
    "gp": [
        "NHS Pension Scheme",
        "Annual leave of 25 days plus bank holidays, rising with service (pro rata)",
        "Free on-site parking",
        "Protected learning time and funded CPD",
        "Daytime hours, Monday to Friday - no nights or weekends",
        "Friendly, supportive practice team and regular team socials",
        "Blue Light Card eligibility",
        "Indemnity covered by the Clinical Negligence Scheme for General Practice",
    ],
    "pharmacy": [
        "Staff discount on pharmacy products",
        "Funded training, including accredited dispenser and technician courses",
        "Workplace pension",
        "28 days' holiday including bank holidays (pro rata)",
        "No Sunday working",
        "Free parking at our Blaby and Lutterworth branches",
        "Annual bonus linked to services delivered",
    ],
    "council": [
        "Local Government Pension Scheme",
        "26 days' annual leave rising to 31 days after five years' service, plus bank holidays (pro rata)",
        "Hybrid and flexible working",
        "Essential car user allowance and mileage at HMRC rates",
        "Protected caseloads and a structured programme for newly qualified social workers (ASYE)",
        "Blue Light Card eligibility and a local discounts scheme",
        "Employee assistance programme",
        "Lease car and cycle to work schemes",
    ],
    "hospice": [
        "Terms and conditions aligned to Agenda for Change, including annual leave",
        "Continued membership of the NHS Pension Scheme for eligible staff, or a contributory pension",
        "Free on-site parking",
        "Clinical supervision and reflective practice",
        "Funded training and development, including palliative care courses",
        "A wellbeing room and free complementary therapies for staff",
        "Blue Light Card eligibility",
        "Staff discount in our charity shops",
    ],
    "volunteer": [
        "Full induction and training",
        "Travel expenses reimbursed",
        "Free refreshments when you volunteer",
        "A reference after three months of volunteering",
        "Be part of a friendly, welcoming team",
        "Invitations to volunteer events and celebrations",
    ],
    "apprentice": [
        "Your apprenticeship course fees paid in full",
        "Protected off-the-job training time",
        "A workplace mentor and an assessor to support you",
    ],
}
