import SFStreamElements

/// Merges the metadata of a chunk's elements by the per-field rules of `unstructured` 0.27.35
/// (`ConsolidationStrategy.field_consolidation_strategies`).
///
/// - First value found: `filename`, `filetype`, `page_number`, `data_source`, and the e-mail fields `sent_from`,
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

        // Fields are read in place through the index: copying each element's metadata first
        // retained and released every one of its strings and arrays.
        for index in elements.indices {
            if merged.filename == nil { merged.filename = elements[index].metadata.filename }
            if merged.filetype == nil { merged.filetype = elements[index].metadata.filetype }
            if merged.pageNumber == nil { merged.pageNumber = elements[index].metadata.pageNumber }
            if merged.dataSource == nil { merged.dataSource = elements[index].metadata.dataSource }
            if merged.sentFrom == nil { merged.sentFrom = elements[index].metadata.sentFrom }
            if merged.sentTo == nil { merged.sentTo = elements[index].metadata.sentTo }
            if merged.ccRecipient == nil { merged.ccRecipient = elements[index].metadata.ccRecipient }
            if merged.bccRecipient == nil { merged.bccRecipient = elements[index].metadata.bccRecipient }
            if merged.subject == nil { merged.subject = elements[index].metadata.subject }
            if merged.emailMessageID == nil { merged.emailMessageID = elements[index].metadata.emailMessageID }

            if let languages = elements[index].metadata.languages {
                var union = merged.languages ?? []
                for language in languages where seenLanguages.insert(language).inserted {
                    union.append(language)
                }
                merged.languages = union
            }

            append(elements[index].metadata.linkTexts, to: &merged.linkTexts)
            append(elements[index].metadata.linkURLs, to: &merged.linkURLs)
            append(elements[index].metadata.emphasizedTextContents, to: &merged.emphasizedTextContents)
            append(elements[index].metadata.emphasizedTextTags, to: &merged.emphasizedTextTags)

            if !elements[index].metadata.extra.isEmpty {
                for field in elements[index].metadata.extra where seenExtraKeys.insert(field.key).inserted {
                    merged.extra.append(field)
                }
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
