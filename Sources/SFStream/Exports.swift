@_exported import SFStreamChunking
@_exported import SFStreamElements
@_exported import SFStreamPartition
@_exported import SFStreamSalesforce
@_exported import SFStreamLogging
