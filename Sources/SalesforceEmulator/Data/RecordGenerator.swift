/// Builds any field of any generated record from the seed alone, so 100,000 records cost no memory
/// until a request reads them. Each field draws from its own `SplitMix64`, salted by object, record
/// index and field name, so reading one field never depends on reading another first.
final class RecordGenerator: Sendable {
    let seed: UInt64
    let corpus: EmailCorpus
    /// Generated records per object API name.
    let counts: [String: Int]
    /// The two instance characters of every Id, taken from the seed.
    let instance: String
    /// The Id number of record 0; record `i` has number `idBase + i`.
    let idBase: UInt64
    /// Whether EmailMessage records past the corpus start the corpus again.
    let repeatsCorpus: Bool

    /// Generated records are created between these instants (2025-01-01 and 2026-07-01, UTC).
    static let firstCreated: Int64 = 1_735_689_600_000
    static let lastCreated: Int64 = 1_782_864_000_000

    init(seed: UInt64, corpus: EmailCorpus, counts: [String: Int], repeatsCorpus: Bool = false) {
        self.seed = seed
        self.corpus = corpus
        self.counts = counts
        self.repeatsCorpus = repeatsCorpus
        var random = SplitMix64(seed: seed, 0x1D)
        let digits = SalesforceID.digits
        // The first instance character is a digit or upper-case letter, as on real pods ("5g", "Hs").
        instance = String(decoding: [digits[Int(random.next() % 36)], digits[Int(random.next() % 62)]], as: UTF8.self)
        idBase = 1_000_000 + random.next() % 1_000_000_000
    }

    func id(of object: ObjectSchema, index: Int) -> SalesforceID {
        SalesforceID(keyPrefix: object.keyPrefix, instance: instance, number: idBase + UInt64(index))
    }

    /// Returns the record index an Id names, or `nil` when the Id is not one of this org's.
    func index(of id: SalesforceID, in object: ObjectSchema) -> Int? {
        guard id.keyPrefix == object.keyPrefix, id.instance == instance, id.number >= idBase else { return nil }
        let index = id.number - idBase
        return index < UInt64(Int.max) ? Int(index) : nil
    }

    private func random(_ object: ObjectSchema, _ index: Int, _ salt: String) -> SplitMix64 {
        SplitMix64(seed: seed, SplitMix64.hash(object.name), UInt64(index), SplitMix64.hash(salt))
    }

    // MARK: - Fields

    /// Returns the value of `field` for generated record `index` of `object`.
    func value(of field: String, in object: ObjectSchema, index: Int) -> FieldValue {
        switch field {
        case "Id": return .string(id(of: object, index: index).value18)
        case "IsDeleted": return .bool(false)
        case "CreatedDate": return .dateTime(createdDate(object, index))
        case "LastModifiedDate", "SystemModstamp": return .dateTime(modifiedDate(object, index))
        default: break
        }
        switch object.name {
        case "Account": return accountValue(field, index)
        case "Campaign": return campaignValue(field, index)
        case "Case": return caseValue(field, index)
        case "Contact": return personValue(field, object, index)
        case "Lead": return personValue(field, object, index)
        case "EmailMessage": return emailValue(field, index)
        case "Support_Note__c": return supportNoteValue(field, index)
        default: return .null
        }
    }

    private func createdDate(_ object: ObjectSchema, _ index: Int) -> Int64 {
        var random = random(object, index, "CreatedDate")
        let span = UInt64(Self.lastCreated - Self.firstCreated)
        // Whole seconds, like dates that real users create.
        return Self.firstCreated + Int64(random.next() % span) / 1000 * 1000
    }

    private func modifiedDate(_ object: ObjectSchema, _ index: Int) -> Int64 {
        var random = random(object, index, "SystemModstamp")
        let created = createdDate(object, index)
        // Two records in three were edited after creation, within 90 days.
        guard random.chance(2.0 / 3.0) else { return created }
        return created + Int64(random.next() % (90 * 86_400)) * 1000
    }

    private func reference(to objectName: String, from object: ObjectSchema, index: Int, salt: String) -> FieldValue {
        guard let target = OrgSchema.object(named: objectName), let count = counts[target.name], count > 0 else {
            return .null
        }
        var random = random(object, index, salt)
        return .string(id(of: target, index: Int(random.next() % UInt64(count))).value18)
    }

    private func company(_ object: ObjectSchema, _ index: Int) -> String {
        var random = random(object, index, "Company")
        return "\(random.pick(SampleText.companyStems)) \(random.pick(SampleText.companySuffixes))"
    }

