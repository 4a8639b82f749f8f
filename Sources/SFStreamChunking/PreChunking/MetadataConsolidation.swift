import SFStreamElements

/// Merges the metadata of a chunk's elements by the per-field rules of `unstructured` 0.27.35
/// (`ConsolidationStrategy.field_consolidation_strategies`).
///
/// - First value found: `filename`, `filetype`, `data_source`, and the e-mail fields `sent_from`,
///   `sent_to`, `cc_recipient`, `bcc_recipient`, `subject`, `email_message_id`.
/// - Union in order of first appearance: `languages`.
/// - Concatenation in element order: `link_texts`, `link_urls`, `emphasized_text_contents`,
///   `emphasized_text_tags`.
/// - Dropped: `category_depth`, `parent_id` (it may name an element that is no longer output),
///   `image_url`, `image_mime_type`, `is_continuation`, `chunk_index`,
///   `num_carried_over_header_rows`, and `text_as_html`.
///   `unstructured` joins the `text_as_html` of text elements with spaces, which yields no valid
///   HTML, so sfstream writes `text_as_html` on table chunks only.
/// - ``ElementMetadata/extra`` fields (a record's own fields): the first value of each key.
///   `unstructured` drops such ad-hoc fields from chunks, but they identify the Salesforce record
///   a chunk came from, so sfstream keeps them.
///
/// `orig_elements` is never written, because `unstructured`'s loader expects it gzip-compressed.
enum MetadataConsolidation {
    static func consolidate(_ elements: ArraySlice<Element>) -> ElementMetadata {
        var merged = ElementMetadata()
        var seenLanguages = Set<String>()
        var seenExtraKeys = Set<String>()

        for element in elements {
            let metadata = element.metadata
            merged.filename = merged.filename ?? metadata.filename
            merged.filetype = merged.filetype ?? metadata.filetype
            merged.dataSource = merged.dataSource ?? metadata.dataSource
            merged.sentFrom = merged.sentFrom ?? metadata.sentFrom
            merged.sentTo = merged.sentTo ?? metadata.sentTo
            merged.ccRecipient = merged.ccRecipient ?? metadata.ccRecipient
            merged.bccRecipient = merged.bccRecipient ?? metadata.bccRecipient
            merged.subject = merged.subject ?? metadata.subject
            merged.emailMessageID = merged.emailMessageID ?? metadata.emailMessageID

            if let languages = metadata.languages {
                var union = merged.languages ?? []
                for language in languages where seenLanguages.insert(language).inserted {
                    union.append(language)
                }
                merged.languages = union
            }

            append(metadata.linkTexts, to: &merged.linkTexts)
            append(metadata.linkURLs, to: &merged.linkURLs)
            append(metadata.emphasizedTextContents, to: &merged.emphasizedTextContents)
            append(metadata.emphasizedTextTags, to: &merged.emphasizedTextTags)

            for field in metadata.extra where seenExtraKeys.insert(field.key).inserted {
                merged.extra.append(field)
            }
        }
        return merged
    }

    /// Returns the metadata for a table's chunks: the table's own metadata without the fields
    /// `unstructured` drops from chunks. The caller sets `text_as_html`, `is_continuation`,
    /// `chunk_index` and `num_carried_over_header_rows`.
    static func tableChunkBase(_ table: Element) -> ElementMetadata {
        var metadata = table.metadata
        metadata.categoryDepth = nil
        metadata.parentID = nil
        metadata.imageURL = nil
        metadata.imageMimeType = nil
        metadata.isContinuation = nil
        metadata.chunkIndex = nil
        metadata.numCarriedOverHeaderRows = nil
        metadata.textAsHTML = nil
        return metadata
    }

    private static func append(_ values: [String]?, to list: inout [String]?) {
        guard let values else { return }
        if list == nil { list = [] }
        list!.append(contentsOf: values)
    }
}
