import SFStreamElements
import SFStreamPartition

/// Partitions an HTML string with a fixed filename, as the pipeline partitions a record body.
func partition(_ html: String, filename: String = "test.html") -> [Element] {
    var metadata = ElementMetadata()
    metadata.filename = filename
    return HTMLPartitioner.partition(html: html, options: PartitionOptions(metadata: metadata))
}

/// Element texts with whitespace runs collapsed, for comparison with expected texts.
func texts(_ elements: [Element]) -> [String] {
    elements.map { collapsed($0.text) }
}

func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
