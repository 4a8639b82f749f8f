/// Word lists the record generator draws from. Picklist lists are the standard values of a new org.
enum SampleText {
    static let industries = [
        "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications", "Construction",
        "Consulting", "Education", "Electronics", "Energy", "Engineering", "Entertainment", "Environmental",
        "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality", "Insurance", "Machinery",
        "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping", "Technology",
        "Telecommunications", "Transportation", "Utilities", "Other",
    ]
    static let campaignTypes = [
        "Conference", "Webinar", "Trade Show", "Public Relations", "Partners", "Referral Program",
        "Advertisement", "Banner Ads", "Direct Mail", "Email", "Telemarketing", "Other",
    ]
    static let campaignStatuses = ["Planned", "In Progress", "Completed", "Aborted"]
    static let caseStatuses = ["New", "Working", "Escalated", "Closed"]
    static let casePriorities = ["High", "Medium", "Low"]
    static let caseOrigins = ["Phone", "Email", "Web"]
    /// EmailMessage status codes: 0 New, 1 Read, 2 Replied, 3 Sent, 4 Forwarded, 5 Draft.
    static let emailStatuses = ["0", "1", "2", "3", "4", "5"]
    static let leadStatuses = [
        "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted",
    ]

    static let firstNames = [
        "Ada", "Amara", "Björn", "Carmen", "Chen", "Dmitri", "Elif", "Fatima", "Grace", "Hiroshi", "Ines",
        "Jonas", "Kwame", "Lena", "Mateo", "Noor", "Olga", "Priya", "Rafael", "Sofia", "Tomás", "Uma",
        "Wei", "Yusuf", "Zoë",
    ]
    static let lastNames = [
        "Abara", "Berg", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhang",
    ]
    static let companyStems = [
        "Acme", "Blue Harbor", "Cedar", "Delta Forge", "Evergreen", "Falcon", "Granite", "Helios", "Iron Leaf",
        "Juniper", "Kestrel", "Lumen", "Meridian", "Northwind", "Orchid", "Pioneer", "Quartz", "Redwood",
        "Summit", "Tidewater", "Umbra", "Vantage", "Willow", "Xenon", "Zephyr",
    ]
    static let companySuffixes = ["Inc.", "GmbH", "Ltd.", "S.A.", "Group", "Labs", "Partners", "AG", "LLC"]
    static let cities = [
        "Amsterdam", "Berlin", "Bogotá", "Cape Town", "Chicago", "Dublin", "Istanbul", "Kraków", "Lagos",
        "Lisbon", "Montréal", "Mumbai", "Nairobi", "Osaka", "Paris", "São Paulo", "Seoul", "Sydney", "Toronto",
        "Zürich",
    ]
    static let titles = [
        "CEO", "CFO", "VP Sales", "Head of Support", "Procurement Manager", "IT Director", "Office Manager",
        "Account Executive", "Operations Lead", "Product Owner",
    ]
    static let caseSubjects = [
        "Cannot log in after password reset", "Invoice total does not match the order",
        "Shipment arrived damaged", "Request for a refund", "API returns 500 on export",
        "Question about the renewal terms", "Duplicate charge on the credit card", "Feature request: CSV import",
        "Sync stopped overnight", "Update billing address",
    ]
    static let sentences = [
        "The customer reported the issue after the latest release.",
        "We agreed to follow up by the end of the week.",
        "Attached is the summary of our call.",
        "Please confirm the delivery date for the remaining items.",
        "The contract renewal is scheduled for next quarter.",
        "Our team reproduced the problem on a staging system.",
        "The workaround below restores the nightly export.",
        "Pricing for the additional seats is listed in the table.",
        "Thanks again for your patience while we investigated.",
        "The account has been flagged for a health check.",
        "Données reçues: voir le résumé ci-dessous.",
        "Die Lieferung verzögert sich um zwei Tage.",
        "ご確認のほどよろしくお願いいたします。",
        "Спасибо за быстрый ответ.",
    ]
}