    private func slug(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    private func sentences(_ object: ObjectSchema, _ index: Int, _ salt: String, count: ClosedRange<Int>) -> String {
        var random = random(object, index, salt)
        return (0..<random.int(in: count)).map { _ in random.pick(SampleText.sentences) }.joined(separator: " ")
    }

    private func accountValue(_ field: String, _ index: Int) -> FieldValue {
        let object = OrgSchema.account
        var random = random(object, index, field)
        switch field {
        case "Name": return .string(company(object, index))
        case "Industry": return .string(random.pick(SampleText.industries))
        case "Website": return .string("https://www.\(slug(company(object, index))).example.com")
        case "Phone": return .string("+1 555 01\(String(format2: random.int(in: 0...99)))")
        case "BillingCity": return .string(random.pick(SampleText.cities))
        case "Description": return .string(sentences(object, index, field, count: 1...3))
        default: return .null
        }
    }

    private func campaignValue(_ field: String, _ index: Int) -> FieldValue {
        let object = OrgSchema.campaign
        var random = random(object, index, field)
        switch field {
        case "Name":
            var typeRandom = self.random(object, index, "Type")
            return .string("\(2025 + index % 2) \(typeRandom.pick(SampleText.campaignTypes)) \(random.pick(SampleText.cities))")
        case "Type": return .string(random.pick(SampleText.campaignTypes))
        case "Status": return .string(random.pick(SampleText.campaignStatuses))
        case "Description": return .string(sentences(object, index, field, count: 1...2))
        default: return .null
        }
    }

    private func caseValue(_ field: String, _ index: Int) -> FieldValue {
        let object = OrgSchema.caseObject
        var random = random(object, index, field)
        switch field {
        case "CaseNumber": return .string(String(zeroPadded: 1001 + index, width: 8))
        case "Subject": return .string(random.pick(SampleText.caseSubjects))
        case "Status": return .string(random.pick(SampleText.caseStatuses))
        case "Priority": return .string(random.pick(SampleText.casePriorities))
        case "Origin": return .string(random.pick(SampleText.caseOrigins))
        case "Description": return .string(sentences(object, index, field, count: 2...4))
        case "AccountId": return reference(to: "Account", from: object, index: index, salt: field)
        case "ContactId": return reference(to: "Contact", from: object, index: index, salt: field)
        default: return .null
        }
    }

    /// Contact and Lead share their person fields.
    private func personValue(_ field: String, _ object: ObjectSchema, _ index: Int) -> FieldValue {
        var nameRandom = random(object, index, "Name")
        let firstName = nameRandom.pick(SampleText.firstNames)
        let lastName = nameRandom.pick(SampleText.lastNames)
        var random = random(object, index, field)
        switch field {
        case "FirstName": return .string(firstName)
        case "LastName": return .string(lastName)
        case "Name": return .string("\(firstName) \(lastName)")
        case "Company": return .string(company(object, index))
        case "Title": return .string(random.pick(SampleText.titles))
        case "Email": return .string("\(slug(firstName)).\(slug(lastName))\(index)@\(slug(company(object, index))).example.com")
        case "Phone": return .string("+44 20 7946 \(String(zeroPadded: random.int(in: 0...9999), width: 4))")
        case "Status": return .string(random.pick(SampleText.leadStatuses))
        case "AccountId": return reference(to: "Account", from: object, index: index, salt: field)
        case "Description": return .string(sentences(object, index, field, count: 1...2))
        default: return .null
        }
    }

    private func supportNoteValue(_ field: String, _ index: Int) -> FieldValue {
        let object = OrgSchema.supportNote
        switch field {
        case "Name": return .string("SN-\(String(zeroPadded: index + 1, width: 5))")
        case "Case__c": return reference(to: "Case", from: object, index: index, salt: field)
        case "Body__c":
            var random = random(object, index, field)
            let items = (0..<random.int(in: 1...3)).map { _ in "<li>\(escapeHTML(random.pick(SampleText.sentences)))</li>" }
            return .string(
                "<p><b>Support note \(index + 1)</b></p><p>\(escapeHTML(sentences(object, index, "Body", count: 1...3)))</p><ul>\(items.joined())</ul>"
            )
        default: return .null
        }
    }

    // MARK: - EmailMessage

    /// The kind of body an EmailMessage record has. Records below the corpus size carry a corpus
    /// document. The rest cycle through these edge cases and generated HTML, or through the corpus
    /// again when `repeatsCorpus` is set.
    enum EmailBodyKind: Equatable {
        case corpus(Int)
        case textOnly
        case noBody
        case emptyMarkup
        case generatedHTML
    }

    func emailBodyKind(index: Int) -> EmailBodyKind {
        if index < corpus.documents.count { return .corpus(index) }
        if repeatsCorpus { return .corpus(index % corpus.documents.count) }
        switch (index - corpus.documents.count) % 10 {
        case 0, 1: return .textOnly
        case 2: return .noBody
        case 3: return .emptyMarkup
        default: return .generatedHTML
        }
    }

    private func emailValue(_ field: String, _ index: Int) -> FieldValue {
        let object = OrgSchema.emailMessage
        var random = random(object, index, field)
        var senderRandom = self.random(object, index, "From")
        let senderFirst = senderRandom.pick(SampleText.firstNames)
        let senderLast = senderRandom.pick(SampleText.lastNames)
        switch field {
        case "Subject": return .string(emailSubject(index))
        case "FromName": return .string("\(senderFirst) \(senderLast)")
        case "FromAddress": return .string("\(slug(senderFirst)).\(slug(senderLast))@\(slug(company(object, index))).example.com")
        case "ToAddress": return .string("support@example.com")
        case "CcAddress": return random.chance(0.3) ? .string("team-\(random.int(in: 1...9))@example.com") : .null
        case "BccAddress": return random.chance(0.1) ? .string("archive@example.com") : .null
        case "MessageDate": return .dateTime(createdDate(object, index) - Int64(random.int(in: 0...3600)) * 1000)
        case "Status": return .string(random.pick(SampleText.emailStatuses))
        case "ParentId": return reference(to: "Case", from: object, index: index, salt: field)
        case "MessageIdentifier": return .string("<\(String(random.next(), radix: 16))@mail.example.com>")
        case "Incoming": return .bool(random.chance(0.5))
        case "HtmlBody": return emailHTMLBody(index)
        case "TextBody": return emailTextBody(index)
        default: return .null
        }
    }

    private func emailSubject(_ index: Int) -> String {
        if case .corpus(let documentIndex) = emailBodyKind(index: index),
           let title = corpus.documents[documentIndex].title, !title.isEmpty {
            return String(title.prefix(255))
        }
        var random = random(OrgSchema.emailMessage, index, "Subject")
        return "Re: \(random.pick(SampleText.caseSubjects))"
    }

    private func emailHTMLBody(_ index: Int) -> FieldValue {
        switch emailBodyKind(index: index) {
        case .corpus(let documentIndex): return .string(corpus.documents[documentIndex].html)
        case .textOnly, .noBody: return .null
        case .emptyMarkup: return .string("<html><head></head><body></body></html>")
        case .generatedHTML: return .string(generatedHTML(index))
        }
    }

    private func emailTextBody(_ index: Int) -> FieldValue {
        switch emailBodyKind(index: index) {
        case .corpus(let documentIndex): return .string(corpus.documents[documentIndex].text)
        case .textOnly: return .string(generatedText(index))
        case .noBody, .emptyMarkup: return .null
        case .generatedHTML: return .string(HTMLText.plainText(of: generatedHTML(index)))
        }
    }

    private func generatedText(_ index: Int) -> String {
        var random = random(OrgSchema.emailMessage, index, "TextBody")
        let name = random.pick(SampleText.firstNames)
        let paragraphs = (0..<random.int(in: 2...4)).map { _ in
            (0..<random.int(in: 1...3)).map { _ in random.pick(SampleText.sentences) }.joined(separator: " ")
        }
        return "Hello \(name),\n\n" + paragraphs.joined(separator: "\n\n") + "\n\nBest regards,\nSupport\n"
    }

    /// Builds a plausible HTML e-mail of about 1 to 5 KB: heading, paragraphs, a list, a table and a quoted reply.
    func generatedHTML(_ index: Int) -> String {
        var random = random(OrgSchema.emailMessage, index, "HtmlBody")
        let subject = escapeHTML(emailSubject(index))
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(subject)</title></head><body>"
        html += "<h1>\(subject)</h1>"
        html += "<p>Hello \(escapeHTML(random.pick(SampleText.firstNames))),</p>"
        for _ in 0..<random.int(in: 1...4) {
            let paragraph = (0..<random.int(in: 1...4)).map { _ in random.pick(SampleText.sentences) }.joined(separator: " ")
            html += "<p>\(escapeHTML(paragraph))</p>"
        }
        if random.chance(0.6) {
            html += "<h2>Next steps</h2><ul>"
            for _ in 0..<random.int(in: 2...5) { html += "<li>\(escapeHTML(random.pick(SampleText.sentences)))</li>" }
            html += "</ul>"
        }
        if random.chance(0.4) {
            html += "<table><tr><th>Item</th><th>Quantity</th><th>Price</th></tr>"
            for row in 1...random.int(in: 1...4) {
                html += "<tr><td>Item \(row)</td><td>\(random.int(in: 1...20))</td><td>\(random.int(in: 5...500)).00 EUR</td></tr>"
            }
            html += "</table>"
        }
        if random.chance(0.5) {
            html += "<blockquote><p>On an earlier date, \(escapeHTML(random.pick(SampleText.firstNames))) wrote:</p>"
            html += "<p>\(escapeHTML(random.pick(SampleText.sentences)))</p></blockquote>"
        }
        html += "<p>Best regards,<br>Support</p></body></html>"
        return html
    }
}

func escapeHTML(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        default: output.append(character)
        }
    }
    return output
}

extension String {
    init(zeroPadded value: Int, width: Int) {
        let digits = String(value)
        self = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    init(format2 value: Int) {
        self.init(zeroPadded: value, width: 2)
    }
}
